package nnsweep.stats;

import java.io.Serializable;
import nnsweep.grid.Cell;

/**
 * Per {@link Cell} of the sweep (dataset, model, hidden, bias, learning rate, epochs, init), statistics over its
 * seeds: the rows of {@code summary.csv}. Error statistics are over the networks that did not diverge; success
 * (accuracy 1) is over all of them, with its 95% Wilson interval. The class accuracies (argmax, datasets with one-hot
 * targets) are means over all networks.
 */
public final class Summary {
  private Summary() {}

  /**
   * One cell's statistics. {@code quartiles} (of the errors, for the charts) is not a column: summary.csv has the
   * median as the mean of the middle two, as statisticians state it. The validation statistics are NaN without a
   * validation split; {@code medianBestEpoch} (the median of the epochs validation-based early stopping kept) is
   * NaN when early stopping is off.
   */
  public record Row(Cell key, long networks, long diverged, double meanError, double stdError, double minError,
      double medianError, double maxError, Stats.Rate success, double medianTestError,
      double meanTestAccuracy, double meanClassAccuracy, double meanTestClassAccuracy, Stats.Quartiles quartiles,
      double meanTestError, double stdTestError, Validation validation, double medianBestEpoch)
      implements Serializable {
    /** A row without early stopping's best epochs. */
    public Row(Cell key, long networks, long diverged, double meanError, double stdError, double minError,
        double medianError, double maxError, Stats.Rate success, double medianTestError,
        double meanTestAccuracy, double meanClassAccuracy, double meanTestClassAccuracy, Stats.Quartiles quartiles,
        double meanTestError, double stdTestError, Validation validation) {
      this(key, networks, diverged, meanError, stdError, minError, medianError, maxError, success, medianTestError,
          meanTestAccuracy, meanClassAccuracy, meanTestClassAccuracy, quartiles, meanTestError, stdTestError,
          validation, Double.NaN);
    }

    /** A row without validation statistics. */
    public Row(Cell key, long networks, long diverged, double meanError, double stdError, double minError,
        double medianError, double maxError, Stats.Rate success, double medianTestError,
        double meanTestAccuracy, double meanClassAccuracy, double meanTestClassAccuracy, Stats.Quartiles quartiles,
        double meanTestError, double stdTestError) {
      this(key, networks, diverged, meanError, stdError, minError, medianError, maxError, success, medianTestError,
          meanTestAccuracy, meanClassAccuracy, meanTestClassAccuracy, quartiles, meanTestError, stdTestError,
          Validation.NONE);
    }

    /** Fraction of the networks with accuracy 1. */
    public double successRate() {
      return success.rate();
    }

    /** Whether the cell's networks were measured on validation rows. */
    public boolean validated() {
      return !Double.isNaN(validation.meanAccuracy());
    }
  }

  /**
   * A cell's statistics on the validation rows, as the test columns have them: median, mean and standard deviation
   * of the errors of the networks that did not diverge, mean accuracy and class accuracy over all networks.
   */
  public record Validation(double medianError, double meanError, double stdError, double meanAccuracy,
      double meanClassAccuracy) implements Serializable {
    /** No validation split. */
    public static final Validation NONE = new Validation(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
  }

  /** The row of one cell. */
  public static Row row(CellStats cell) {
    double[] errors = cell.sortedErrors();
    return new Row(cell.key(), cell.networks(), cell.diverged(), Stats.mean(errors), Stats.std(errors),
        errors.length == 0 ? Double.NaN : errors[0], Stats.sortedMedian(errors),
        errors.length == 0 ? Double.NaN : errors[errors.length - 1],
        Stats.wilson(cell.successes(), cell.networks()), Stats.median(cell.sortedTestErrors()),
        Stats.mean(cell.sortedTestAccuracies()), Stats.mean(cell.sortedClassAccuracies()),
        Stats.mean(cell.sortedTestClassAccuracies()), Stats.Quartiles.of(errors),
        Stats.mean(cell.sortedTestErrors()), Stats.std(cell.sortedTestErrors()), validation(cell),
        Stats.median(cell.sortedBestEpochs()));
  }

  private static Validation validation(CellStats cell) {
    double[] accuracies = cell.sortedValidationAccuracies();
    if (accuracies.length == 0) {
      return Validation.NONE;
    }
    double[] errors = cell.sortedValidationErrors();
    return new Validation(Stats.median(errors), Stats.mean(errors), Stats.std(errors), Stats.mean(accuracies),
        Stats.mean(cell.sortedValidationClassAccuracies()));
  }
}
