package nnsweep.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import nnsweep.grid.NetworkSpec;
import nnsweep.nn.Kernel;
import nnsweep.nn.Metrics;
import nnsweep.nn.Network;
import nnsweep.nn.Trainer;
import nnsweep.nn.TrainingData;
import nnsweep.nn.TrainingOptions;
import nnsweep.nn.TrainingOutcome;
import nnsweep.nn.Weights;
import nnsweep.study.EarlyStopping;

/**
 * Validation-based early stopping of a group of networks of one shape (docs/validation.md, "Early stopping"): trains
 * them with their kernel in chunks between validation checkpoints, measures each network's validation error after
 * each chunk and keeps a copy of its weights whenever that error is strictly lower than its best so far (so ties go
 * to the earlier checkpoint; the initial weights are checkpoint 0). A network stops once {@code patience} checks in a
 * row brought no improvement, or when it diverges or reaches the study's stop-error; it then leaves the group for the
 * later chunks. Its result reports the kept weights: final error, error before the last update, every metric on the
 * training, test and validation rows, the predictions and {@link TrainingResult#bestEpoch}; {@code epochs_run} is the
 * updates actually made, and the curve, {@code epochs_to_target} and {@code diverged} describe the whole run. A
 * network that diverged keeps its best finite checkpoint (still recorded as diverged).
 *
 * <p>Full-batch gradient descent carries nothing but the weights from one update to the next, so a chunk of k1
 * updates continued by one of k2 is bit for bit a run of k1 + k2 updates, for every kernel (as halving's
 * {@link RungTrainer} continues rungs): without a patience stop, a network's numbers at its last checkpoint are
 * exactly those of training it in one go, and its kept weights are exactly those of a fresh network trained
 * {@code bestEpoch} updates. A matrix-product group's numbers depend on which of its networks are still training
 * ({@link nnsweep.nn.GemmTrainer}); the chunks keep that order, so the numbers depend on the grid alone.
 */
final class EarlyStopper {
  private final EarlyStopping rule;
  private final Kernel kernel;
  private final NetworkRun.Prepared prepared;
  private final double stopError;

  EarlyStopper(EarlyStopping rule, Kernel kernel, NetworkRun.Prepared prepared, double stopError) {
    if (prepared.validation() == null) {
      throw new IllegalArgumentException("early stopping needs validation rows, found a problem without");
    }
    this.rule = rule;
    this.kernel = kernel;
    this.prepared = prepared;
    this.stopError = stopError;
  }

  /** One network's training so far and its best checkpoint. */
  private static final class Run {
    final NetworkSpec spec;
    final Network network;
    final int[] checkpoints;
    final int[] curveEpochs;
    final double[] curve;
    int epochsRun;
    double finalError = Double.NaN;
    double beforeLast = Double.NaN;
    int toTarget = -1;
    boolean diverged;
    boolean finished;
    double trainMs;
    // the best checkpoint: validation error, update count, weights and training errors there
    double bestValidation = Double.POSITIVE_INFINITY;
    int bestEpoch = -1;
    Weights bestWeights;
    double bestFinalError = Double.NaN;
    double bestBeforeLast = Double.NaN;
    int checksWithoutImprovement;

    Run(NetworkSpec spec, int curvePoints, EarlyStopping rule) {
      this.spec = spec;
      this.network = new Network(spec.initialWeights());
      this.checkpoints = rule.checkpoints(spec.epochs());
      this.curveEpochs = TrainingOptions.logSpacedEpochs(spec.epochs(), curvePoints);
      this.curve = new double[curveEpochs.length];
      Arrays.fill(curve, Double.NaN);
    }

    boolean checkpoint(int k) {
      return Arrays.binarySearch(checkpoints, k) >= 0;
    }
  }

  /** Trains {@code specs} (one shape, in grid order) with early stopping; results in the same order. */
  List<TrainingResult> train(List<NetworkSpec> specs, int curvePoints, boolean weights) {
    Run[] runs = new Run[specs.size()];
    TreeSet<Integer> boundaries = new TreeSet<>();
    for (int i = 0; i < runs.length; i++) {
      runs[i] = new Run(specs.get(i), curvePoints, rule);
      Arrays.stream(runs[i].checkpoints).forEach(boundaries::add);
    }
    long start = System.nanoTime();
    checkInitial(runs);
    share(runs, start);
    int position = 0;
    for (int boundary : boundaries) {
      List<Run> active = new ArrayList<>();
      for (Run r : runs) {
        if (!r.finished && position < r.spec.epochs()) {
          active.add(r);
        }
      }
      if (active.isEmpty()) {
        break;
      }
      long t0 = System.nanoTime();
      chunk(active, position, boundary);
      share(active.toArray(Run[]::new), t0);
      position = boundary;
    }
    List<TrainingResult> results = new ArrayList<>(runs.length);
    for (Run r : runs) {
      results.add(result(r, weights));
    }
    return results;
  }

