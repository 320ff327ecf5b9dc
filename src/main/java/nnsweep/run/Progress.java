package nnsweep.run;

import java.util.Arrays;
import nnsweep.grid.NetworkSpec;
import nnsweep.nn.Network;
import nnsweep.nn.TrainingOptions;
import nnsweep.nn.TrainingOutcome;

/**
 * One network partway through its training: its weights (trained in place) and its outcome so far, the curve
 * recorded at the log-spaced epochs of its whole budget ({@code spec.epochs()}). Training it on from here
 * ({@link NetworkRun#advance}) gives bit for bit what training it in one go gives: full-batch gradient descent
 * carries nothing but the weights from one update to the next.
 */
final class Progress {
  final NetworkSpec spec;
  final Network network;
  final int[] curveEpochs;
  final double[] curve;
  int epochsRun;
  double finalError = Double.NaN;
  double beforeLast = Double.NaN;
  int toTarget = -1;
  boolean diverged;
  double trainMs;

  private Progress(NetworkSpec spec, Network network, int[] curveEpochs, double[] curve) {
    this.spec = spec;
    this.network = network;
    this.curveEpochs = curveEpochs;
    this.curve = curve;
  }

  /** A network at its initial weights, 0 updates made, recording about {@code curvePoints} points of its curve. */
  static Progress start(NetworkSpec spec, int curvePoints) {
    int[] epochs = TrainingOptions.logSpacedEpochs(spec.epochs(), curvePoints);
    double[] curve = new double[epochs.length];
    Arrays.fill(curve, Double.NaN);
    return new Progress(spec, new Network(spec.initialWeights()), epochs, curve);
  }

  /** A network where an earlier step left it: {@code r} must keep its final weights and its whole curve. */
  static Progress of(TrainingResult r) {
    if (r.finalWeights() == null) {
      throw new IllegalArgumentException("network " + r.spec().id() + " cannot train on: its weights were not kept");
    }
    Progress p = new Progress(r.spec(), new Network(r.finalWeights()), r.curveEpochs(), r.curve().clone());
    p.epochsRun = r.epochsRun();
    p.finalError = r.finalError();
    p.beforeLast = r.errorBeforeLastUpdate();
    p.toTarget = r.epochsToTarget();
    p.diverged = r.diverged();
    p.trainMs = r.trainMs();
    return p;
  }

  /** Stopped for good: reached the stop-error, diverged, or made every update of its budget. */
  boolean complete() {
    return diverged || toTarget >= 0 || epochsRun >= spec.epochs();
  }

  /** The outcome of every update so far, as one run to {@link #epochsRun} gives it. */
  TrainingOutcome outcome() {
    return new TrainingOutcome(finalError, beforeLast, epochsRun, toTarget, diverged, curve);
  }
}
