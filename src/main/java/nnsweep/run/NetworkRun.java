package nnsweep.run;

import java.util.ArrayList;
import java.util.List;
import nnsweep.grid.NetworkSpec;
import nnsweep.nn.LockstepTrainer;
import nnsweep.nn.Metrics;
import nnsweep.nn.Network;
import nnsweep.nn.Trainer;
import nnsweep.nn.TrainingData;
import nnsweep.nn.TrainingOptions;
import nnsweep.nn.TrainingOutcome;

/**
 * Trains the networks of a sweep: spec and problem in, result record out, one by one or in lockstep groups of one
 * shape. No Spark here; executors call it.
 */
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
    Network network = new Network(spec.initialWeights());
    int[] curveEpochs = TrainingOptions.logSpacedEpochs(spec.epochs(), curvePoints);
    long start = System.nanoTime();
    TrainingOutcome outcome = Trainer.fast().train(network, prepared.data(),
        new TrainingOptions(spec.learningRate(), spec.epochs(), stopError, curveEpochs));
    double trainMs = (System.nanoTime() - start) / 1e6;
    return measure(spec, prepared, network, outcome, curveEpochs, trainMs, weights);
  }

  /**
   * Trains networks of one shape (same dataset, model, hidden size and bias) together with the
   * {@link LockstepTrainer}, whose results are bit-for-bit those of training each alone; each network's
   * {@code train_ms} is its share of the group's time.
   *
   * @throws IllegalArgumentException if the specs do not share a shape
   */
  public static List<TrainingResult> trainGroup(List<NetworkSpec> specs, Prepared prepared, int curvePoints,
      double stopError, boolean weights) {
    if (specs.size() == 1) {
      return List.of(train(specs.get(0), prepared, curvePoints, stopError, weights));
    }
    NetworkSpec first = specs.get(0);
    Network[] nets = new Network[specs.size()];
    TrainingOptions[] options = new TrainingOptions[specs.size()];
    int[][] curveEpochs = new int[specs.size()][];
    for (int i = 0; i < nets.length; i++) {
      NetworkSpec s = specs.get(i);
      if (!sameShape(first, s)) {
        throw new IllegalArgumentException("a lockstep group needs one shape, found " + first + " and " + s);
      }
      nets[i] = new Network(s.initialWeights());
      curveEpochs[i] = TrainingOptions.logSpacedEpochs(s.epochs(), curvePoints);
      options[i] = new TrainingOptions(s.learningRate(), s.epochs(), stopError, curveEpochs[i]);
    }
    long start = System.nanoTime();
    TrainingOutcome[] outcomes = new LockstepTrainer().train(nets, prepared.data(), options);
    double trainMs = (System.nanoTime() - start) / 1e6 / nets.length;
    List<TrainingResult> results = new ArrayList<>(nets.length);
    for (int i = 0; i < nets.length; i++) {
      results.add(measure(specs.get(i), prepared, nets[i], outcomes[i], curveEpochs[i], trainMs, weights));
    }
    return results;
  }

  /** Networks that can share a lockstep group. */
  public static boolean sameShape(NetworkSpec a, NetworkSpec b) {
    return a.datasetIndex() == b.datasetIndex() && a.model() == b.model() && a.hidden() == b.hidden()
        && a.bias() == b.bias() && a.inputs() == b.inputs() && a.outputs() == b.outputs() && a.fold() == b.fold();
  }

  /** The result record of a trained network: metrics on the training and test rows, plateau, predictions. */
  private static TrainingResult measure(NetworkSpec spec, Prepared prepared, Network network,
      TrainingOutcome outcome, int[] curveEpochs, double trainMs, boolean weights) {
    TrainingData data = prepared.data();
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
