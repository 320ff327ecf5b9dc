package nnsweep.nn;

/**
 * An {@link ErrorLog} that a kernel consults only at the epochs where it can matter, instead of calling it every
 * epoch.
 *
 * <p>{@link ErrorLog#beforeUpdate} does something other than remember E as "the error before the last update" only at
 * a curve epoch, or when E is not finite or {@code E <= stopError} (where training stops). A kernel asks the log at
 * those epochs only:
 *
 * <pre>
 *   int check = gate.nextCheck();
 *   double skipped = 0;                     // E at the last epoch the log did not see
 *   for (k = 0; k &lt; epochs; k++) {
 *     double e = ...;
 *     if (k &lt; check &amp;&amp; gate.canSkip(e)) { skipped = e; }
 *     else { if (!gate.beforeUpdate(k, e, skipped)) break; check = gate.nextCheck(); }
 *     ... update ...
 *   }
 *   return gate.finish(k, skipped, finalError);
 * </pre>
 *
 * Before the log sees an epoch whose predecessor it skipped, and before it finishes, the gate replays the skipped
 * predecessor to it: {@code beforeUpdate(k - 1, skipped)} with a finite E above the target at a non-curve epoch
 * records nothing and only sets the error before the last update. So the outcome is exactly what calling the log
 * every epoch gives.
 */
final class ErrorGate {
  private final ErrorLog log;
  private final int[] curveEpochs;
  private final double stopError;
  private int nextCurve;
  private int lastSeen = -1;
  // for kernels that keep one gate per network (see update): the next epoch the log must see, and E at the last
  // epoch it did not see
  private int check;
  private double skipped;

  ErrorGate(TrainingOptions options) {
    this.log = new ErrorLog(options);
    this.curveEpochs = options.curveEpochs();
    this.stopError = options.stopError();
    this.check = nextCheck();
  }

  /**
   * The pattern above as one call, for kernels that keep a gate per network: takes E after {@code k} updates and
   * says whether to make the update (false: training stops here; then {@link #finish(int, double)}).
   */
  boolean update(int k, double error) {
    if (k < check && canSkip(error)) {
      skipped = error;
      return true;
    }
    if (beforeUpdate(k, error, skipped)) {
      check = nextCheck();
      return true;
    }
    return false;
  }

  /** {@link #finish(int, double, double)} after {@link #update}, with the E the gate kept. */
  TrainingOutcome finish(int epochsRun, double finalError) {
    return finish(epochsRun, skipped, finalError);
  }

  /** The next update count whose E the log must see whatever it is (a curve epoch), or {@code Integer.MAX_VALUE}. */
  int nextCheck() {
    return nextCurve < curveEpochs.length ? curveEpochs[nextCurve] : Integer.MAX_VALUE;
  }

  /** True when E (at an epoch before {@link #nextCheck}) need not be shown to the log: finite and above target. */
  boolean canSkip(double error) {
    return error > stopError && error < Double.POSITIVE_INFINITY;
  }

  /**
   * {@link ErrorLog#beforeUpdate} at {@code k}, after replaying epoch {@code k - 1} with {@code skipped} if the log
   * did not see it.
   */
  boolean beforeUpdate(int k, double error, double skipped) {
    replay(k, skipped);
    lastSeen = k;
    while (nextCurve < curveEpochs.length && curveEpochs[nextCurve] <= k) {
      nextCurve++;
    }
    return log.beforeUpdate(k, error);
  }

  /** {@link ErrorLog#finish}, after replaying the last epoch with {@code skipped} if the log did not see it. */
  TrainingOutcome finish(int epochsRun, double skipped, double finalError) {
    replay(epochsRun, skipped);
    return log.finish(epochsRun, finalError);
  }

  private void replay(int k, double skipped) {
    if (k > 0 && lastSeen < k - 1) {
      log.beforeUpdate(k - 1, skipped);
      lastSeen = k - 1;
    }
  }
}
