package nnsweep.study;

import java.io.Serializable;
import java.util.List;

/**
 * How the study's cells are searched: {@code grid} trains every network for the whole budget; {@code halving}
 * (successive halving) trains every cell to {@code minEpochs}, keeps the best 1/{@code reduction} of each dataset's
 * cells, continues those from their weights to {@code minEpochs x reduction}, and so on up to the study's epochs.
 *
 * @param reduction the factor by which candidates shrink and budgets grow between rungs (halving only)
 * @param minEpochs the first rung's epochs (halving only)
 * @param raceBy the cell axes whose values split a dataset's cells into separate races (halving only): each race
 *     keeps its own best 1/{@code reduction}, so that, say, every hidden size is tuned on its own with
 *     {@code [dataset, hidden]}; {@code [dataset]} (the default) races all of a dataset's cells together. Names from
 *     {@link #RACE_AXES}; every race is within one dataset.
 */
public record Search(Strategy strategy, int reduction, int minEpochs, List<String> raceBy) implements Serializable {
  /** The axes a race can be grouped by: every axis of a cell but the epochs (one budget under halving). */
  public static final List<String> RACE_AXES = List.of("dataset", "model", "hidden", "bias", "learning-rate",
      "init");

  /** The default race: each dataset's cells together. */
  public static final List<String> BY_DATASET = List.of("dataset");

  /** A search racing each dataset's cells together. */
  public Search(Strategy strategy, int reduction, int minEpochs) {
    this(strategy, reduction, minEpochs, BY_DATASET);
  }

  /** Search strategies. */
  public enum Strategy {
    GRID("grid"), HALVING("halving");

    private final String configName;

    Strategy(String configName) {
      this.configName = configName;
    }

    public String configName() {
      return configName;
    }
  }

  /** Today's behaviour: every network for the whole budget. */
  public static final Search GRID = new Search(Strategy.GRID, 0, 0);

  public Search {
    if (strategy == null) {
      throw new IllegalArgumentException("strategy must not be null");
    }
    if (strategy == Strategy.HALVING && (reduction < 2 || minEpochs < 1)) {
      throw new IllegalArgumentException("halving needs reduction >= 2 and min-epochs >= 1, found " + reduction
          + " and " + minEpochs);
    }
    raceBy = List.copyOf(raceBy);
    for (String axis : raceBy) {
      if (!RACE_AXES.contains(axis)) {
        throw new IllegalArgumentException("race-by must name axes among " + RACE_AXES + ", found " + axis);
      }
    }
  }

  /** Successive halving with this reduction factor and first rung. */
  public static Search halving(int reduction, int minEpochs) {
    return new Search(Strategy.HALVING, reduction, minEpochs);
  }

  /** Successive halving racing the cells grouped by {@code raceBy} ({@link #raceBy}) separately. */
  public static Search halving(int reduction, int minEpochs, List<String> raceBy) {
    return new Search(Strategy.HALVING, reduction, minEpochs, raceBy);
  }

  public boolean halving() {
    return strategy == Strategy.HALVING;
  }
}
