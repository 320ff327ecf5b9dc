package nnsweep.run;

import nnsweep.grid.NetworkSpec;
import nnsweep.nn.Metrics;
import nnsweep.nn.Network;
import nnsweep.nn.Trainer;
import nnsweep.nn.TrainingData;
import nnsweep.nn.TrainingOptions;
import nnsweep.nn.TrainingOutcome;

/** Trains one network of a sweep: spec and problem in, result record out. No Spark here; executors call it. */
public final class NetworkRun {
  private NetworkRun() {}

  /** Builds the network's initial weights, trains it with the fast kernel and measures the result. */
  public static TrainingResult train(NetworkSpec spec, Problem problem) {
    return train(spec, problem, 0);
  }

  /** As {@link #train(NetworkSpec, Problem)}, recording E at about {@code curvePoints} log-spaced epochs. */
  public static TrainingResult train(NetworkSpec spec, Problem problem, int curvePoints) {
    TrainingData data = TrainingData.of(problem.dataset().inputs(), problem.dataset().targets());
    Network network = new Network(spec.initialWeights());
    long start = System.nanoTime();
    int[] curveEpochs = TrainingOptions.logSpacedEpochs(spec.epochs(), curvePoints);
    TrainingOutcome outcome = Trainer.fast().train(network, data,
        new TrainingOptions(spec.learningRate(), spec.epochs(), Double.NEGATIVE_INFINITY, curveEpochs));
    double trainMs = (System.nanoTime() - start) / 1e6;
    return new TrainingResult(spec, outcome.finalError(), outcome.errorBeforeLastUpdate(),
        Metrics.mse(outcome.finalError(), data.rows(), data.outputs()), Metrics.accuracy(network, data),
        outcome.diverged(), outcome.epochsRun(), trainMs, network.weights(),
        Metrics.predictions(network, problem.queries()), curveEpochs, outcome.curve());
  }
}
