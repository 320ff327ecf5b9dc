package nnsweep.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hidden-layer cells of some results grouped by hidden size, and the two sizes the reports single out: the
 * best (lowest median error, the smaller on ties) and the smallest reliable one (success rate >=
 * {@link Rules#RELIABLE}). One place decides both, for the rules table, the layers table and the findings. With a
 * validation split the best size is the one with the lowest median validation error (every setting pooled): a choice
 * never reads the test rows.
 */
final class HiddenSizes {
  private final TreeMap<Integer, List<CellStats>> bySize = new TreeMap<>();
  private final TreeMap<Integer, Layers.Side> sides = new TreeMap<>();
  /** Median validation error of each size's pooled networks (empty without a validation split). */
  private final TreeMap<Integer, Double> validation = new TreeMap<>();

  private HiddenSizes(Collection<CellStats> cells) {
    for (CellStats c : cells) {
      if (c.hidden()) {
        bySize.computeIfAbsent(c.key().hidden(), h -> new ArrayList<>()).add(c);
      }
    }
    bySize.forEach((h, pooled) -> sides.put(h, Layers.side(pooled)));
    bySize.forEach((h, pooled) -> {
      double[] errors = pooled.stream().flatMapToDouble(c -> java.util.Arrays.stream(c.sortedValidationErrors()))
          .sorted().toArray();
      if (errors.length > 0) {
        validation.put(h, Stats.sortedMedian(errors));
      }
    });
  }

  /** The hidden-layer cells among {@code cells}, by size. */
  static HiddenSizes of(Collection<CellStats> cells) {
    return new HiddenSizes(cells);
  }

  /** The hidden sizes, ascending. */
  java.util.Set<Integer> sizes() {
    return bySize.keySet();
  }

  boolean isEmpty() {
    return bySize.isEmpty();
  }

  /** The cells of size {@code h} (empty if none). */
  List<CellStats> cells(int h) {
    return bySize.getOrDefault(h, List.of());
  }

  /** Statistics of the networks of size {@code h}, null if none. */
  Layers.Side side(int h) {
    return sides.get(h);
  }

  /** Whether the best size is chosen on validation error. */
  boolean validated() {
    return !validation.isEmpty();
  }

  /** The best size of the sweep; 0 if no size has a median (none trained, or all diverged). */
  int best() {
    return best(sides.keySet());
  }

  /** The size among {@code candidates} with the lowest median error (the smaller on ties); 0 if none has one. */
  int best(Collection<Integer> candidates) {
    int best = 0;
    double bestMedian = Double.POSITIVE_INFINITY;
    for (int h : new java.util.TreeSet<>(candidates)) {
      Layers.Side s = sides.get(h);
      double median = s == null ? Double.NaN : validation.isEmpty() ? s.medianError()
          : validation.getOrDefault(h, Double.NaN);
      if (!Double.isNaN(median) && median < bestMedian) {
        best = h;
        bestMedian = median;
      }
    }
    return best;
  }

  /** The smallest size whose success rate is >= {@link Rules#RELIABLE}; 0 if none. */
  int smallestReliable() {
    return sides.entrySet().stream().filter(e -> e.getValue().success().rate() >= Rules.RELIABLE)
        .mapToInt(Map.Entry::getKey).findFirst().orElse(0);
  }
}
