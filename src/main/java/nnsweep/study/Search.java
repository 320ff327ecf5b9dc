package nnsweep.study;

import java.io.Serializable;

/**
 * How the study's cells are searched: {@code grid} trains every network for the whole budget; {@code halving}
 * (successive halving) trains every cell to {@code minEpochs}, keeps the best 1/{@code reduction} of each dataset's
 * cells, continues those from their weights to {@code minEpochs x reduction}, and so on up to the study's epochs.
 *
 * @param reduction the factor by which candidates shrink and budgets grow between rungs (halving only)
 * @param minEpochs the first rung's epochs (halving only)
 */
public record Search(Strategy strategy, int reduction, int minEpochs) implements Serializable {
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
  }

  /** Successive halving with this reduction factor and first rung. */
  public static Search halving(int reduction, int minEpochs) {
    return new Search(Strategy.HALVING, reduction, minEpochs);
  }

  public boolean halving() {
    return strategy == Strategy.HALVING;
  }
}
