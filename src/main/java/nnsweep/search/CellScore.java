package nnsweep.search;

import java.io.Serializable;
import java.util.Arrays;
import nnsweep.run.TrainingResult;

/**
 * The scores of one cell's networks at the end of a rung, a mergeable accumulator (folded in Spark tasks, merged by
 * key). A network's score is its validation error when its dataset has validation rows (so that no choice ever reads
 * the test rows), else its test error when it has test rows, else its final error; a diverged network scores
 * +infinity. The cell's score is the median over its networks (its seeds).
 */
public final class CellScore implements Serializable {
  private static final long serialVersionUID = 1L;
  private final Cell key;
  private final int datasetIndex;
  private long firstId = Long.MAX_VALUE;
  private double[] scores = new double[4];
  private int n;

  public CellScore(Cell key, int datasetIndex) {
    this.key = key;
    this.datasetIndex = datasetIndex;
  }

  /** A network's score. */
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
    scores[n++] = score(r);
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
    return this;
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
