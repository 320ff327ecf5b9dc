package nnsweep.run;

import java.util.ArrayList;
import java.util.List;
import nnsweep.grid.NetworkSpec;
import nnsweep.nn.GemmTrainer;
import nnsweep.nn.Kernel;
import nnsweep.nn.LockstepTrainer;
import nnsweep.nn.Metrics;
import nnsweep.nn.Network;
import nnsweep.nn.Trainer;
import nnsweep.nn.TrainingData;
import nnsweep.nn.TrainingOptions;
import nnsweep.nn.TrainingOutcome;
import nnsweep.study.EarlyStopping;

/**
 * Trains the networks of a sweep: spec and problem in, result record out, one by one or in lockstep groups of one
 * shape. No Spark here; executors call it.
 */
public final class NetworkRun {
  private NetworkRun() {}

  /** Builds the network's initial weights, trains it with its shape's kernel and measures the result. */
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
   * Read-only: trainers and metrics never write to it. {@code oneHot}: the targets are class labels, one-hot
   * ({@link Problem#oneHot()}), so results carry the argmax class accuracy.
   */
  public record Prepared(Problem problem, TrainingData data, TrainingData test, boolean truthTable,
      boolean oneHot, TrainingData validation) {
    /** A problem without validation rows. */
    public Prepared(Problem problem, TrainingData data, TrainingData test, boolean truthTable, boolean oneHot) {
      this(problem, data, test, truthTable, oneHot, null);
    }
  }

  /** Prepares {@code problem} for {@link #train(NetworkSpec, Prepared, int, double)}. */
  public static Prepared prepare(Problem problem) {
    TrainingData data = TrainingData.of(problem.dataset().inputs(), problem.dataset().targets());
    TrainingData test = problem.test() == null ? null
        : TrainingData.of(problem.test().inputs(), problem.test().targets());
    TrainingData validation = problem.validation() == null ? null
        : TrainingData.of(problem.validation().inputs(), problem.validation().targets());
    return new Prepared(problem, data, test, problem.truthTable(), problem.oneHot(), validation);
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
    return train(kernel(spec, prepared), spec, prepared, curvePoints, stopError, weights);
  }

  private static TrainingResult train(Kernel kernel, NetworkSpec spec, Prepared prepared, int curvePoints,
      double stopError, boolean weights) {
    Network network = new Network(spec.initialWeights());
    int[] curveEpochs = TrainingOptions.logSpacedEpochs(spec.epochs(), curvePoints);
    long start = System.nanoTime();
    TrainingOptions options = new TrainingOptions(spec.learningRate(), spec.epochs(), stopError, curveEpochs);
    TrainingOutcome outcome = kernel == Kernel.GEMM
        ? new GemmTrainer().train(network, prepared.data(), options)
        : Trainer.fast().train(network, prepared.data(), options);
    double trainMs = (System.nanoTime() - start) / 1e6;
    return measure(spec, prepared, network, outcome, curveEpochs, trainMs, weights);
  }

  /**
   * Trains networks of one shape (same dataset, model, hidden size and bias) together with their shape's kernel
   * ({@link Kernel#of}): the {@link LockstepTrainer}, whose results are bit-for-bit those of training each alone, or
   * one {@link GemmTrainer} group, whose results depend on its members (callers form such groups from the grid);
   * each network's {@code train_ms} is its share of the group's time.
   *
   * @throws IllegalArgumentException if the specs do not share a shape
   */
  public static List<TrainingResult> trainGroup(List<NetworkSpec> specs, Prepared prepared, int curvePoints,
      double stopError, boolean weights) {
    return trainGroup(kernel(specs.get(0), prepared), specs, prepared, curvePoints, stopError, weights);
  }

  /**
   * As {@link #trainGroup(List, Prepared, int, double, boolean)} with the kernel the caller's grid chose for the
   * group ({@code Grid.kernel}), so the kernel that trains a group is the one its task plan was cut for.
   */
  public static List<TrainingResult> trainGroup(Kernel kernel, List<NetworkSpec> specs, Prepared prepared,
      int curvePoints, double stopError, boolean weights) {
    if (specs.size() == 1) {
      return List.of(train(kernel, specs.get(0), prepared, curvePoints, stopError, weights));
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
    TrainingOutcome[] outcomes = kernel.train(nets, prepared.data(), options);
    double trainMs = (System.nanoTime() - start) / 1e6 / nets.length;
    List<TrainingResult> results = new ArrayList<>(nets.length);
    for (int i = 0; i < nets.length; i++) {
      results.add(measure(specs.get(i), prepared, nets[i], outcomes[i], curveEpochs[i], trainMs, weights));
    }
    return results;
  }

  /**
   * As {@link #trainGroup(Kernel, List, Prepared, int, double, boolean)}, with validation-based early stopping when
   * {@code earlyStopping} is not null ({@link EarlyStopper}: each result reports the weights of its best validation
   * checkpoint and its {@link TrainingResult#bestEpoch}); null trains as without it, byte for byte.
   *
   * @throws IllegalArgumentException if the specs do not share a shape, or early stopping finds no validation rows
   */
  public static List<TrainingResult> trainGroup(Kernel kernel, List<NetworkSpec> specs, Prepared prepared,
      int curvePoints, double stopError, boolean weights, EarlyStopping earlyStopping) {
    if (earlyStopping == null) {
      return trainGroup(kernel, specs, prepared, curvePoints, stopError, weights);
    }
    for (NetworkSpec s : specs) {
      if (!sameShape(specs.get(0), s)) {
        throw new IllegalArgumentException("a lockstep group needs one shape, found " + specs.get(0) + " and " + s);
      }
    }
    return new EarlyStopper(earlyStopping, kernel, prepared, stopError).train(specs, curvePoints, weights);
  }

  /** The kernel that trains networks of this spec's shape on this problem. */
  public static Kernel kernel(NetworkSpec spec, Prepared prepared) {
    return Kernel.of(spec.shape(), prepared.data().rows());
  }

  /** Networks that can share a group: one shape ({@link nnsweep.nn.Shape#equals}) on the same dataset and fold. */
  public static boolean sameShape(NetworkSpec a, NetworkSpec b) {
    return a.datasetIndex() == b.datasetIndex() && a.fold() == b.fold() && a.shape().equals(b.shape());
  }

  /** The result record of a trained network: its outcome, metrics on the training and test rows, predictions. */
  private static TrainingResult measure(NetworkSpec spec, Prepared prepared, Network network,
      TrainingOutcome outcome, int[] curveEpochs, double trainMs, boolean weights) {
    Evaluation evaluation = Evaluation.of(network, prepared, outcome.finalError(),
        accuracy -> prepared.truthTable() && accuracy < 1.0 && !outcome.diverged()
            ? Plateaus.label(outcome.finalError(), outcome.curve(), curveEpochs) : "");
    return new TrainingResult(spec, outcome, evaluation, curveEpochs, trainMs, weights ? network.weights() : null,
        Metrics.predictions(network, prepared.problem().queries()));
  }
}
