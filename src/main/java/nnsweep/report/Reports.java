package nnsweep.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nnsweep.grid.Cell;
import nnsweep.stats.Summary;

/**
 * Writes the CSV reports of a finished study into its output folder; each file appears whole (temporary name,
 * rename). The aggregate tables come from a {@link ReportModel}; the per-network ones from {@link NetworkTables}.
 */
public final class Reports {
  private Reports() {}

  /** Every CSV file a study can write, in the order they are listed. */
  public static final List<String> TABLES = List.of("results.csv", "summary.csv", "rules.csv", "layers.csv",
      "predictions.csv", "curves.csv");

  /** Writes summary.csv, rules.csv (when the study has rules) and layers.csv. Returns the names written. */
  public static List<String> writeAggregates(Path folder, ReportModel m) {
    return writeAggregates(folder, m, key -> -1, null);
  }

  /**
   * As {@link #writeAggregates(Path, ReportModel)}, summary.csv and rules.csv saying each cell's successive-halving
   * rung from {@code ladder} (null: a grid).
   */
  public static List<String> writeAggregates(Path folder, ReportModel m, nnsweep.search.Ladder ladder) {
    return writeAggregates(folder, m, LadderTable.rungOf(ladder), ladder == null ? null : ladder.rungs());
  }

  private static List<String> writeAggregates(Path folder, ReportModel m,
      java.util.function.ToIntFunction<Cell> rungOf, nnsweep.search.Rungs rungs) {
    List<String> written = new ArrayList<>();
    SummaryTable.write(folder.resolve("summary.csv"), m.summary(), rungOf, rungs);
    written.add("summary.csv");
    if (!m.study().hiddenRules().isEmpty()) {
      RulesTable.write(folder.resolve("rules.csv"), m.rules(), sizeRungs(m, rungOf, rungs));
      written.add("rules.csv");
    }
    LayersTable.write(folder.resolve("layers.csv"), m.layers());
    written.add("layers.csv");
    return written;
  }

  /** "dataset/hidden size" -> the highest successive-halving rung a cell of that size reached (empty: a grid). */
  static java.util.Map<String, Integer> sizeRungs(ReportModel m,
      java.util.function.ToIntFunction<Cell> rungOf, nnsweep.search.Rungs rungs) {
    java.util.Map<String, Integer> sizeRungs = new java.util.HashMap<>();
    if (rungs != null) {
      for (Summary.Row row : m.summary()) {
        if (row.key().model().equals("hidden")) {
          sizeRungs.merge(row.key().dataset() + "/" + row.key().hidden(), rungOf.applyAsInt(row.key()), Math::max);
        }
      }
    }
    return sizeRungs;
  }

  /** File names in the order of {@link #TABLES}. */
  public static List<String> inOrder(List<String> names) {
    List<String> sorted = new ArrayList<>(names);
    sorted.sort(Comparator.comparingInt(TABLES::indexOf));
    return sorted;
  }
}