  /**
   * Checkpoint 0: the initial weights' validation error, and their training error as the kernel measures it for a
   * run of 0 updates (the group together, as the grid forms it).
   */
  private void checkInitial(Run[] runs) {
    Network[] nets = new Network[runs.length];
    TrainingOptions[] options = new TrainingOptions[runs.length];
    for (int i = 0; i < runs.length; i++) {
      nets[i] = new Network(runs[i].spec.initialWeights());
      options[i] = new TrainingOptions(runs[i].spec.learningRate(), 0, stopError, new int[0]);
    }
    TrainingOutcome[] outcomes = trainTogether(nets, options);
    for (int i = 0; i < runs.length; i++) {
      Run r = runs[i];
      r.finalError = outcomes[i].finalError();
      if (outcomes[i].epochsToTarget() == 0) {
        r.toTarget = 0;
        r.finished = true;
      }
      if (outcomes[i].diverged()) {
        r.diverged = true;
        r.finished = true;
      }
      check(r, 0);
    }
  }

  /** Trains {@code active} (all at {@code from} updates) on to {@code to} updates, then checks each. */
  private void chunk(List<Run> active, int from, int to) {
    Network[] nets = new Network[active.size()];
    TrainingOptions[] options = new TrainingOptions[active.size()];
    int[][] spans = new int[active.size()][];
    for (int g = 0; g < nets.length; g++) {
      Run r = active.get(g);
      nets[g] = r.network;
      // the curve points of the whole budget that fall in this chunk, shifted to it (the chunk's start is E before its
      // first update, which a run in one go records there too)
      spans[g] = java.util.stream.IntStream.range(0, r.curveEpochs.length)
          .filter(j -> r.curveEpochs[j] >= from && r.curveEpochs[j] <= to).toArray();
      int[] shifted = Arrays.stream(spans[g]).map(j -> r.curveEpochs[j] - from).toArray();
      options[g] = new TrainingOptions(r.spec.learningRate(), to - from, stopError, shifted);
    }
    TrainingOutcome[] outcomes = trainTogether(nets, options);
    for (int g = 0; g < nets.length; g++) {
      Run r = active.get(g);
      TrainingOutcome o = outcomes[g];
      for (int s = 0; s < spans[g].length; s++) {
        r.curve[spans[g][s]] = o.curve()[s];
      }
      if (o.epochsRun() > 0) {
        r.beforeLast = o.errorBeforeLastUpdate();
      }
      if (o.epochsToTarget() >= 0 && r.toTarget < 0) {
        r.toTarget = from + o.epochsToTarget();
      }
      r.epochsRun = from + o.epochsRun();
      r.finalError = o.finalError();
      r.diverged |= o.diverged();
      boolean stopped = o.diverged() || r.toTarget >= 0 || o.epochsRun() < to - from;
      // a diverged network's last weights are not finite: it keeps its best checkpoint so far
      if (!o.diverged() && (r.checkpoint(r.epochsRun) || stopped)) {
        check(r, r.epochsRun);
      }
      r.finished |= stopped || r.epochsRun >= r.spec.epochs();
    }
  }

  /** Measures {@code r}'s validation error after {@code k} updates; keeps its weights if it improves on the best. */
  private void check(Run r, int k) {
    double validation = Metrics.error(r.network, prepared.validation());
    if (rule.improves(validation, r.bestValidation)) {
      r.bestValidation = validation;
      r.bestEpoch = k;
      r.bestWeights = r.network.weights();
      r.bestFinalError = r.finalError;
      r.bestBeforeLast = k == 0 ? Double.NaN : r.beforeLast;
      r.checksWithoutImprovement = 0;
    } else if (k > 0) {
      r.checksWithoutImprovement++;
      if (rule.patience() > 0 && r.checksWithoutImprovement >= rule.patience()) {
        r.finished = true;
      }
    }
  }

  /** The kernel's training of {@code nets} together; a lone lockstep network trains as the sweep trains it alone. */
  private TrainingOutcome[] trainTogether(Network[] nets, TrainingOptions[] options) {
    TrainingData data = prepared.data();
    if (nets.length == 1 && kernel == Kernel.LOCKSTEP) {
      return new TrainingOutcome[] {Trainer.fast().train(nets[0], data, options[0])};
    }
    return kernel.train(nets, data, options);
  }

  private static void share(Run[] runs, long since) {
    double ms = (System.nanoTime() - since) / 1e6 / runs.length;
    for (Run r : runs) {
      r.trainMs += ms;
    }
  }

  /** The result of {@code r}: its kept weights' numbers (its last weights' if no checkpoint was finite). */
  private TrainingResult result(Run r, boolean weights) {
    Network kept = r.bestEpoch >= 0 ? new Network(r.bestWeights) : r.network;
    double finalError = r.bestEpoch >= 0 ? r.bestFinalError : r.finalError;
    double beforeLast = r.bestEpoch >= 0 ? r.bestBeforeLast : r.beforeLast;
    int bestEpoch = r.bestEpoch >= 0 ? r.bestEpoch : r.epochsRun;
    TrainingOutcome outcome = new TrainingOutcome(finalError, beforeLast, r.epochsRun, r.toTarget, r.diverged,
        r.curve);
    NetworkRun.Prepared p = prepared;
    Evaluation evaluation = Evaluation.of(kept, p, finalError,
        accuracy -> p.truthTable() && accuracy < 1.0 && !r.diverged
            ? Plateaus.label(finalError, r.curve, r.curveEpochs) : "");
    return new TrainingResult(r.spec, outcome, evaluation, r.curveEpochs, r.trainMs, weights ? kept.weights() : null,
        Metrics.predictions(kept, p.problem().queries()), bestEpoch);
  }
}
