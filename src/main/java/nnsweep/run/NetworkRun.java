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
    return train(spec, prepare(problem), curvePoints, stopError);
  }

  /**
   * A problem's data in the form training reads it, built once and shared by every network of a task (building it
   * copies the dataset and scans it for the truth-table test, which costs about as much as training a tiny network).
   * Read-only: trainers and metrics never write to it.
   */
  public record Prepared(Problem problem, TrainingData data, TrainingData test, boolean truthTable) {}

  /** Prepares {@code problem} for {@link #train(NetworkSpec, Prepared, int, double)}. */
  public static Prepared prepare(Problem problem) {
    TrainingData data = TrainingData.of(problem.dataset().inputs(), problem.dataset().targets());
    TrainingData test = problem.test() == null ? null
        : TrainingData.of(problem.test().inputs(), problem.test().targets());
    return new Prepared(problem, data, test, problem.truthTable());
  }

  /** As {@link #train(NetworkSpec, Problem, int, double)}, on a prepared problem. */
  public static TrainingResult train(NetworkSpec spec, Prepared prepared, int curvePoints, double stopError) {
    return train(spec, prepared, curvePoints, stopError, true);
  }

  /**
   * As {@link #train(NetworkSpec, Prepared, int, double)}; without {@code weights} the result's final weights are
   * null (a sweep too big for the console to print them does not need the snapshot).
   */
  public static TrainingResult train(NetworkSpec spec, Prepared prepared, int curvePoints, double stopError,
      boolean weights) {
    TrainingData data = prepared.data();
    Network network = new Network(spec.initialWeights());
    int[] curveEpochs = TrainingOptions.logSpacedEpochs(spec.epochs(), curvePoints);
    long start = System.nanoTime();
    TrainingOutcome outcome = Trainer.fast().train(network, data,
        new TrainingOptions(spec.learningRate(), spec.epochs(), stopError, curveEpochs));
    double trainMs = (System.nanoTime() - start) / 1e6;
    double accuracy = Metrics.accuracy(network, data);
    String plateau = prepared.truthTable() && accuracy < 1.0 && !outcome.diverged()
        ? Plateaus.label(outcome.finalError(), outcome.curve(), curveEpochs) : "";
    double testError = Double.NaN;
    double testAccuracy = Double.NaN;
    if (prepared.test() != null) {
      testError = Metrics.error(network, prepared.test());
      testAccuracy = Metrics.accuracy(network, prepared.test());
    }
    return new TrainingResult(spec, outcome.finalError(), outcome.errorBeforeLastUpdate(),
        Metrics.mse(outcome.finalError(), data.rows(), data.outputs()), accuracy, outcome.diverged(), testError,
        testAccuracy,
        outcome.epochsRun(), outcome.epochsToTarget(), plateau, trainMs, weights ? network.weights() : null,
        Metrics.predictions(network, prepared.problem().queries()), curveEpochs, outcome.curve());
  }
}
