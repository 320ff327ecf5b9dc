package nnsweep.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nnsweep.run.TrainingResult;
import nnsweep.study.HiddenRule;

/**
 * {@code rules.csv}: does each rule of thumb point at hidden sizes that work? Per dataset and rule: the sizes it
 * recommends, how the networks of those sizes did (median and best error, success with its Wilson interval), and
 * whether its range holds the sweep's best size (best median error) and its smallest reliable size (the smallest
 * whose success rate is >= 95%). All over the hidden-layer networks of the study, every bias, rate and epochs
 * setting pooled; error statistics leave out diverged networks, success counts them as failures.
 */
public final class RulesTable {
  /** The column contract. */
  public static final List<String> HEADER = List.of("dataset", "rule", "inputs", "outputs", "recommended_sizes",
      "networks", "median_error", "best_error", "successes", "success_rate", "success_ci_low", "success_ci_high",
      "best_size_in_rule", "best_size_overall", "contains_best_size", "smallest_reliable_size",
      "contains_smallest_reliable_size");

  /** Success rate at or above which a hidden size counts as reliable. */
  public static final double RELIABLE = 0.95;

  /** One row. {@code smallestReliableSize} is 0 (and {@code containsSmallestReliable} null) when no size is. */
  public record Row(String dataset, String rule, int inputs, int outputs, int[] sizes, int networks,
      double medianError, double bestError, Stats.Rate success, int bestSizeInRule, int bestSizeOverall,
      boolean containsBestSize, int smallestReliableSize, Boolean containsSmallestReliable) {}

  private RulesTable() {}

  /** The rows, per dataset (in study order) and rule (in study order). */
  public static List<Row> summarise(List<TrainingResult> results, List<HiddenRule> rules) {
    Map<String, List<TrainingResult>> byDataset = new LinkedHashMap<>();
    // which sizes each rule recommended for each dataset, as the grid recorded it (rules may depend on rows)
    Map<String, TreeSet<Integer>> recommendedBy = new LinkedHashMap<>();
    for (TrainingResult r : results) {
      byDataset.computeIfAbsent(r.spec().dataset(), d -> new ArrayList<>()).add(r);
      for (String rule : r.spec().rules()) {
        recommendedBy.computeIfAbsent(r.spec().dataset() + "\u0000" + rule, k -> new TreeSet<>())
            .add(r.spec().hidden());
      }
    }
    List<Row> rows = new ArrayList<>();
    for (var entry : byDataset.entrySet()) {
      String dataset = entry.getKey();
      HiddenSizes sizes = HiddenSizes.of(entry.getValue());
      if (sizes.isEmpty()) {
        continue;
      }
      var spec = entry.getValue().get(0).spec();
      int bestOverall = sizes.best();
      int smallestReliable = sizes.smallestReliable();
      for (HiddenRule rule : rules) {
        TreeSet<Integer> recommended = recommendedBy.getOrDefault(dataset + "\u0000" + rule.configName(),
            new TreeSet<>());
        List<TrainingResult> pooled = new ArrayList<>();
        recommended.forEach(h -> pooled.addAll(sizes.networks(h)));
        LayersTable.Side side = LayersTable.side(pooled);
        rows.add(new Row(dataset, rule.configName(), spec.inputs(), spec.outputs(),
            recommended.stream().mapToInt(Integer::intValue).toArray(), pooled.size(),
            side == null ? Double.NaN : side.medianError(), side == null ? Double.NaN : side.bestError(),
            side == null ? Stats.wilson(0, 0) : side.success(), sizes.best(recommended), bestOverall,
            recommended.contains(bestOverall), smallestReliable,
            smallestReliable == 0 ? null : recommended.contains(smallestReliable)));
      }
    }
    return rows;
  }

  /** Writes {@code rules.csv}. */
  public static void write(Path file, List<Row> rows) {
    CsvFiles.write(file, HEADER, printer -> {
      for (Row r : rows) {
        printer.printRecord(r.dataset(), r.rule(), r.inputs(), r.outputs(),
            Arrays.stream(r.sizes()).mapToObj(Integer::toString).collect(Collectors.joining(";")), r.networks(),
            CsvFiles.num(r.medianError()), CsvFiles.num(r.bestError()), r.success().successes(),
            CsvFiles.num(r.success().rate()), CsvFiles.num(r.success().low()), CsvFiles.num(r.success().high()),
            r.bestSizeInRule() == 0 ? "" : r.bestSizeInRule(), r.bestSizeOverall(), r.containsBestSize(),
            r.smallestReliableSize() == 0 ? "" : r.smallestReliableSize(),
            r.containsSmallestReliable() == null ? "" : r.containsSmallestReliable());
      }
    });
  }
}
