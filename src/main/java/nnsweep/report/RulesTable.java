package nnsweep.report;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nnsweep.report.Table.Column;
import nnsweep.report.Table.Head;
import nnsweep.stats.Rules;

/**
 * {@code rules.csv} and the page's rules table: the {@link Rules} rows, per dataset and rule of thumb, from one
 * column definition ({@link #table}).
 */
public final class RulesTable {
  /** The column contract. */
  public static final List<String> HEADER = table(Map.of()).header();

  private RulesTable() {}

  /**
   * The table's columns; {@code rungs} maps "dataset/hidden size" to the highest successive-halving rung a cell of
   * that size reached ({@code highest_rung}: the highest over the rule's sizes; empty for a grid, an empty map).
   */
  static Table<Rules.Row> table(Map<String, Integer> rungs) {
    return new Table<>(List.of(
        Column.<Rules.Row>csv("dataset", Rules.Row::dataset).text("dataset", Rules.Row::dataset),
        Column.<Rules.Row>csv("rule", Rules.Row::rule).text("rule", Rules.Row::rule),
        Column.<Rules.Row>csv(List.of("inputs", "outputs"), r -> Arrays.asList(r.inputs(), r.outputs()))
            .num("inputs, outputs", r -> r.inputs() + ", " + r.outputs()),
        Column.<Rules.Row>csv("recommended_sizes",
            r -> Arrays.stream(r.sizes()).mapToObj(Integer::toString).collect(Collectors.joining(";")))
            .num("recommended h", r -> ReportFormat.sizes(r.sizes())),
        Column.<Rules.Row>csv("networks", Rules.Row::networks).num("networks", r -> Long.toString(r.networks())),
        Column.<Rules.Row>csv("median_error", r -> CsvFiles.num(r.medianError()))
            .num("median E", r -> ReportFormat.error(r.medianError())),
        Column.<Rules.Row>csv("best_error", r -> CsvFiles.num(r.bestError()))
            .num("best E", r -> ReportFormat.error(r.bestError())),
        Column.<Rules.Row>csv(List.of("successes", "success_rate", "success_ci_low", "success_ci_high"),
            r -> Arrays.asList(r.success().successes(), CsvFiles.num(r.success().rate()),
                CsvFiles.num(r.success().low()), CsvFiles.num(r.success().high())))
            .cell(new Head("success [95% CI]", true), (h, r) -> Table.rate(h, r.success())),
        Column.<Rules.Row>csv("best_size_in_rule", r -> r.bestSizeInRule() == 0 ? "" : r.bestSizeInRule())
            .num("best h in rule", r -> r.bestSizeInRule() == 0 ? "\u2013" : Integer.toString(r.bestSizeInRule())),
        Column.<Rules.Row>csv("best_size_overall", Rules.Row::bestSizeOverall)
            .num("best h overall", r -> r.bestSizeOverall() == 0 ? "\u2013"
                : Integer.toString(r.bestSizeOverall())),
        Column.<Rules.Row>csv("contains_best_size", Rules.Row::containsBestSize)
            .cell(new Head("contains best h", false),
                (h, r) -> Table.yesNo(h, r.networks() == 0 ? null : r.containsBestSize())),
        Column.<Rules.Row>csv("smallest_reliable_size",
            r -> r.smallestReliableSize() == 0 ? "" : r.smallestReliableSize())
            .num("smallest reliable h", r -> r.smallestReliableSize() == 0 ? "none"
                : Integer.toString(r.smallestReliableSize())),
        Column.<Rules.Row>csv("contains_smallest_reliable_size",
            r -> r.containsSmallestReliable() == null ? "" : r.containsSmallestReliable())
            .cell(new Head("contains it", false), (h, r) -> Table.yesNo(h, r.containsSmallestReliable())),
        Column.<Rules.Row>csv("highest_rung", r -> {
          int highest = -1;
          for (int size : r.sizes()) {
            highest = Math.max(highest, rungs.getOrDefault(r.dataset() + "/" + size, -1));
          }
          return highest < 0 ? "" : highest;
        }).num("highest rung", r -> {
          int highest = -1;
          for (int size : r.sizes()) {
            highest = Math.max(highest, rungs.getOrDefault(r.dataset() + "/" + size, -1));
          }
          return highest < 0 ? "\u2013" : Integer.toString(highest);
        }).when(rows -> !rungs.isEmpty())),
        Rules.Row::dataset);
  }

  /** Writes {@code rules.csv}. */
  public static void write(Path file, List<Rules.Row> rows) {
    write(file, rows, Map.of());
  }

  /**
   * Writes {@code rules.csv}; {@code rungs} maps "dataset/hidden size" to the highest successive-halving rung a cell
   * of that size reached ({@code highest_rung}: the highest over the rule's sizes; empty for a grid, an empty map).
   */
  public static void write(Path file, List<Rules.Row> rows, Map<String, Integer> rungs) {
    table(rungs).write(file, rows);
  }
}
