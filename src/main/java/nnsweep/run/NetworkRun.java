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
    return train(spec, problem, 0, Double.NEGATIVE_INFINITY);
  }

  /**
   * As {@link #train(NetworkSpec, Problem)}, recording E at about {@code curvePoints} log-spaced epochs and stopping
   * once E <= {@code stopError}.
   */
  public static TrainingResult train(NetworkSpec spec, Problem problem, int curvePoints, double stopError) {
    TrainingData data = TrainingData.of(problem.dataset().inputs(), problem.dataset().targets());
    Network network = new Network(spec.initialWeights());
    int[] curveEpochs = TrainingOptions.logSpacedEpochs(spec.epochs(), curvePoints);
    long start = System.nanoTime();
    TrainingOutcome outcome = Trainer.fast().train(network, data,
        new TrainingOptions(spec.learningRate(), spec.epochs(), stopError, curveEpochs));
    double trainMs = (System.nanoTime() - start) / 1e6;
    double accuracy = Metrics.accuracy(network, data);
    String plateau = problem.truthTable() && accuracy < 1.0 && !outcome.diverged()
        ? Plateaus.label(outcome.finalError(), outcome.curve(), curveEpochs) : "";
    double testError = Double.NaN;
    double testAccuracy = Double.NaN;
    if (problem.test() != null) {
      TrainingData test = TrainingData.of(problem.test().inputs(), problem.test().targets());
      testError = Metrics.error(network, test);
      testAccuracy = Metrics.accuracy(network, test);
    }
    return new TrainingResult(spec, outcome.finalError(), outcome.errorBeforeLastUpdate(),
        Metrics.mse(outcome.finalError(), data.rows(), data.outputs()), accuracy, outcome.diverged(), testError,
        testAccuracy,
        outcome.epochsRun(), outcome.epochsToTarget(), plateau, trainMs, network.weights(),
        Metrics.predictions(network, problem.queries()), curveEpochs, outcome.curve());
  }
}
