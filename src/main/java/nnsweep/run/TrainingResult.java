package nnsweep.run;

import java.io.Serializable;
import java.util.Arrays;
import nnsweep.grid.NetworkSpec;
import nnsweep.nn.TrainingOutcome;
import nnsweep.nn.Weights;

/**
 * One trained network: its spec, what training ended with, what the trained network measures. One row of
 * {@code results.csv}. The outcome's and the evaluation's values are also read directly ({@link #finalError()},
 * {@link #accuracy()}, ...), as the tables and statistics read them.
 *
 * @param outcome what training ended with: final error, error before the last update, epochs run, epochs to the
 *     study's stop-error, diverged, the curve (E after k updates for each k of {@code curveEpochs}, NaN where
 *     training stopped before k)
 * @param evaluation the metrics on the training and test rows, the plateau
 * @param curveEpochs the update counts k at which the error was recorded (log-spaced; may be empty)
 * @param trainMs wall time of the training, milliseconds (the only column that varies between runs)
 * @param finalWeights the trained weights; null when the run did not keep them (a sweep keeps them only when it is
 *     small enough for the console to print them, see {@code ResultCodec})
 * @param predictions the outputs at each of the dataset's query points
 * @param bestEpoch with validation-based early stopping: the update count of the kept weights (the checkpoint with the
 *     lowest validation error, {@link EarlyStopper}), whose numbers every metric reports; -1 without early stopping
 */
public record TrainingResult(
    NetworkSpec spec,
    TrainingOutcome outcome,
    Evaluation evaluation,
    int[] curveEpochs,
    double trainMs,
    Weights finalWeights,
    double[][] predictions,
    int bestEpoch)
    implements Serializable {

  /** A result of training without early stopping ({@link #bestEpoch} -1). */
  public TrainingResult(NetworkSpec spec, TrainingOutcome outcome, Evaluation evaluation, int[] curveEpochs,
      double trainMs, Weights finalWeights, double[][] predictions) {
    this(spec, outcome, evaluation, curveEpochs, trainMs, finalWeights, predictions, -1);
  }

  public TrainingResult {
    if (bestEpoch < -1) {
      throw new IllegalArgumentException("best epoch must be >= -1, found " + bestEpoch);
    }
    // empty arrays are shared (most sweeps have no queries and no curve)
    predictions = predictions.length == 0 ? NO_PREDICTIONS
        : Arrays.stream(predictions).map(double[]::clone).toArray(double[][]::new);
    curveEpochs = curveEpochs.length == 0 ? NO_EPOCHS : curveEpochs.clone();
    if (outcome.curve().length != curveEpochs.length) {
      throw new IllegalArgumentException("curve must have one error per curve epoch, found "
          + outcome.curve().length + " for " + curveEpochs.length);
    }
  }

  private static final double[][] NO_PREDICTIONS = new double[0][];
  private static final int[] NO_EPOCHS = new int[0];

  /** This result without its training curve (its other numbers, the plateau label included, unchanged). */
  public TrainingResult withoutCurve() {
    if (curveEpochs.length == 0) {
      return this;
    }
    TrainingOutcome o = outcome;
    return new TrainingResult(spec, new TrainingOutcome(o.finalError(), o.errorBeforeLastUpdate(), o.epochsRun(),
        o.epochsToTarget(), o.diverged(), new double[0]), evaluation, NO_EPOCHS, trainMs, finalWeights, predictions,
        bestEpoch);
  }

  /**
   * With validation-based early stopping, the update count of the weights the network kept (its best validation
   * checkpoint; 0 = the initial weights); -1 without early stopping.
   */
  @Override
  public int bestEpoch() {
    return bestEpoch;
  }

  /** The network succeeded: every training row classified right. */
  public boolean success() {
    return accuracy() == 1.0;
  }

  // ---- the outcome's values -------------------------------------------------------------------------------------

  /** E of the weights after the last update. */
  public double finalError() {
    return outcome.finalError();
  }

  /** The tutorial's last printed value. */
  public double errorBeforeLastUpdate() {
    return outcome.errorBeforeLastUpdate();
  }

  public int epochsRun() {
    return outcome.epochsRun();
  }

  /** First update count k with E <= the study's stop-error, -1 if never or no stop-error. */
  public int epochsToTarget() {
    return outcome.epochsToTarget();
  }

  /** E became NaN or infinite (a recorded outcome, not a failure). */
  public boolean diverged() {
    return outcome.diverged();
  }

  /** E after k updates for each k of {@link #curveEpochs}. */
  public double[] curve() {
    return outcome.curve();
  }

  // ---- the evaluation's values ----------------------------------------------------------------------------------

  public double mse() {
    return evaluation.mse();
  }

  public double accuracy() {
    return evaluation.accuracy();
  }

  public double classAccuracy() {
    return evaluation.classAccuracy();
  }

  public double testError() {
    return evaluation.testError();
  }

  public double testAccuracy() {
    return evaluation.testAccuracy();
  }

  public double testClassAccuracy() {
    return evaluation.testClassAccuracy();
  }

  public String plateau() {
    return evaluation.plateau();
  }

  public double validationError() {
    return evaluation.validationError();
  }

  public double validationAccuracy() {
    return evaluation.validationAccuracy();
  }

  public double validationClassAccuracy() {
    return evaluation.validationClassAccuracy();
  }

  /** Whether the network was measured on validation rows (its accuracy there is a number even if it diverged). */
  public boolean validated() {
    return !Double.isNaN(validationAccuracy());
  }

  /**
   * The network's score, the one number every choice of the best (halving's rungs, the saved models) ranks by: its
   * validation error where the dataset has validation rows (so that no choice ever reads the test rows), else its
   * test error where it has test rows, else its final error; +infinity for a diverged network.
   */
  public double score() {
    double s = validated() ? validationError() : Double.isNaN(testError()) ? finalError() : testError();
    return diverged() || !Double.isFinite(s) ? Double.POSITIVE_INFINITY : s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrainingResult r && spec.equals(r.spec) && outcome.equals(r.outcome)
        && evaluation.equals(r.evaluation) && Arrays.equals(curveEpochs, r.curveEpochs)
        && Double.compare(trainMs, r.trainMs) == 0 && java.util.Objects.equals(finalWeights, r.finalWeights)
        && Arrays.deepEquals(predictions, r.predictions) && bestEpoch == r.bestEpoch;
  }

  @Override
  public int hashCode() {
    return spec.hashCode() * 31 + Double.hashCode(finalError());
  }

  @Override
  public String toString() {
    return "TrainingResult[id=" + spec.id() + ", finalError=" + finalError() + ", accuracy=" + accuracy()
        + ", diverged=" + diverged() + "]";
  }
}
