package nnsweep.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nnsweep.nn.Model;
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

  /** Per hidden size of one dataset: the errors of networks that did not diverge, successes and count. */
  record SizeStats(List<Double> errors, int successes, int networks) {
    double median() {
      return Stats.median(errors.stream().mapToDouble(Double::doubleValue).toArray());
    }

    double rate() {
      return successes / (double) networks;
    }
  }

  private RulesTable() {}

  /** The rows, per dataset (in study order) and rule (in study order). */
  public static List<Row> summarise(List<TrainingResult> results, List<HiddenRule> rules) {
    Map<String, TreeMap<Integer, SizeStats>> bySize = new LinkedHashMap<>();
    Map<String, int[]> shapes = new LinkedHashMap<>();
    // which sizes each rule recommended for each dataset, as the grid recorded it (rules may depend on rows)
    Map<String, java.util.TreeSet<Integer>> recommendedBy = new LinkedHashMap<>();
    for (TrainingResult r : results) {
      for (String rule : r.spec().rules()) {
        recommendedBy.computeIfAbsent(r.spec().dataset() + "\u0000" + rule, k -> new java.util.TreeSet<>())
            .add(r.spec().hidden());
      }
      shapes.putIfAbsent(r.spec().dataset(), new int[] {r.spec().inputs(), r.spec().outputs()});
      bySize.putIfAbsent(r.spec().dataset(), new TreeMap<>());
      if (r.spec().model() != Model.HIDDEN) {
        continue;
      }
      SizeStats s = bySize.get(r.spec().dataset()).computeIfAbsent(r.spec().hidden(),
          h -> new SizeStats(new ArrayList<>(), 0, 0));
      if (!r.diverged()) {
        s.errors().add(r.finalError());
      }
      bySize.get(r.spec().dataset()).put(r.spec().hidden(), new SizeStats(s.errors(),
          s.successes() + (r.success() ? 1 : 0), s.networks() + 1));
    }
    List<Row> rows = new ArrayList<>();
    for (var entry : bySize.entrySet()) {
      String dataset = entry.getKey();
      TreeMap<Integer, SizeStats> sizes = entry.getValue();
      if (sizes.isEmpty()) {
        continue;
      }
      int[] shape = shapes.get(dataset);
      int bestOverall = bestSize(sizes, sizes.keySet().stream().mapToInt(Integer::intValue).toArray());
      int smallestReliable = sizes.entrySet().stream().filter(e -> e.getValue().rate() >= RELIABLE)
          .mapToInt(Map.Entry::getKey).findFirst().orElse(0);
      for (HiddenRule rule : rules) {
        int[] recommended = recommendedBy.getOrDefault(dataset + "\u0000" + rule.configName(),
            new java.util.TreeSet<>()).stream().mapToInt(Integer::intValue).toArray();
        List<Double> errors = new ArrayList<>();
        int successes = 0;
        int networks = 0;
        for (int h : recommended) {
          SizeStats s = sizes.get(h);
          if (s != null) {
            errors.addAll(s.errors());
            successes += s.successes();
            networks += s.networks();
          }
        }
        double[] e = errors.stream().mapToDouble(Double::doubleValue).toArray();
        int bestInRule = bestSize(sizes, recommended);
        rows.add(new Row(dataset, rule.configName(), shape[0], shape[1], recommended, networks, Stats.median(e),
            Stats.min(e), Stats.wilson(successes, networks), bestInRule, bestOverall,
            contains(recommended, bestOverall), smallestReliable,
            smallestReliable == 0 ? null : contains(recommended, smallestReliable)));
      }
    }
    return rows;
  }

  /** The size among {@code candidates} with the lowest median error (the smaller on ties); 0 if none trained. */
  private static int bestSize(TreeMap<Integer, SizeStats> sizes, int[] candidates) {
    int best = 0;
    double bestMedian = Double.POSITIVE_INFINITY;
    for (int h : Arrays.stream(candidates).sorted().toArray()) {
      SizeStats s = sizes.get(h);
      double m = s == null ? Double.NaN : s.median();
      if (!Double.isNaN(m) && m < bestMedian) {
        best = h;
        bestMedian = m;
      }
    }
    return best;
  }

  private static boolean contains(int[] values, int v) {
    return Arrays.stream(values).anyMatch(x -> x == v);
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
