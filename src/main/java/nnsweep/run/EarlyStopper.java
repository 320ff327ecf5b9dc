package nnsweep.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import nnsweep.grid.NetworkSpec;
import nnsweep.nn.Kernel;
import nnsweep.nn.Metrics;
import nnsweep.nn.Network;
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
 * rungs continue in {@link RangeTrainer}): without a patience stop, a network's numbers at its last checkpoint are
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
    final Progress p;
    final int[] checkpoints;
    boolean finished;
    // the best checkpoint: validation error, update count, weights and training errors there
    double bestValidation = Double.POSITIVE_INFINITY;
    int bestEpoch = -1;
    Weights bestWeights;
    double bestFinalError = Double.NaN;
    double bestBeforeLast = Double.NaN;
    int checksWithoutImprovement;

    Run(NetworkSpec spec, int curvePoints, EarlyStopping rule) {
      this.p = Progress.start(spec, curvePoints);
      this.checkpoints = rule.checkpoints(spec.epochs());
    }

    boolean checkpoint(int k) {
      return Arrays.binarySearch(checkpoints, k) >= 0;
    }
  }

  /** Trains {@code specs} (one group, in grid order) with early stopping; results in the same order. */
  List<TrainingResult> train(List<NetworkSpec> specs, int curvePoints, boolean weights) {
    Run[] runs = new Run[specs.size()];
    TreeSet<Integer> boundaries = new TreeSet<>();
    for (int i = 0; i < runs.length; i++) {
      runs[i] = new Run(specs.get(i), curvePoints, rule);
      Arrays.stream(runs[i].checkpoints).forEach(boundaries::add);
    }
    long start = System.nanoTime();
    checkInitial(runs);
    double ms = (System.nanoTime() - start) / 1e6 / runs.length;
    for (Run r : runs) {
      r.p.trainMs += ms;
    }
    int position = 0;
    for (int boundary : boundaries) {
      List<Run> active = new ArrayList<>();
      for (Run r : runs) {
        if (!r.finished && position < r.p.spec.epochs()) {
          active.add(r);
        }
      }
      if (active.isEmpty()) {
        break;
      }
      chunk(active, boundary);
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
      nets[i] = new Network(runs[i].p.spec.initialWeights());
      options[i] = new TrainingOptions(runs[i].p.spec.learningRate(), 0, stopError, new int[0]);
    }
    TrainingOutcome[] outcomes = kernel.train(nets, prepared.data(), options);
    for (int i = 0; i < runs.length; i++) {
      Run r = runs[i];
      r.p.finalError = outcomes[i].finalError();
      if (outcomes[i].epochsToTarget() == 0) {
        r.p.toTarget = 0;
        r.finished = true;
      }
      if (outcomes[i].diverged()) {
        r.p.diverged = true;
        r.finished = true;
      }
      check(r, 0);
    }
  }

  /** Trains {@code active} (all at the same update count) on to {@code to} updates ({@link NetworkRun#advance}), then checks each. */
  private void chunk(List<Run> active, int to) {
    NetworkRun.advance(kernel, active.stream().map(r -> r.p).toList(), prepared.data(), to, stopError);
    for (Run r : active) {
      Progress p = r.p;
      boolean stopped = p.diverged || p.toTarget >= 0 || p.epochsRun < to;
      // a diverged network's last weights are not finite: it keeps its best checkpoint so far
      if (!p.diverged && (r.checkpoint(p.epochsRun) || stopped)) {
        check(r, p.epochsRun);
      }
      r.finished |= stopped || p.epochsRun >= p.spec.epochs();
    }
  }

  /** Measures {@code r}'s validation error after {@code k} updates; keeps its weights if it improves on the best. */
  private void check(Run r, int k) {
    double validation = Metrics.error(r.p.network, prepared.validation());
    if (rule.improves(validation, r.bestValidation)) {
      r.bestValidation = validation;
      r.bestEpoch = k;
      r.bestWeights = r.p.network.weights();
      r.bestFinalError = r.p.finalError;
      r.bestBeforeLast = k == 0 ? Double.NaN : r.p.beforeLast;
      r.checksWithoutImprovement = 0;
    } else if (k > 0) {
      r.checksWithoutImprovement++;
      if (rule.patience() > 0 && r.checksWithoutImprovement >= rule.patience()) {
        r.finished = true;
      }
    }
  }

  /** The result of {@code r}: its kept weights' numbers (its last weights' if no checkpoint was finite). */
  private TrainingResult result(Run r, boolean weights) {
    Progress run = r.p;
    Network kept = r.bestEpoch >= 0 ? new Network(r.bestWeights) : run.network;
    double finalError = r.bestEpoch >= 0 ? r.bestFinalError : run.finalError;
    double beforeLast = r.bestEpoch >= 0 ? r.bestBeforeLast : run.beforeLast;
    int bestEpoch = r.bestEpoch >= 0 ? r.bestEpoch : run.epochsRun;
    TrainingOutcome outcome = new TrainingOutcome(finalError, beforeLast, run.epochsRun, run.toTarget, run.diverged,
        run.curve);
    NetworkRun.Prepared p = prepared;
    Evaluation evaluation = Evaluation.of(kept, p, finalError,
        accuracy -> p.truthTable() && accuracy < 1.0 && !run.diverged
            ? Plateaus.label(finalError, run.curve, run.curveEpochs) : "");
    return new TrainingResult(run.spec, outcome, evaluation, run.curveEpochs, run.trainMs,
        weights ? kept.weights() : null, Metrics.predictions(kept, p.problem().queries()), bestEpoch);
  }
}
