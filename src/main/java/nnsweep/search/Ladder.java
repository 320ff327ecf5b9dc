package nnsweep.search;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nnsweep.grid.Cell;

/**
 * The outcome of successive halving: for each cell (every axis but the seed), its score at each rung it was a
 * candidate in, and the highest rung it reached. Each race (a dataset's cells, or with {@link Rungs#raceBy} the
 * cells of a dataset sharing those axes' values, such as one hidden size) is halved separately: after rung k, its
 * candidates are ranked by score (ties by the cell's first network id) and the best {@link Rungs#keep} go on.
 */
public final class Ladder implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One cell's record: its score per rung (NaN where it was no candidate) and the highest rung it reached. */
  public record Step(Cell key, int datasetIndex, long firstId, long networks, double[] scores, int rung)
      implements Serializable {}

  private final Rungs rungs;
  private final Map<Cell, Step> steps = new LinkedHashMap<>();
  private Set<Cell> candidates;
  private int recorded = 0;

  public Ladder(Rungs rungs) {
    this.rungs = rungs;
  }

  public Rungs rungs() {
    return rungs;
  }

  /** The candidates of the next rung to record (null before the first: every cell). */
  public Set<Cell> candidates() {
    return candidates == null ? null : Set.copyOf(candidates);
  }

  /** How many rungs have been recorded. */
  public int recorded() {
    return recorded;
  }

  /**
   * Records the next rung's cell scores (of its candidates; scores of other cells are ignored) and picks the
   * candidates of the rung after it.
   */
  public void record(List<CellScore> scores) {
    int k = recorded;
    if (k >= rungs.count()) {
      throw new IllegalStateException("every rung is recorded");
    }
    Map<List<Object>, List<CellScore>> byRace = new HashMap<>();
    for (CellScore c : scores) {
      if (candidates != null && !candidates.contains(c.key())) {
        continue;
      }
      byRace.computeIfAbsent(race(c.key(), c.datasetIndex(), rungs.raceBy()), d -> new ArrayList<>()).add(c);
    }
    Set<Cell> next = new HashSet<>();
    for (List<CellScore> cells : byRace.values()) {
      cells.sort(CellScore.RANKING);
      int keep = rungs.keep(cells.size());
      for (int i = 0; i < cells.size(); i++) {
        CellScore c = cells.get(i);
        Step old = steps.get(c.key());
        double[] s = old == null ? nan(rungs.count()) : old.scores().clone();
        s[k] = c.median();
        steps.put(c.key(), new Step(c.key(), c.datasetIndex(), c.firstId(), c.networks(), s, k));
        if (i < keep) {
          next.add(c.key());
        }
      }
    }
    candidates = next;
    recorded++;
  }

  /** The highest rung a cell reached (-1 if unknown). */
  public int rungOf(Cell key) {
    Step s = steps.get(key);
    return s == null ? -1 : s.rung();
  }

  /**
   * The race a cell runs in: its dataset and its values of the {@code by} axes ({@link nnsweep.study.Search#RACE_AXES}).
   */
  public static List<Object> race(Cell cell, int datasetIndex, List<String> by) {
    List<Object> key = new ArrayList<>();
    key.add(datasetIndex);
    for (String axis : by) {
      key.add(switch (axis) {
        case "dataset" -> cell.dataset();
        case "model" -> cell.model();
        case "hidden" -> cell.hidden();
        case "bias" -> cell.bias();
        case "learning-rate" -> cell.learningRate();
        case "init" -> cell.init();
        default -> throw new IllegalArgumentException("not a race axis: " + axis);
      });
    }
    return key;
  }

  /** The race of a recorded cell. */
  public List<Object> race(Step s) {
    return race(s.key(), s.datasetIndex(), rungs.raceBy());
  }

  /** Every cell's record, ordered by dataset then first network id (the grid's order). */
  public List<Step> steps() {
    List<Step> all = new ArrayList<>(steps.values());
    all.sort(Comparator.comparingInt(Step::datasetIndex).thenComparingLong(Step::firstId));
    return all;
  }

  /** The cell of each dataset with the best score at the highest rung (dataset index -> step). */
  public Map<Integer, Step> best() {
    Map<Integer, Step> best = new TreeMap<>();
    for (Step s : steps()) {
      Step b = best.get(s.datasetIndex());
      if (b == null || s.rung() > b.rung() || s.rung() == b.rung() && s.scores()[s.rung()] < b.scores()[b.rung()]) {
        best.put(s.datasetIndex(), s);
      }
    }
    return best;
  }

  private static double[] nan(int n) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, Double.NaN);
    return a;
  }
}
