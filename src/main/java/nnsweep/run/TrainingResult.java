package nnsweep.run;

import java.io.Serializable;
import java.util.Arrays;
import nnsweep.grid.NetworkSpec;
import nnsweep.nn.Weights;

/**
 * One trained network: its spec and what training gave. One row of {@code results.csv}.
 *
 * @param finalError E of the weights after the last update
 * @param errorBeforeLastUpdate the tutorial's last printed value
 * @param mse 2E / (rows x outputs)
 * @param accuracy fraction of rows with every output on the right side of 0.5
 * @param diverged E became NaN or infinite (a recorded outcome, not a failure)
 * @param testError E on the held-out test rows (NaN without a test split)
 * @param testAccuracy accuracy on the test rows (NaN without a test split)
 * @param classAccuracy for one-hot targets (at least two outputs): fraction of the training rows whose largest output
 *     is at the target's 1 (argmax); NaN for other targets
 * @param testClassAccuracy the same on the test rows (NaN without a test split or one-hot targets)
 * @param epochsToTarget first update count k with E <= the study's stop-error, -1 if never or no stop-error
 * @param plateau for a truth table: the error plateau a stuck network sits on (e.g. "1/2", "1/3"), else ""
 * @param trainMs wall time of the training, milliseconds (the only column that varies between runs)
 * @param finalWeights the trained weights; null when the run did not keep them (a sweep keeps them only when it is
 *     small enough for the console to print them, see {@code ResultCodec})
 * @param predictions the outputs at each of the dataset's query points
 * @param curveEpochs the update counts k at which the error was recorded (log-spaced; may be empty)
 * @param curve E after k updates for each k of {@code curveEpochs} (NaN where training stopped before k)
 */
public record TrainingResult(
    NetworkSpec spec,
    double finalError,
    double errorBeforeLastUpdate,
    double mse,
    double accuracy,
    boolean diverged,
    double testError,
    double testAccuracy,
    double classAccuracy,
    double testClassAccuracy,
    int epochsRun,
    int epochsToTarget,
    String plateau,
    double trainMs,
    Weights finalWeights,
    double[][] predictions,
    int[] curveEpochs,
    double[] curve)
    implements Serializable {

  public TrainingResult {
    // empty arrays are shared (most sweeps have no queries and no curve: three fewer objects per result)
    predictions = predictions.length == 0 ? NO_PREDICTIONS
        : Arrays.stream(predictions).map(double[]::clone).toArray(double[][]::new);
    curveEpochs = curveEpochs.length == 0 ? NO_EPOCHS : curveEpochs.clone();
    curve = curve.length == 0 ? NO_CURVE : curve.clone();
    if (curve.length != curveEpochs.length) {
      throw new IllegalArgumentException("curve must have one error per curve epoch, found " + curve.length
          + " for " + curveEpochs.length);
    }
  }

  private static final double[][] NO_PREDICTIONS = new double[0][];
  private static final int[] NO_EPOCHS = new int[0];
  private static final double[] NO_CURVE = new double[0];

  /** This result with the curve {@code curve} recorded at {@code curveEpochs}. */
  public TrainingResult withCurve(int[] curveEpochs, double[] curve) {
    return new TrainingResult(spec, finalError, errorBeforeLastUpdate, mse, accuracy, diverged, testError,
        testAccuracy, classAccuracy, testClassAccuracy, epochsRun, epochsToTarget, plateau, trainMs, finalWeights,
        predictions, curveEpochs, curve);
  }

  /** The network succeeded: every training row classified right. */
  public boolean success() {
    return accuracy == 1.0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrainingResult r && spec.equals(r.spec) && Double.compare(finalError, r.finalError) == 0
        && Double.compare(errorBeforeLastUpdate, r.errorBeforeLastUpdate) == 0
        && Double.compare(mse, r.mse) == 0 && Double.compare(accuracy, r.accuracy) == 0 && diverged == r.diverged
        && Double.compare(testError, r.testError) == 0 && Double.compare(testAccuracy, r.testAccuracy) == 0
        && Double.compare(classAccuracy, r.classAccuracy) == 0
        && Double.compare(testClassAccuracy, r.testClassAccuracy) == 0
        && epochsRun == r.epochsRun && epochsToTarget == r.epochsToTarget && plateau.equals(r.plateau)
        && Double.compare(trainMs, r.trainMs) == 0
        && java.util.Objects.equals(finalWeights, r.finalWeights) && Arrays.deepEquals(predictions, r.predictions)
        && Arrays.equals(curveEpochs, r.curveEpochs) && Arrays.equals(curve, r.curve);
  }

  @Override
  public int hashCode() {
    return spec.hashCode() * 31 + Double.hashCode(finalError);
  }

  @Override
  public String toString() {
    return "TrainingResult[id=" + spec.id() + ", finalError=" + finalError + ", accuracy=" + accuracy
        + ", diverged=" + diverged + "]";
  }
}
