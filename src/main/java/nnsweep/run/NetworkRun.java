package nnsweep.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import nnsweep.grid.NetworkSpec;
import nnsweep.nn.Kernel;
import nnsweep.nn.Metrics;
import nnsweep.nn.Network;
import nnsweep.nn.TrainingData;
import nnsweep.nn.TrainingOptions;
import nnsweep.nn.TrainingOutcome;

/**
 * Trains one group of networks of one shape with one kernel, on from where each network is ({@link Progress}), and
 * measures the results. Which networks form a group, and with which kernel, is {@link RangeTrainer}'s to decide, for
 * the grid and for every halving rung alike. No Spark here; executors call it.
 */
public final class NetworkRun {
  private NetworkRun() {}

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

  /** Prepares {@code problem} for training. */
  public static Prepared prepare(Problem problem) {
    TrainingData data = TrainingData.of(problem.dataset().inputs(), problem.dataset().targets());
    TrainingData test = problem.test() == null ? null
        : TrainingData.of(problem.test().inputs(), problem.test().targets());
    TrainingData validation = problem.validation() == null ? null
        : TrainingData.of(problem.validation().inputs(), problem.validation().targets());
    return new Prepared(problem, data, test, problem.truthTable(), problem.oneHot(), validation);
  }

  /** As {@link #train(NetworkSpec, Problem, int, double)} with no curve and no stop-error. */
  public static TrainingResult train(NetworkSpec spec, Problem problem) {
    return train(spec, problem, 0, Double.NEGATIVE_INFINITY);
  }

  /**
   * One network alone, a group of one with its shape's kernel for the problem's rows ({@link Kernel#of}), its final
   * weights kept: the reference the tests and benchmarks hold the sweep to. It records E at about
   * {@code curvePoints} log-spaced epochs and stops once E <= {@code stopError}.
   */
  public static TrainingResult train(NetworkSpec spec, Problem problem, int curvePoints, double stopError) {
    Prepared prepared = prepare(problem);
    Kernel kernel = Kernel.of(spec.shape(), prepared.data().rows());
    return train(kernel, List.of(spec), prepared, curvePoints, stopError, true).get(0);
  }

  /**
   * Trains {@code specs} (one group, one shape) together with {@code kernel} from their initial weights for their
   * epochs; results in order. A matrix-product group's numbers depend on its members: the sweep's groups are
   * {@link RangeTrainer}'s.
   */
  public static List<TrainingResult> train(Kernel kernel, List<NetworkSpec> specs, Prepared prepared, int curvePoints,
      double stopError, boolean weights) {
    List<Progress> group = new ArrayList<>(specs.size());
    for (NetworkSpec s : specs) {
      group.add(Progress.start(s, curvePoints));
    }
    advance(kernel, group, prepared.data(), Integer.MAX_VALUE, stopError);
    List<TrainingResult> results = new ArrayList<>(group.size());
    for (Progress p : group) {
      results.add(result(p, prepared, weights));
    }
    return results;
  }

  /**
   * Trains {@code group} together with {@code kernel} on from where each network is to {@code to} updates (at most
   * its budget, {@code spec.epochs()}), filling in the curve points that fall in that span; each network's
   * {@code trainMs} grows by its share of the group's time. The span's first point is E before its first update,
   * which a run in one go records there too.
   *
   * @throws IllegalArgumentException if the networks do not share a dataset, fold and shape
   */
  static void advance(Kernel kernel, List<Progress> group, TrainingData data, int to, double stopError) {
    Network[] nets = new Network[group.size()];
    TrainingOptions[] options = new TrainingOptions[group.size()];
    int[][] spans = new int[group.size()][];
    NetworkSpec first = group.get(0).spec;
    for (int g = 0; g < nets.length; g++) {
      Progress p = group.get(g);
      if (!sameShape(first, p.spec)) {
        throw new IllegalArgumentException("a group needs one shape, found " + first + " and " + p.spec);
      }
      int from = p.epochsRun;
      int end = Math.min(to, p.spec.epochs());
      spans[g] = IntStream.range(0, p.curveEpochs.length)
          .filter(j -> p.curveEpochs[j] >= from && p.curveEpochs[j] <= end).toArray();
      int[] shifted = Arrays.stream(spans[g]).map(j -> p.curveEpochs[j] - from).toArray();
      nets[g] = p.network;
      options[g] = new TrainingOptions(p.spec.learningRate(), end - from, stopError, shifted);
    }
    long start = System.nanoTime();
    TrainingOutcome[] outcomes = kernel.train(nets, data, options);
    double trainMs = (System.nanoTime() - start) / 1e6 / nets.length;
    for (int g = 0; g < nets.length; g++) {
      Progress p = group.get(g);
      TrainingOutcome o = outcomes[g];
      for (int s = 0; s < spans[g].length; s++) {
        p.curve[spans[g][s]] = o.curve()[s];
      }
      if (o.epochsRun() > 0) {
        p.beforeLast = o.errorBeforeLastUpdate();
      }
      if (o.epochsToTarget() >= 0 && p.toTarget < 0) {
        p.toTarget = p.epochsRun + o.epochsToTarget();
      }
      p.epochsRun += o.epochsRun();
      p.finalError = o.finalError();
      p.diverged |= o.diverged();
      p.trainMs += trainMs;
    }
  }

  /** Networks that can share a group: one shape ({@link nnsweep.nn.Shape#equals}) on the same dataset and fold. */
  static boolean sameShape(NetworkSpec a, NetworkSpec b) {
    return a.datasetIndex() == b.datasetIndex() && a.fold() == b.fold() && a.shape().equals(b.shape());
  }

  /**
   * The result record of a network's training so far: its outcome, metrics on the training, test and validation
   * rows, predictions. A stuck truth-table network's plateau is judged on its curve so far; one stopped before its
   * budget (a halving rung it was eliminated at) on the points it reached.
   */
  static TrainingResult result(Progress p, Prepared prepared, boolean weights) {
    Evaluation evaluation = Evaluation.of(p.network, prepared, p.finalError, accuracy -> {
      if (!prepared.truthTable() || accuracy >= 1.0 || p.diverged) {
        return "";
      }
      if (p.complete()) {
        return Plateaus.label(p.finalError, p.curve, p.curveEpochs);
      }
      int n = 0;
      while (n < p.curveEpochs.length && p.curveEpochs[n] <= p.epochsRun) {
        n++;
      }
      return Plateaus.label(p.finalError, Arrays.copyOf(p.curve, n),
          Arrays.copyOf(p.curveEpochs, n));
    });
    return new TrainingResult(p.spec, p.outcome(), evaluation, p.curveEpochs, p.trainMs,
        weights ? p.network.weights() : null, Metrics.predictions(p.network, prepared.problem().queries()));
  }
}
