package nnsweep.nn;

import java.util.Arrays;

/**
 * The bookkeeping both trainers share: the error after each update count, when to stop, what to record.
 *
 * <p>A trainer calls {@link #beforeUpdate} with E after {@code k} updates and updates only if it returns true, then
 * {@link #finish} with E after its last update.
 */
final class ErrorLog {
  private final TrainingOptions options;
  private final double[] curve;
  private int nextCurve;
  private int epochsToTarget = -1;
  private double lastError = Double.NaN;
  private boolean diverged;
  private boolean stopped;

  ErrorLog(TrainingOptions options) {
    this.options = options;
    this.curve = new double[options.curveEpochs().length];
    Arrays.fill(curve, Double.NaN);
  }

  /** Records E after {@code k} updates; false when training must stop here (target reached or diverged). */
  boolean beforeUpdate(int k, double error) {
    record(k, error);
    if (!Double.isFinite(error)) {
      diverged = true;
      stopped = true;
      return false;
    }
    if (error <= options.stopError()) {
      stopped = true;
      return false;
    }
    lastError = error;
    return true;
  }

  /** The outcome, given E after the last update made ({@code epochsRun} of them). */
  TrainingOutcome finish(int epochsRun, double finalError) {
    if (!stopped) {
      record(epochsRun, finalError);
      diverged = !Double.isFinite(finalError);
    }
    double before = epochsRun == 0 ? Double.NaN : lastError;
    return new TrainingOutcome(finalError, before, epochsRun, epochsToTarget, diverged, curve);
  }

  private void record(int k, double error) {
    int[] ks = options.curveEpochs();
    while (nextCurve < ks.length && ks[nextCurve] < k) {
      nextCurve++;
    }
    if (nextCurve < ks.length && ks[nextCurve] == k) {
      curve[nextCurve++] = error;
    }
    if (epochsToTarget < 0 && error <= options.stopError()) {
      epochsToTarget = k;
    }
  }
}
