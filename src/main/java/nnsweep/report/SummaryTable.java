package nnsweep.report;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;
import nnsweep.grid.Cell;
import nnsweep.report.Table.Column;
import nnsweep.report.Table.Head;
import nnsweep.search.Rungs;
import nnsweep.stats.Summary;

/**
 * {@code summary.csv} and the page's summary table: the {@link Summary} rows, one per cell of the sweep, in network
 * id order, from one column definition ({@link #table}).
 */
public final class SummaryTable {
  /** The column contract (of a study without a validation split). */
  public static final List<String> HEADER = table(key -> -1, null, false).header();

  /** The columns a study with a validation split appends, statistics on the validation rows as the test ones. */
  public static final List<String> VALIDATION = List.of("median_validation_error", "mean_validation_error",
      "std_validation_error", "mean_validation_accuracy", "mean_validation_class_accuracy");

  /**
   * The column appended when validation-based early stopping kept some network's weights before its last epoch:
   * the median over the cell's networks of the update count whose weights were kept.
   */
  public static final String BEST_EPOCH = "median_best_epoch";

  private SummaryTable() {}

  /**
   * The table's columns; {@code rungs} (null: a grid, both columns empty) and {@code rungOf} give each cell's
   * successive-halving rung and the epochs it was trained to.
   */
  static Table<Summary.Row> table(ToIntFunction<Cell> rungOf, Rungs rungs, boolean validated) {
    return table(rungOf, rungs, validated, false);
  }

