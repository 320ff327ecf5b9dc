package nnsweep.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nnsweep.grid.Cell;
import nnsweep.run.TrainingResult;
import nnsweep.study.HiddenRule;

/**
 * The reports' aggregation in two steps, each usable where the data is: results are folded into the cells of the
 * sweep ({@link #fold}: the map side, e.g. one Spark partition), partial cells with the same key are merged
 * ({@link CellStats#merge}), and each dataset's cells become its {@link DatasetReport} ({@link #datasets}). The
 * Spark job runs these steps in tasks; {@link #of} runs them in one go, for results already at hand.
 */
public final class Aggregation {
  private Aggregation() {}

  /** Adds one result to the cells, creating its cell on first use. */
  public static void fold(Map<Cell, CellStats> cells, TrainingResult r) {
    cells.computeIfAbsent(Cell.of(r.spec()), k -> new CellStats(r.spec())).add(r);
  }

  /** The cells of some results. */
  public static Map<Cell, CellStats> cells(Iterable<TrainingResult> results) {
    Map<Cell, CellStats> cells = new LinkedHashMap<>();
    results.forEach(r -> fold(cells, r));
    return cells;
  }

  /** One report per dataset of the complete cells, in dataset order. */
  public static List<DatasetReport> datasets(Collection<CellStats> cells, List<HiddenRule> rules) {
    Map<Integer, List<CellStats>> byDataset = new TreeMap<>();
    cells.forEach(c -> byDataset.computeIfAbsent(c.datasetIndex(), d -> new ArrayList<>()).add(c));
    return byDataset.values().stream().map(d -> DatasetReport.of(d, rules)).toList();
  }

  /** The dataset reports of every result of a study, aggregated here. */
  public static List<DatasetReport> of(Iterable<TrainingResult> results, List<HiddenRule> rules) {
    return datasets(cells(results).values(), rules);
  }
}
