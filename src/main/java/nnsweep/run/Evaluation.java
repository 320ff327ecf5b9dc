package nnsweep.run;

import java.io.Serializable;
import java.util.function.DoubleFunction;
import nnsweep.nn.Metrics;
import nnsweep.nn.Network;
import nnsweep.nn.TrainingData;

/**
 * What a trained network measures on its data: on the training rows, on the held-out test rows, on the validation
 * rows, and the plateau a stuck truth-table network sits on.
 *
 * @param mse 2E / (rows x outputs) of the final error E
 * @param accuracy fraction of training rows with every output on the right side of 0.5
 * @param classAccuracy for one-hot targets (at least two outputs): fraction of the training rows whose largest output
 *     is at the target's 1 (argmax); NaN for other targets
 * @param testError E on the held-out test rows (NaN without a test split)
 * @param testAccuracy accuracy on the test rows (NaN without a test split)
 * @param testClassAccuracy class accuracy on the test rows (NaN without a test split or one-hot targets)
 * @param plateau for a truth table: the error plateau a stuck network sits on (e.g. "1/2", "1/3"), else ""
 * @param validationError E on the validation rows (NaN without a validation split): what every choice reads
 * @param validationAccuracy accuracy on the validation rows (NaN without a validation split)
 * @param validationClassAccuracy class accuracy on the validation rows (NaN without a validation split or one-hot
 *     targets)
 */
public record Evaluation(
    double mse,
    double accuracy,
    double classAccuracy,
    double testError,
    double testAccuracy,
    double testClassAccuracy,
    String plateau,
    double validationError,
    double validationAccuracy,
    double validationClassAccuracy)
    implements Serializable {

  /** The metrics of a network without validation rows. */
  public Evaluation(double mse, double accuracy, double classAccuracy, double testError, double testAccuracy,
      double testClassAccuracy, String plateau) {
    this(mse, accuracy, classAccuracy, testError, testAccuracy, testClassAccuracy, plateau, Double.NaN, Double.NaN,
        Double.NaN);
  }

  /**
   * Measures {@code network} on {@code prepared}'s training and test rows; {@code plateau} gives the plateau label
   * from the training accuracy.
   */
  static Evaluation of(Network network, NetworkRun.Prepared prepared, double finalError,
      DoubleFunction<String> plateau) {
    TrainingData data = prepared.data();
    double accuracy = Metrics.accuracy(network, data);
    String label = plateau.apply(accuracy);
    double classAccuracy = prepared.oneHot() ? Metrics.classAccuracy(network, data) : Double.NaN;
    double testError = Double.NaN;
    double testAccuracy = Double.NaN;
    double testClassAccuracy = Double.NaN;
    if (prepared.test() != null) {
      testError = Metrics.error(network, prepared.test());
      testAccuracy = Metrics.accuracy(network, prepared.test());
      testClassAccuracy = prepared.oneHot() ? Metrics.classAccuracy(network, prepared.test()) : Double.NaN;
    }
    double validationError = Double.NaN;
    double validationAccuracy = Double.NaN;
    double validationClassAccuracy = Double.NaN;
    TrainingData validation = prepared.validation();
    if (validation != null) {
      validationError = Metrics.error(network, validation);
      validationAccuracy = Metrics.accuracy(network, validation);
      validationClassAccuracy = prepared.oneHot() ? Metrics.classAccuracy(network, validation) : Double.NaN;
    }
    return new Evaluation(Metrics.mse(finalError, data.rows(), data.outputs()), accuracy, classAccuracy, testError,
        testAccuracy, testClassAccuracy, label, validationError, validationAccuracy, validationClassAccuracy);
  }
}
