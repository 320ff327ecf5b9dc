package nnsweep.stats;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nnsweep.study.HiddenRule;

/**
 * What the reports say about one dataset: its summary, layers and rules rows, the numbers its findings state and
 * what its charts draw. Computed from the dataset's {@link CellStats} wherever they were aggregated (in a Spark job,
 * on an executor) and small: no per-network data, only the ids of the few networks the curves chart draws.
 *
 * @param hiddenSizes the hidden sizes trained, ascending
 * @param findings what the findings in words state (every setting pooled)
 * @param errorFloor where the charts' log axes draw an error of 0: a tenth of the smallest positive error
 * @param curves whether its networks recorded training curves
 * @param curveGroups the groups the curves chart draws (empty when the study recorded no curves)
 */
public record DatasetReport(
    int datasetIndex,
    String dataset,
    long networks,
    long diverged,
    List<Integer> hiddenSizes,
    List<Summary.Row> summary,
    List<Layers.Row> layers,
    List<Rules.Row> rules,
    Findings findings,
    double errorFloor,
    boolean curves,
    List<CurveGroup> curveGroups)
    implements Serializable {

  /**
   * Networks of one group of the curves chart and the ones it draws.
   *
   * @param hidden the hidden size (the dataset's best, every setting pooled), 0 for the networks without a hidden
   *     layer
   * @param picks the best, median and worst network by final error (diverged last, ties by id); fewer when the
   *     group is that small
   */
  public record CurveGroup(int hidden, long networks, List<Pick> picks) implements Serializable {}

  /** One drawn network: {@code which} is best, median or worst. */
  public record Pick(String which, long id) implements Serializable {}

  /**
   * The numbers the findings in words state, every setting pooled.
   *
   * @param none the networks without a hidden layer, null if none
   * @param hiddenTrained whether the dataset has hidden-layer networks
   * @param bestSize the best hidden size (lowest median error), 0 if none has a median
   * @param best the networks of {@code bestSize}, null if it is 0
   * @param smallestReliable the smallest hidden size succeeding in >= {@link Rules#RELIABLE} of its networks, 0 if
   *     none
   * @param reliable the networks of {@code smallestReliable}, null if it is 0
   * @param onValidation the best size was chosen on validation error (the study has a validation split)
   */
  public record Findings(Layers.Side none, boolean hiddenTrained, int bestSize, Layers.Side best,
      int smallestReliable, Layers.Side reliable, boolean onValidation) implements Serializable {
    static Findings of(List<CellStats> cells, HiddenSizes sizes) {
      List<CellStats> none = cells.stream().filter(c -> !c.hidden()).toList();
      int best = sizes.best();
      int reliable = sizes.smallestReliable();
      return new Findings(none.isEmpty() ? null : Layers.side(none), !sizes.isEmpty(), best,
          best == 0 ? null : sizes.side(best), reliable, reliable == 0 ? null : sizes.side(reliable),
          sizes.validated());
    }
  }

  public DatasetReport {
    hiddenSizes = List.copyOf(hiddenSizes);
    summary = List.copyOf(summary);
    layers = List.copyOf(layers);
    rules = List.copyOf(rules);
    curveGroups = List.copyOf(curveGroups);
  }

  /** The report of one dataset from all its cells. */
  public static DatasetReport of(Collection<CellStats> datasetCells, List<HiddenRule> rules) {
    List<CellStats> cells = CellStats.inIdOrder(datasetCells);
    if (cells.isEmpty()) {
      throw new IllegalArgumentException("a dataset report needs at least one cell");
    }
    CellStats first = cells.get(0);
    String dataset = first.key().dataset();
    long networks = 0;
    long diverged = 0;
    double smallestPositive = Double.POSITIVE_INFINITY;
    List<Summary.Row> summary = new ArrayList<>();
    for (CellStats c : cells) {
      if (c.datasetIndex() != first.datasetIndex()) {
        throw new IllegalArgumentException("cells of datasets " + first.datasetIndex() + " and "
            + c.datasetIndex() + " in one dataset report");
      }
      networks += c.networks();
      diverged += c.diverged();
      for (double e : c.sortedErrors()) {
        if (e > 0) {
          smallestPositive = Math.min(smallestPositive, e);
          break;
        }
      }
      summary.add(Summary.row(c));
    }
    // pooled per hidden size once: the rules, the findings and the curves chart all ask
    HiddenSizes bySize = HiddenSizes.of(cells);
    List<Rules.Row> ruleRows = Rules.summarise(cells, bySize, rules);
    return new DatasetReport(first.datasetIndex(), dataset, networks, diverged,
        List.copyOf(bySize.sizes()), summary, Layers.summarise(cells), ruleRows,
        Findings.of(cells, bySize),
        (Double.isInfinite(smallestPositive) ? 1e-3 : smallestPositive) / 10,
        cells.stream().anyMatch(CellStats::curves), curveGroups(cells, bySize));
  }

  /** The ids of every network the charts draw one by one. */
  public Set<Long> pickedIds() {
    Set<Long> ids = new LinkedHashSet<>();
    curveGroups.forEach(g -> g.picks().forEach(p -> ids.add(p.id())));
    return ids;
  }

  /** The best hidden size (every setting pooled) and the no-hidden-layer networks, when curves were recorded. */
  private static List<CurveGroup> curveGroups(List<CellStats> cells, HiddenSizes sizes) {
    if (cells.stream().noneMatch(CellStats::curves)) {
      return List.of();
    }
    List<CurveGroup> groups = new ArrayList<>();
    int best = sizes.best();
    if (best > 0) {
      groups.add(group(best, sizes.cells(best)));
    }
    List<CellStats> none = cells.stream().filter(c -> !c.hidden()).toList();
    if (!none.isEmpty()) {
      groups.add(group(0, none));
    }
    return groups;
  }

  private static CurveGroup group(int hidden, List<CellStats> cells) {
    long networks = cells.stream().mapToLong(CellStats::networks).sum();
    int n = cells.stream().mapToInt(c -> c.curveIds().length).sum();
    double[] rank = new double[n];
    long[] ids = new long[n];
    int at = 0;
    for (CellStats c : cells) {
      double[] r = c.rankErrors();
      System.arraycopy(r, 0, rank, at, r.length);
      System.arraycopy(c.curveIds(), 0, ids, at, r.length);
      at += r.length;
    }
    List<Pick> picks = new ArrayList<>();
    if (n > 0) {
      double[] sorted = rank.clone();
      Arrays.sort(sorted);
      int[] positions = {0, (n - 1) / 2, n - 1};
      String[] which = {"best", "median", "worst"};
      Set<Integer> seen = new LinkedHashSet<>();
      for (int k = 0; k < 3; k++) {
        if (seen.add(positions[k])) {
          picks.add(new Pick(which[k], at(positions[k], sorted, rank, ids)));
        }
      }
    }
    return new CurveGroup(hidden, networks, picks);
  }

  /**
   * The id of the network at {@code position} when the networks are sorted by (error, id): the error there is
   * {@code sorted[position]}; among the networks with that error (usually one), the one that many places in.
   */
  private static long at(int position, double[] sorted, double[] rank, long[] ids) {
    double v = sorted[position];
    int less = 0;
    while (less < position && sorted[less] < v) {
      less++;
    }
    long[] tied = new long[sorted.length];
    int t = 0;
    for (int i = 0; i < rank.length; i++) {
      if (rank[i] == v) {
        tied[t++] = ids[i];
      }
    }
    Arrays.sort(tied, 0, t);
    return tied[position - less];
  }
}
