package nnsweep.nn;

import java.io.Serializable;
import java.util.Arrays;

/**
 * What a training run ended with.
 *
 * @param finalError E of the weights after the last update
 * @param errorBeforeLastUpdate E at the start of the last epoch (the tutorial's last printed value); NaN with 0
 *     epochs
 * @param epochsRun updates actually made (fewer than asked when stopped early or diverged)
 * @param epochsToTarget first k with E after k updates <= stop-error, or -1 if never (or no target)
 * @param diverged E became NaN or infinite; training stopped there
 * @param curve E after k updates for each k of {@link TrainingOptions#curveEpochs} reached (NaN for those not reached)
 */
public record TrainingOutcome(
    double finalError,
    double errorBeforeLastUpdate,
    int epochsRun,
    int epochsToTarget,
    boolean diverged,
    double[] curve)
    implements Serializable {

  public TrainingOutcome {
    curve = curve.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrainingOutcome t && Double.compare(finalError, t.finalError) == 0
        && Double.compare(errorBeforeLastUpdate, t.errorBeforeLastUpdate) == 0 && epochsRun == t.epochsRun
        && epochsToTarget == t.epochsToTarget && diverged == t.diverged && Arrays.equals(curve, t.curve);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Objects.hash(finalError, errorBeforeLastUpdate, epochsRun, epochsToTarget, diverged)
        + Arrays.hashCode(curve);
  }

  @Override
  public String toString() {
    return "TrainingOutcome[finalError=" + finalError + ", errorBeforeLastUpdate=" + errorBeforeLastUpdate
        + ", epochsRun=" + epochsRun + ", epochsToTarget=" + epochsToTarget + ", diverged=" + diverged + ", curve="
        + Arrays.toString(curve) + "]";
  }
}
