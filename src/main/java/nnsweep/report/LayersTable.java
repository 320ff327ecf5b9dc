package nnsweep.report;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import nnsweep.report.Table.Column;
import nnsweep.stats.Layers;

/**
 * {@code layers.csv} and the page's layers table: the {@link Layers} rows, no hidden layer vs one hidden layer side
 * by side, from one column definition ({@link #TABLE}).
 */
public final class LayersTable {
  /** The table's columns. */
  static final Table<Layers.Row> TABLE = new Table<>(List.of(
      Column.<Layers.Row>csv("dataset", r -> r.key().dataset()).text("dataset", r -> r.key().dataset()),
      Column.<Layers.Row>csv("bias", r -> r.key().bias()).text("bias", r -> ReportFormat.onOff(r.key().bias())),
      Table.learningRate(r -> r.key().learningRate()),
      Table.epochs(r -> r.key().epochs()),
      Table.init(r -> r.key().init()),
      side("none", "no hidden layer", Layers.Row::none),
      side("hidden", "hidden layer, all sizes", Layers.Row::hidden),
      Column.<Layers.Row>csv("median_error_ratio", r -> CsvFiles.num(r.medianErrorRatio()))
          .num("median E ratio", r -> Double.isNaN(r.medianErrorRatio()) ? "\u2013"
              : ReportFormat.error(r.medianErrorRatio())),
      Column.<Layers.Row>csv(List.of("best_hidden_size", "best_hidden_median_error", "best_hidden_success_rate"),
          r -> Arrays.asList(r.bestHiddenSize() == 0 ? "" : r.bestHiddenSize(),
              CsvFiles.num(r.bestHiddenMedianError()), CsvFiles.num(r.bestHiddenSuccessRate())))
          .cells("best hidden size", Table.heads("h", "median E", "success"), (h, r) -> {
            Table.num(h, r.bestHiddenSize() == 0 ? "\u2013" : Integer.toString(r.bestHiddenSize()));
            Table.num(h, ReportFormat.error(r.bestHiddenMedianError()));
            Table.num(h, ReportFormat.percent(r.bestHiddenSuccessRate()));
          })),
      r -> r.key().dataset());

  /** The column contract. */
  public static final List<String> HEADER = TABLE.header();

  private LayersTable() {}

  /** One side of the comparison: six CSV columns named with {@code prefix}, four HTML cells under {@code title}. */
  private static Column<Layers.Row> side(String prefix, String title, Function<Layers.Row, Layers.Side> side) {
    return Column.<Layers.Row>csv(List.of(prefix + "_networks", prefix + "_best_error", prefix + "_median_error",
        prefix + "_success_rate", prefix + "_success_ci_low", prefix + "_success_ci_high"), r -> {
          Layers.Side s = side.apply(r);
          return s == null ? Arrays.asList(0, "", "", "", "", "")
              : Arrays.asList(s.networks(), CsvFiles.num(s.bestError()), CsvFiles.num(s.medianError()),
                  CsvFiles.num(s.success().rate()), CsvFiles.num(s.success().low()),
                  CsvFiles.num(s.success().high()));
        }).cells(title, Table.heads("networks", "median E", "best E", "success [95% CI]"), (h, r) -> {
          Layers.Side s = side.apply(r);
          if (s == null) {
            h.raw("<td class=\"num\" colspan=\"4\">not in the study</td>");
          } else {
            Table.num(h, Long.toString(s.networks()));
            Table.num(h, ReportFormat.error(s.medianError()));
            Table.num(h, ReportFormat.error(s.bestError()));
            Table.rate(h, s.success());
          }
        });
  }

  /** Writes {@code layers.csv}. */
  public static void write(Path file, List<Layers.Row> rows) {
    TABLE.write(file, rows);
  }
}
