package nnsweep.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnsweep.grid.NetworkSpec;
import nnsweep.run.TrainingResult;

/**
 * {@code summary.csv}: per (dataset, model, hidden, bias, learning rate, epochs), statistics over seeds. Error
 * statistics are over the networks that did not diverge; success (accuracy 1) is over all of them, with its 95%
 * Wilson interval.
 */
public final class SummaryTable {
  /** The column contract. */
  public static final List<String> HEADER = List.of("dataset", "model", "hidden", "bias", "learning_rate", "epochs",
      "init",
      "networks", "diverged", "mean_error", "std_error", "min_error", "median_error", "max_error", "success_rate",
      "success_ci_low", "success_ci_high", "median_test_error", "mean_test_accuracy");

  /** The grouping key: every axis but the seed. */
  public record Key(String dataset, String model, int hidden, boolean bias, double learningRate, int epochs,
      String init) {
    static Key of(NetworkSpec s) {
      return new Key(s.dataset(), s.model().configName(), s.hidden(), s.bias(), s.learningRate(), s.epochs(),
          s.init().label());
    }
  }

  /** One summary row. */
  public record Row(Key key, int networks, int diverged, double meanError, double stdError, double minError,
      double medianError, double maxError, Stats.Rate success, double medianTestError,
      double meanTestAccuracy) {
    /** Fraction of the networks with accuracy 1. */
    public double successRate() {
      return success.rate();
    }
  }

  private SummaryTable() {}

  /** The summary rows, in order of each group's first network id. */
  public static List<Row> summarise(List<TrainingResult> sortedResults) {
    Map<Key, List<TrainingResult>> groups = new LinkedHashMap<>();
    for (TrainingResult r : sortedResults) {
      groups.computeIfAbsent(Key.of(r.spec()), k -> new ArrayList<>()).add(r);
    }
    List<Row> rows = new ArrayList<>();
    for (var e : groups.entrySet()) {
      List<TrainingResult> group = e.getValue();
      double[] errors = group.stream().filter(r -> !r.diverged()).mapToDouble(TrainingResult::finalError).sorted()
          .toArray();
      long successes = group.stream().filter(TrainingResult::success).count();
      rows.add(new Row(e.getKey(), group.size(), group.size() - errors.length, mean(errors), std(errors),
          errors.length == 0 ? Double.NaN : errors[0], median(errors),
          errors.length == 0 ? Double.NaN : errors[errors.length - 1], Stats.wilson(successes, group.size()),
          Stats.median(group.stream().filter(r -> !r.diverged() && !Double.isNaN(r.testError()))
              .mapToDouble(TrainingResult::testError).toArray()),
          mean(group.stream().mapToDouble(TrainingResult::testAccuracy).filter(v -> !Double.isNaN(v)).toArray())));
    }
    return rows;
  }

  /** Writes {@code summary.csv}. */
  public static void write(Path file, List<Row> rows) {
    CsvFiles.write(file, HEADER, printer -> {
      for (Row r : rows) {
        printer.printRecord(r.key().dataset(), r.key().model(), r.key().hidden(), r.key().bias(),
            r.key().learningRate(), r.key().epochs(), r.key().init(), r.networks(), r.diverged(), CsvFiles.num(r.meanError()),
            CsvFiles.num(r.stdError()), CsvFiles.num(r.minError()), CsvFiles.num(r.medianError()),
            CsvFiles.num(r.maxError()), r.successRate(), r.success().low(), r.success().high(),
            CsvFiles.num(r.medianTestError()), CsvFiles.num(r.meanTestAccuracy()));
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
