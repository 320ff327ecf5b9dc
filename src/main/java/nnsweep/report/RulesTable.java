package nnsweep.report;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nnsweep.stats.Rules;

/** {@code rules.csv}: the {@link Rules} rows, per dataset and rule of thumb. */
public final class RulesTable {
  /** The column contract. */
  public static final List<String> HEADER = List.of("dataset", "rule", "inputs", "outputs", "recommended_sizes",
      "networks", "median_error", "best_error", "successes", "success_rate", "success_ci_low", "success_ci_high",
      "best_size_in_rule", "best_size_overall", "contains_best_size", "smallest_reliable_size",
      "contains_smallest_reliable_size", "highest_rung");

  private RulesTable() {}

  /** Writes {@code rules.csv}. */
  public static void write(Path file, List<Rules.Row> rows) {
    write(file, rows, Map.of());
  }

  /**
   * Writes {@code rules.csv}; {@code rungs} maps "dataset/hidden size" to the highest successive-halving rung a cell
   * of that size reached ({@code highest_rung}: the highest over the rule's sizes; empty for a grid, an empty map).
   */
  public static void write(Path file, List<Rules.Row> rows, Map<String, Integer> rungs) {
    CsvFiles.write(file, HEADER, printer -> {
      for (Rules.Row r : rows) {
        int highest = -1;
        for (int size : r.sizes()) {
          highest = Math.max(highest, rungs.getOrDefault(r.dataset() + "/" + size, -1));
        }
        printer.printRecord(r.dataset(), r.rule(), r.inputs(), r.outputs(),
            Arrays.stream(r.sizes()).mapToObj(Integer::toString).collect(Collectors.joining(";")), r.networks(),
            CsvFiles.num(r.medianError()), CsvFiles.num(r.bestError()), r.success().successes(),
            CsvFiles.num(r.success().rate()), CsvFiles.num(r.success().low()), CsvFiles.num(r.success().high()),
            r.bestSizeInRule() == 0 ? "" : r.bestSizeInRule(), r.bestSizeOverall(), r.containsBestSize(),
            r.smallestReliableSize() == 0 ? "" : r.smallestReliableSize(),
            r.containsSmallestReliable() == null ? "" : r.containsSmallestReliable(), highest < 0 ? "" : highest);
      }
    });
  }
}
