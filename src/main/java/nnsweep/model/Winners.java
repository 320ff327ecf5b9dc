package nnsweep.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nnsweep.grid.Cell;
import nnsweep.run.TrainingResult;
import nnsweep.search.CellScore;
import nnsweep.search.Ladder;
import nnsweep.study.Study;

/**
 * Which networks {@code models/} keeps, from the cells' scores alone (no weights): the ranking is halving's
 * ({@link CellScore#RANKING}: the median over seeds of {@link TrainingResult#score}, the validation error where the
 * dataset has validation rows, else the test error where it has test rows or folds, else the final error; ties to the
 * lower first network id), and a cell's network is its {@link CellScore#bestId} (lowest score, ties to the lower
 * id).
 *
 * <ul>
 *   <li>{@code best}: per dataset, the best network of the best cell. A halving study's best cell is its ladder's
 *       ({@link Ladder#best}: the best score among the cells of the highest rung reached), a grid's the best by
 *       {@link CellScore#RANKING} over every cell.
 *   <li>{@code cells}: the best network of every cell (every summary row).
 *   <li>{@code none}: nothing.
 * </ul>
 */
public final class Winners {
  private Winners() {}

  /**
   * The ids of the networks to keep, ascending. {@code cells}: every cell's score at its networks' final state;
   * {@code ladder}: halving's, null for a grid.
   */
  public static List<Long> pick(Collection<CellScore> cells, Ladder ladder, Study.KeepModels keep) {
    List<Long> ids = new ArrayList<>();
    switch (keep) {
      case NONE -> { }
      case CELLS -> cells.forEach(c -> ids.add(c.bestId()));
      case BEST -> bestCells(cells, ladder).values().forEach(c -> ids.add(c.bestId()));
      default -> throw new IllegalStateException(keep.name());
    }
    ids.removeIf(id -> id < 0);
    ids.sort(null);
    return ids;
  }

  /**
   * Checks that the networks brought back (re-trained, or read from halving's blocks) are the ones the scores named,
   * with the very scores the sweep measured, bit for bit: the re-training reproduced the sweep.
   *
   * @throws IllegalStateException if a network is missing, has no weights or scores differently
   */
  public static List<TrainingResult> verify(List<TrainingResult> kept, Collection<CellScore> cells, List<Long> ids) {
    Map<Long, Double> expected = new java.util.HashMap<>();
    cells.forEach(c -> expected.put(c.bestId(), c.bestScore()));
    Map<Long, TrainingResult> byId = new java.util.HashMap<>();
    kept.forEach(r -> byId.put(r.spec().id(), r));
    List<TrainingResult> out = new ArrayList<>();
    for (long id : ids) {
      TrainingResult r = byId.get(id);
      if (r == null || r.finalWeights() == null) {
        throw new IllegalStateException("network " + id + " to save came back " + (r == null ? "missing"
            : "without weights"));
      }
      double score = r.score();
      if (Double.compare(score, expected.get(id)) != 0) {
        throw new IllegalStateException("network " + id + " trained again scores " + score + ", the sweep's was "
            + expected.get(id));
      }
      out.add(r);
    }
    return out;
  }

  /** Per dataset index, the best cell. */
  public static Map<Integer, CellScore> bestCells(Collection<CellScore> cells, Ladder ladder) {
    Map<Integer, CellScore> best = new TreeMap<>();
    if (ladder != null) {
      Map<Cell, CellScore> byKey = new java.util.HashMap<>();
      cells.forEach(c -> byKey.put(c.key(), c));
      ladder.best().forEach((d, step) -> {
        CellScore c = byKey.get(step.key());
        if (c != null) {
          best.put(d, c);
        }
      });
      return best;
    }
    for (CellScore c : cells) {
      best.merge(c.datasetIndex(), c, (a, b) -> CellScore.RANKING.compare(a, b) <= 0 ? a : b);
    }
    return best;
  }
}
