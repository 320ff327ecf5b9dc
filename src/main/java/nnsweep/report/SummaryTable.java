package nnsweep.report;

import java.nio.file.Path;
import java.util.List;
import nnsweep.stats.Summary;

/** {@code summary.csv}: the {@link Summary} rows, one per cell of the sweep, in network id order. */
public final class SummaryTable {
  /** The column contract. */
  public static final List<String> HEADER = List.of("dataset", "model", "hidden", "bias", "learning_rate", "epochs",
      "init",
      "networks", "diverged", "mean_error", "std_error", "min_error", "median_error", "max_error", "success_rate",
      "success_ci_low", "success_ci_high", "median_test_error", "mean_test_accuracy",
      "mean_class_accuracy", "mean_test_class_accuracy", "rung", "rung_epochs", "mean_test_error", "std_test_error");

  private SummaryTable() {}

  /** Writes {@code summary.csv}. */
  public static void write(Path file, List<Summary.Row> rows) {
    write(file, rows, key -> -1, null);
  }

  /**
   * Writes {@code summary.csv} with each cell's successive-halving rung and the epochs it was trained to ({@code
   * rungs} null: a grid, both columns empty).
   */
  public static void write(Path file, List<Summary.Row> rows, java.util.function.ToIntFunction<Summary.Key> rungOf,
      nnsweep.search.Rungs rungs) {
    CsvFiles.write(file, HEADER, printer -> {
      for (Summary.Row r : rows) {
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
}
