package nnsweep.report;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import nnsweep.grid.NetworkSpec;

/**
 * {@code summary.csv}: per (dataset, model, hidden, bias, learning rate, epochs), statistics over seeds. Error
 * statistics are over the networks that did not diverge; success (accuracy 1) is over all of them, with its 95%
 * Wilson interval. The class accuracies (argmax, datasets with one-hot targets) are means over all networks.
 */
public final class SummaryTable {
  /** The column contract. */
  public static final List<String> HEADER = List.of("dataset", "model", "hidden", "bias", "learning_rate", "epochs",
      "init",
      "networks", "diverged", "mean_error", "std_error", "min_error", "median_error", "max_error", "success_rate",
      "success_ci_low", "success_ci_high", "median_test_error", "mean_test_accuracy",
      "mean_class_accuracy", "mean_test_class_accuracy", "rung", "rung_epochs", "mean_test_error", "std_test_error");

  /** The grouping key: every axis but the seed (a cell of the sweep, see {@link CellStats}). */
  public record Key(String dataset, String model, int hidden, boolean bias, double learningRate, int epochs,
      String init) implements Serializable {
    static Key of(NetworkSpec s) {
      return new Key(s.dataset(), s.model().configName(), s.hidden(), s.bias(), s.learningRate(), s.epochs(),
          s.init().label());
    }
  }

  /**
   * One summary row. {@code quartiles} (of the errors, for the charts) is not a column: summary.csv has the median
   * as the mean of the middle two, as statisticians state it.
   */
  public record Row(Key key, long networks, long diverged, double meanError, double stdError, double minError,
      double medianError, double maxError, Stats.Rate success, double medianTestError,
      double meanTestAccuracy, double meanClassAccuracy, double meanTestClassAccuracy, Stats.Quartiles quartiles,
      double meanTestError, double stdTestError) implements Serializable {
    /** Fraction of the networks with accuracy 1. */
    public double successRate() {
      return success.rate();
    }
  }

  private SummaryTable() {}

  /** The row of one cell. */
  public static Row row(CellStats cell) {
    double[] errors = cell.sortedErrors();
    return new Row(cell.key(), cell.networks(), cell.diverged(), mean(errors), std(errors),
        errors.length == 0 ? Double.NaN : errors[0], median(errors),
        errors.length == 0 ? Double.NaN : errors[errors.length - 1],
        Stats.wilson(cell.successes(), cell.networks()), Stats.median(cell.sortedTestErrors()),
        mean(cell.sortedTestAccuracies()), mean(cell.sortedClassAccuracies()),
        mean(cell.sortedTestClassAccuracies()), Stats.Quartiles.of(errors), mean(cell.sortedTestErrors()),
        std(cell.sortedTestErrors()));
  }

  /** Writes {@code summary.csv}. */
  public static void write(Path file, List<Row> rows) {
    write(file, rows, key -> -1, null);
  }

  /**
   * Writes {@code summary.csv} with each cell's successive-halving rung and the epochs it was trained to ({@code
   * rungs} null: a grid, both columns empty).
   */
  public static void write(Path file, List<Row> rows, java.util.function.ToIntFunction<Key> rungOf,
      nnsweep.search.Rungs rungs) {
    CsvFiles.write(file, HEADER, printer -> {
      for (Row r : rows) {
        int rung = rungs == null ? -1 : rungOf.applyAsInt(r.key());
        printer.printRecord(r.key().dataset(), r.key().model(), r.key().hidden(), r.key().bias(),
            r.key().learningRate(), r.key().epochs(), r.key().init(), r.networks(), r.diverged(),
            CsvFiles.num(r.meanError()), CsvFiles.num(r.stdError()), CsvFiles.num(r.minError()), CsvFiles.num(r.medianError()),
            CsvFiles.num(r.maxError()), r.successRate(), r.success().low(), r.success().high(),
            CsvFiles.num(r.medianTestError()), CsvFiles.num(r.meanTestAccuracy()),
            CsvFiles.num(r.meanClassAccuracy()), CsvFiles.num(r.meanTestClassAccuracy()), rung < 0 ? "" : rung,
            rung < 0 ? "" : rungs.epochs(rung), CsvFiles.num(r.meanTestError()), CsvFiles.num(r.stdTestError()));
      }
    });
  }

  static double mean(double[] v) {
    return v.length == 0 ? Double.NaN : Arrays.stream(v).sum() / v.length;
  }

  /** Sample standard deviation (n - 1); NaN (an empty cell) for fewer than two values. */
  static double std(double[] v) {
    if (v.length < 2) {
      return Double.NaN;
    }
    double m = mean(v);
    double ss = 0;
    for (double x : v) {
      ss += (x - m) * (x - m);
    }
    return Math.sqrt(ss / (v.length - 1));
  }

  /** Median of sorted values (mean of the middle two for an even count). */
  static double median(double[] sorted) {
    int n = sorted.length;
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
