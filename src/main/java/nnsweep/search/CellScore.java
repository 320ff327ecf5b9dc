package nnsweep.search;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;
import nnsweep.run.TrainingResult;

/**
 * The scores of one cell's networks at the end of a rung, a mergeable accumulator (folded in Spark tasks, merged by
 * key). A network's score is its validation error when its dataset has validation rows (so that no choice ever reads
 * the test rows), else its test error when it has test rows, else its final error; a diverged network scores
 * +infinity. The cell's score is the median over its networks (its seeds). It also keeps its best network (lowest
 * score, ties to the lower id): the one {@code models/} saves for the cell.
 */
public final class CellScore implements Serializable {
  private static final long serialVersionUID = 1L;
  private final Cell key;
  private final int datasetIndex;
  private long firstId = Long.MAX_VALUE;
  private double[] scores = new double[4];
  private int n;
  private long bestId = -1;
  private double bestScore = Double.NaN;

  /** How cells rank, best first: by {@link #median()}, ties to the lower first network id. */
  public static final Comparator<CellScore> RANKING =
      Comparator.comparingDouble(CellScore::median).thenComparingLong(CellScore::firstId);

  public CellScore(Cell key, int datasetIndex) {
    this.key = key;
    this.datasetIndex = datasetIndex;
  }

  /**
   * A network's score, the one number every choice of the best (halving's rungs, the saved models) ranks by: its
   * validation error where the dataset has validation rows, else its test error where it has test rows, else its
   * final error.
   */
  public static double score(TrainingResult r) {
    double s = r.validated() ? r.validationError()
        : Double.isNaN(r.testError()) ? r.finalError() : r.testError();
    return r.diverged() || !Double.isFinite(s) ? Double.POSITIVE_INFINITY : s;
  }

  /** Adds one network of this cell. */
  public CellScore add(TrainingResult r) {
    firstId = Math.min(firstId, r.spec().id());
    if (n == scores.length) {
      scores = Arrays.copyOf(scores, 2 * n);
    }
    double s = score(r);
    scores[n++] = s;
    better(r.spec().id(), s);
    return this;
  }

  /** Adds the networks of another part of the same cell; returns this. */
  public CellScore merge(CellScore o) {
    if (!o.key.equals(key)) {
      throw new IllegalArgumentException("cannot merge cell " + o.key + " into " + key);
    }
    firstId = Math.min(firstId, o.firstId);
    scores = Arrays.copyOf(scores, Math.max(scores.length, n + o.n));
    System.arraycopy(o.scores, 0, scores, n, o.n);
    n += o.n;
    if (o.bestId >= 0) {
      better(o.bestId, o.bestScore);
    }
    return this;
  }

  private void better(long id, double s) {
    if (bestId < 0 || s < bestScore || s == bestScore && id < bestId) {
      bestId = id;
      bestScore = s;
    }
  }

  /**
   * This cell's score and best network without its networks' scores (what the driver needs to pick the saved
   * networks: 60 bytes a cell, not 8 a network): its {@link #median()} is this cell's, its {@link #networks()} 1.
   */
  public CellScore compact() {
    CellScore c = new CellScore(key, datasetIndex);
    c.firstId = firstId;
    c.scores = new double[] {median()};
    c.n = 1;
    c.bestId = bestId;
    c.bestScore = bestScore;
    return c;
  }

  /** The id of the cell's best network: lowest score, ties to the lower id (-1 for an empty cell). */
  public long bestId() {
    return bestId;
  }

  /** The score of {@link #bestId()}. */
  public double bestScore() {
    return bestScore;
  }

  public Cell key() {
    return key;
  }

  public int datasetIndex() {
    return datasetIndex;
  }

  /** The smallest network id of the cell (ties between equal scores go to the lower id). */
  public long firstId() {
    return firstId;
  }

  public int networks() {
    return n;
  }

  /** Median of the networks' scores (mean of the middle two for an even count), from sorted values. */
  public double median() {
    double[] s = Arrays.copyOf(scores, n);
    Arrays.sort(s);
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? s[n / 2] : s[n / 2 - 1] / 2 + s[n / 2] / 2;
  }
}
