package nnsweep.search;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The rung plan of successive halving: rung k trains its candidates to {@code min(minEpochs x reduction^k, budget)}
 * epochs, the last rung to exactly the budget, and keeps {@code ceil(n / reduction)} of its n candidates for the
 * next rung (as scikit-learn's {@code HalvingGridSearchCV} does; never fewer than one). The n candidates are those of
 * one race: the cells of a dataset that share the values of the {@link #raceBy} axes ({@link Ladder#race}).
 */
public final class Rungs implements Serializable {
  private static final long serialVersionUID = 1L;
  private final int reduction;
  private final int[] epochs;
  private final java.util.List<String> raceBy;

  /** A plan racing each dataset's cells together. */
  public Rungs(int reduction, int minEpochs, int budget) {
    this(reduction, minEpochs, budget, nnsweep.study.Search.BY_DATASET);
  }

  /**
   * @throws IllegalArgumentException for reduction < 2, minEpochs < 1 or minEpochs > budget
   */
  public Rungs(int reduction, int minEpochs, int budget, java.util.List<String> raceBy) {
    if (!nnsweep.study.Search.RACE_AXES.containsAll(raceBy)) {
      throw new IllegalArgumentException("race-by must name axes among " + nnsweep.study.Search.RACE_AXES
          + ", found " + raceBy);
    }
    this.raceBy = java.util.List.copyOf(raceBy);
    if (reduction < 2 || minEpochs < 1 || minEpochs > budget) {
      throw new IllegalArgumentException("need reduction >= 2 and 1 <= min-epochs <= budget, found " + reduction
          + ", " + minEpochs + ", " + budget);
    }
    this.reduction = reduction;
    List<Integer> e = new ArrayList<>();
    long next = minEpochs;
    while (next < budget) {
      e.add((int) next);
      next *= reduction;
    }
    e.add(budget);
    this.epochs = e.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The cell axes (besides the dataset) whose values split a dataset's cells into separate races. */
  public java.util.List<String> raceBy() {
    return raceBy;
  }

  /** The factor by which candidates shrink and budgets grow. */
  public int reduction() {
    return reduction;
  }

  /** Number of rungs. */
  public int count() {
    return epochs.length;
  }

  /** Epochs a candidate of rung k has been trained to at the end of it. */
  public int epochs(int rung) {
    return epochs[rung];
  }

  /** Epochs a candidate had before rung k (0 for the first). */
  public int startEpochs(int rung) {
    return rung == 0 ? 0 : epochs[rung - 1];
  }

  /** The last rung's index. */
  public int last() {
    return epochs.length - 1;
  }

  /** How many of {@code candidates} go on to the next rung. */
  public int keep(int candidates) {
    return Math.max(1, (candidates + reduction - 1) / reduction);
  }

  /** Candidates at each rung, starting from {@code cells}. */
  public int[] sizes(int cells) {
    int[] sizes = new int[count()];
    sizes[0] = cells;
    for (int k = 1; k < sizes.length; k++) {
      sizes[k] = keep(sizes[k - 1]);
    }
    return sizes;
  }

  /** Network-epochs successive halving trains for {@code cells} cells of {@code seeds} networks each (continuing). */
  public long networkEpochs(int cells, long seeds) {
    int[] sizes = sizes(cells);
    long total = 0;
    for (int k = 0; k < sizes.length; k++) {
      total += sizes[k] * seeds * (epochs[k] - startEpochs(k));
    }
    return total;
  }
}