  /** As {@link #table(ToIntFunction, Rungs, boolean)}; {@code bestEpochs}: with {@link #BEST_EPOCH} at the end. */
  static Table<Summary.Row> table(ToIntFunction<Cell> rungOf, Rungs rungs, boolean validated,
      boolean bestEpochs) {
    List<Column<Summary.Row>> columns = new java.util.ArrayList<>(List.of(
        Column.<Summary.Row>csv("dataset", r -> r.key().dataset()).text("dataset", r -> r.key().dataset()),
        Column.<Summary.Row>csv("model", r -> r.key().model()).text("model", r -> r.key().model()),
        Column.<Summary.Row>csv("hidden", r -> r.key().hidden())
            .num("hidden", r -> r.key().hidden() == 0 ? "\u2013" : Integer.toString(r.key().hidden())),
        Column.<Summary.Row>csv("bias", r -> r.key().bias()).text("bias", r -> ReportFormat.onOff(r.key().bias())),
        Table.learningRate(r -> r.key().learningRate()),
        // with successive halving a cell's networks were trained to its rung's epochs, not to the study's budget
        rungs == null ? Table.epochs(r -> r.key().epochs()) : Column.<Summary.Row>csv("epochs", r -> r.key().epochs())
            .num("epochs reached (of budget)", r -> {
              int rung = rungOf.applyAsInt(r.key());
              return (rung < 0 ? "\u2013" : ReportFormat.count(rungs.epochs(rung))) + " of "
                  + ReportFormat.count(r.key().epochs());
            }),
        Column.<Summary.Row>csv(List.of(), r -> List.of()).num("rung", r -> {
          int rung = rungOf.applyAsInt(r.key());
          return rung < 0 ? "\u2013" : Integer.toString(rung);
        }).when(rows -> rungs != null),
        Table.init(r -> r.key().init()),
        Column.<Summary.Row>csv("networks", Summary.Row::networks)
            .num("networks", r -> Long.toString(r.networks())),
        Column.<Summary.Row>csv("diverged", Summary.Row::diverged)
            .num("diverged", r -> Long.toString(r.diverged())),
        Column.<Summary.Row>csv(List.of("mean_error", "std_error", "min_error", "median_error", "max_error"),
            r -> Arrays.asList(CsvFiles.num(r.meanError()), CsvFiles.num(r.stdError()), CsvFiles.num(r.minError()),
                CsvFiles.num(r.medianError()), CsvFiles.num(r.maxError())))
            .cells(null, Table.heads("median E", "mean E", "std E", "min E", "max E"), (h, r) -> {
              for (double v : new double[] {r.medianError(), r.meanError(), r.stdError(), r.minError(),
                  r.maxError()}) {
                Table.num(h, ReportFormat.error(v));
              }
            }),
        Column.<Summary.Row>csv(List.of("success_rate", "success_ci_low", "success_ci_high"),
            r -> Arrays.asList(r.successRate(), r.success().low(), r.success().high()))
            .cell(new Head("success [95% CI]", true), (h, r) -> Table.rate(h, r.success())),
        // generalisation next to training error, for studies that hold rows out
        Column.<Summary.Row>csv(List.of("median_test_error", "mean_test_accuracy"),
            r -> Arrays.asList(CsvFiles.num(r.medianTestError()), CsvFiles.num(r.meanTestAccuracy())))
            .cells(null, Table.heads("median test E", "mean test accuracy"), (h, r) -> {
              Table.num(h, ReportFormat.error(r.medianTestError()));
              Table.num(h, ReportFormat.percent(r.meanTestAccuracy(), 1));
            }).when(rows -> rows.stream().anyMatch(r -> !Double.isNaN(r.medianTestError()))),
        // argmax accuracy, for studies with one-hot (class-label) targets
        Column.<Summary.Row>csv("mean_class_accuracy", r -> CsvFiles.num(r.meanClassAccuracy()))
            .num("mean class accuracy", r -> ReportFormat.percent(r.meanClassAccuracy(), 1))
            .when(rows -> rows.stream().anyMatch(r -> !Double.isNaN(r.meanClassAccuracy()))),
        Column.<Summary.Row>csv("mean_test_class_accuracy", r -> CsvFiles.num(r.meanTestClassAccuracy()))
            .num("mean test class accuracy", r -> ReportFormat.percent(r.meanTestClassAccuracy(), 1))
            .when(rows -> rows.stream().anyMatch(r -> !Double.isNaN(r.meanTestClassAccuracy()))),
        Column.<Summary.Row>csv(List.of("rung", "rung_epochs"), r -> {
          int rung = rungs == null ? -1 : rungOf.applyAsInt(r.key());
          return Arrays.asList(rung < 0 ? "" : rung, rung < 0 ? "" : rungs.epochs(rung));
        }),
        Column.<Summary.Row>csv(List.of("mean_test_error", "std_test_error"),
            r -> Arrays.asList(CsvFiles.num(r.meanTestError()), CsvFiles.num(r.stdTestError())))));
    if (validated) {
      columns.add(Column.<Summary.Row>csv(VALIDATION, r -> Arrays.asList(
          CsvFiles.num(r.validation().medianError()), CsvFiles.num(r.validation().meanError()),
          CsvFiles.num(r.validation().stdError()), CsvFiles.num(r.validation().meanAccuracy()),
          CsvFiles.num(r.validation().meanClassAccuracy())))
          .cells(null, Table.heads("median validation E", "mean validation class accuracy"), (h, r) -> {
            Table.num(h, ReportFormat.error(r.validation().medianError()));
            Table.num(h, ReportFormat.percent(r.validation().meanClassAccuracy(), 1));
          }));
    }
    // only with validation-based early stopping: studies without it keep their columns byte for byte
    if (bestEpochs) {
      columns.add(Column.<Summary.Row>csv(BEST_EPOCH, r -> CsvFiles.num(r.medianBestEpoch()))
          .num("median best epoch", r -> Double.isNaN(r.medianBestEpoch()) ? "\u2013"
              : ReportFormat.plain(r.medianBestEpoch())));
    }
    return new Table<>(List.copyOf(columns), r -> r.key().dataset());
  }

  /** Whether some of {@code rows} had networks whose weights early stopping kept ({@link #BEST_EPOCH}). */
  static boolean bestEpochs(List<Summary.Row> rows) {
    return rows.stream().anyMatch(r -> !Double.isNaN(r.medianBestEpoch()));
  }

  /** Whether {@code rows} carry validation statistics (their study has a validation split). */
  static boolean validated(List<Summary.Row> rows) {
    return rows.stream().anyMatch(Summary.Row::validated);
  }

  /** Writes {@code summary.csv}. */
  public static void write(Path file, List<Summary.Row> rows) {
    write(file, rows, key -> -1, null);
  }

  /**
   * Writes {@code summary.csv} with each cell's successive-halving rung and the epochs it was trained to ({@code
   * rungs} null: a grid, both columns empty).
   */
  public static void write(Path file, List<Summary.Row> rows, ToIntFunction<Cell> rungOf, Rungs rungs) {
    table(rungOf, rungs, validated(rows), bestEpochs(rows)).write(file, rows);
  }
}
