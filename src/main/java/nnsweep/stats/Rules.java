package nnsweep.stats;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import nnsweep.study.HiddenRule;

/**
 * Does each rule of thumb point at hidden sizes that work? Per dataset and rule (the rows of {@code rules.csv}):
 * the sizes it recommends, how the networks of those sizes did (median and best error, success with its Wilson
 * interval), and whether its range holds the sweep's best size (best median error) and its smallest reliable size
 * (the smallest whose success rate is >= 95%). All over the hidden-layer networks of the study, every bias, rate and
 * epochs setting pooled; error statistics leave out diverged networks, success counts them as failures.
 */
public final class Rules {
  /** Success rate at or above which a hidden size counts as reliable. */
  public static final double RELIABLE = 0.95;

  /** One row. {@code smallestReliableSize} is 0 (and {@code containsSmallestReliable} null) when no size is. */
  public record Row(String dataset, String rule, int inputs, int outputs, int[] sizes, long networks,
      double medianError, double bestError, Stats.Rate success, int bestSizeInRule, int bestSizeOverall,
      boolean containsBestSize, int smallestReliableSize, Boolean containsSmallestReliable)
      implements Serializable {
    @Override
    public boolean equals(Object o) {
      return o instanceof Row r && dataset.equals(r.dataset) && rule.equals(r.rule) && inputs == r.inputs
          && outputs == r.outputs && Arrays.equals(sizes, r.sizes) && networks == r.networks
          && Double.compare(medianError, r.medianError) == 0 && Double.compare(bestError, r.bestError) == 0
          && success.equals(r.success) && bestSizeInRule == r.bestSizeInRule
          && bestSizeOverall == r.bestSizeOverall && containsBestSize == r.containsBestSize
          && smallestReliableSize == r.smallestReliableSize
          && java.util.Objects.equals(containsSmallestReliable, r.containsSmallestReliable);
    }

    @Override
    public int hashCode() {
      return (dataset.hashCode() * 31 + rule.hashCode()) * 31 + Arrays.hashCode(sizes);
    }

    @Override
    public String toString() {
      return "Row[" + dataset + ", " + rule + ", sizes=" + Arrays.toString(sizes) + ", networks=" + networks
          + ", median=" + medianError + ", best=" + bestError + ", success=" + success + "]";
    }
  }

  private Rules() {}

  /**
   * The rows of one dataset (given as its cells and their hidden sizes), one per rule in study order; none without
   * hidden layers.
   */
  static List<Row> summarise(Collection<CellStats> datasetCells, HiddenSizes sizes, List<HiddenRule> rules) {
    if (sizes.isEmpty()) {
      return List.of();
    }
    // which sizes each rule recommended for the dataset, as the grid recorded it (rules may depend on rows)
    Map<String, TreeSet<Integer>> recommendedBy = new LinkedHashMap<>();
    for (CellStats c : datasetCells) {
      for (String rule : c.rules()) {
        recommendedBy.computeIfAbsent(rule, k -> new TreeSet<>()).add(c.key().hidden());
      }
    }
    CellStats first = CellStats.inIdOrder(datasetCells).get(0);
    int bestOverall = sizes.best();
    int smallestReliable = sizes.smallestReliable();
    List<Row> rows = new ArrayList<>();
    for (HiddenRule rule : rules) {
      TreeSet<Integer> recommended = recommendedBy.getOrDefault(rule.configName(), new TreeSet<>());
      List<CellStats> pooled = new ArrayList<>();
      recommended.forEach(h -> pooled.addAll(sizes.cells(h)));
      Layers.Side side = Layers.side(pooled);
      rows.add(new Row(first.key().dataset(), rule.configName(), first.inputs(), first.outputs(),
          recommended.stream().mapToInt(Integer::intValue).toArray(), side == null ? 0 : side.networks(),
          side == null ? Double.NaN : side.medianError(), side == null ? Double.NaN : side.bestError(),
          side == null ? Stats.wilson(0, 0) : side.success(), sizes.best(recommended), bestOverall,
          recommended.contains(bestOverall), smallestReliable,
          smallestReliable == 0 ? null : recommended.contains(smallestReliable)));
    }
    return rows;
  }
}
