package nnsweep.search;

import java.io.Serializable;
import java.util.Comparator;
import nnsweep.grid.Cell;
import nnsweep.stats.CellStats;

/**
 * What a choice of the best reads of a cell (halving's rungs, the saved models): its {@link CellStats#score} (the
 * median over its networks of {@link nnsweep.run.TrainingResult#score}) and its best network, without the values
 * (what the driver needs to rank cells and pick networks: a few dozen bytes a cell, not 8 a network).
 */
public record CellScore(Cell key, int datasetIndex, long firstId, long networks, double median, long bestId,
    double bestScore) implements Serializable {

  /** How cells rank, best first: by {@link #median()}, ties to the lower first network id. */
  public static final Comparator<CellScore> RANKING =
      Comparator.comparingDouble(CellScore::median).thenComparingLong(CellScore::firstId);

  /** The score of a cell's networks, as they are at the end of a rung or of the sweep. */
  public static CellScore of(CellStats cell) {
    return new CellScore(cell.key(), cell.datasetIndex(), cell.firstId(), cell.networks(), cell.score(),
        cell.bestId(), cell.bestScore());
  }
}
