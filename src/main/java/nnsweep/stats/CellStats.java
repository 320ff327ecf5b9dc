package nnsweep.stats;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import nnsweep.grid.Cell;
import nnsweep.grid.NetworkSpec;
import nnsweep.nn.Model;
import nnsweep.run.TrainingResult;

/**
 * The networks of one cell of a sweep (one {@link Cell}: every axis but the seed), reduced to what the reports and
 * successive halving need: counts, the errors as values (medians and quartiles need every value, and pooled tables
 * merge cells), the cell's {@link #score} and its best network. A mergeable accumulator: results are {@link #add
 * added} where they are (in a Spark task), partial cells are {@link #merge merged}, and every statistic is computed
 * from sorted values, so the numbers do not depend on how the networks were split or ordered. About 8 bytes per
 * network and split (24 when the study records curves: the representative networks of the curves chart are picked
 * by error and id).
 */
public final class CellStats implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Cell key;
  private final int datasetIndex;
  private final List<String> rules;
  private final int inputs;
  private final int outputs;
  private long firstId = Long.MAX_VALUE;
  private long networks;
  private long diverged;
  private long successes;
  private boolean curves;
  /** The network with the lowest {@link TrainingResult#score}, ties to the lower id (-1 while empty). */
  private long bestId = -1;
  private double bestScore = Double.NaN;
  /** Final errors of the networks that did not diverge. */
  private final Column errors = new Column();
  private final Column testErrors = new Column();
  private final Column testAccuracies = new Column();
  /** Argmax class accuracies on the training and test rows (empty unless the targets are one-hot). */
  private final Column classAccuracies = new Column();
  private final Column testClassAccuracies = new Column();
  /** On the validation rows (empty without a validation split): errors of the networks that did not diverge, and
   * the accuracies and class accuracies of all. */
  private final Column validationErrors = new Column();
  private final Column validationAccuracies = new Column();
  private final Column validationClassAccuracies = new Column();
  /** Epochs whose weights validation-based early stopping kept (empty when it is off). */
  private final Column bestEpochs = new Column();
  /** Networks with curves: the error they rank by (diverged last) and their ids, in the same order. */
  private final Column rankErrors = new Column();
  private final Column ids = new Column();
  /** {@link #errors} sorted, once the cell is complete (every table and pool of the cell reads them). */
  private transient double[] sortedErrors;

  /** An empty cell for the network's key. */
  public CellStats(NetworkSpec spec) {
    this.key = Cell.of(spec);
    this.datasetIndex = spec.datasetIndex();
    this.rules = List.copyOf(spec.rules());
    this.inputs = spec.inputs();
    this.outputs = spec.outputs();
  }

  /**
   * Adds one network (it must belong to this cell). A network that recorded its curve (a sweep records those of
   * each cell's first {@code curve-seeds} seeds) is also ranked for the curves chart, which draws the best, median
   * and worst of them: a few per cell, so a cell of ten million networks keeps 8 bytes for each, not 24.
   */
  public void add(TrainingResult r) {
    if (!Cell.of(r.spec()).equals(key)) {
      throw new IllegalArgumentException("network " + r.spec().id() + " is not in cell " + key);
    }
    sortedErrors = null;
    firstId = Math.min(firstId, r.spec().id());
    networks++;
    if (r.diverged()) {
      diverged++;
    } else {
      errors.addDouble(r.finalError());
      if (!Double.isNaN(r.testError())) {
        testErrors.addDouble(r.testError());
      }
      if (!Double.isNaN(r.validationError())) {
        validationErrors.addDouble(r.validationError());
      }
    }
    if (!Double.isNaN(r.validationAccuracy())) {
      validationAccuracies.addDouble(r.validationAccuracy());
    }
    if (!Double.isNaN(r.validationClassAccuracy())) {
      validationClassAccuracies.addDouble(r.validationClassAccuracy());
    }
    if (r.bestEpoch() >= 0) {
      bestEpochs.addDouble(r.bestEpoch());
    }
    if (r.success()) {
      successes++;
    }
    if (!Double.isNaN(r.testAccuracy())) {
      testAccuracies.addDouble(r.testAccuracy());
    }
    if (!Double.isNaN(r.classAccuracy())) {
      classAccuracies.addDouble(r.classAccuracy());
    }
    if (!Double.isNaN(r.testClassAccuracy())) {
      testClassAccuracies.addDouble(r.testClassAccuracy());
    }
    better(r.spec().id(), r.score());
    if (r.curveEpochs().length > 0) {
      curves = true;
      rankErrors.addDouble(r.diverged() || Double.isNaN(r.finalError()) ? Double.POSITIVE_INFINITY : r.finalError());
      ids.add(r.spec().id());
    }
  }

  /** Adds the networks of another part of the same cell into this one; returns this. */
  public CellStats merge(CellStats other) {
    if (!other.key.equals(key)) {
      throw new IllegalArgumentException("cannot merge cell " + other.key + " into " + key);
    }
    sortedErrors = null;
    firstId = Math.min(firstId, other.firstId);
    networks += other.networks;
    diverged += other.diverged;
    successes += other.successes;
    curves |= other.curves;
    errors.addAll(other.errors);
    testErrors.addAll(other.testErrors);
    testAccuracies.addAll(other.testAccuracies);
    classAccuracies.addAll(other.classAccuracies);
    testClassAccuracies.addAll(other.testClassAccuracies);
    validationErrors.addAll(other.validationErrors);
    validationAccuracies.addAll(other.validationAccuracies);
    validationClassAccuracies.addAll(other.validationClassAccuracies);
    bestEpochs.addAll(other.bestEpochs);
    rankErrors.addAll(other.rankErrors);
    ids.addAll(other.ids);
    if (other.bestId >= 0) {
      better(other.bestId, other.bestScore);
    }
    return this;
  }

  private void better(long id, double score) {
    if (bestId < 0 || score < bestScore || score == bestScore && id < bestId) {
      bestId = id;
      bestScore = score;
    }
  }

  /**
   * The cell's score, what successive halving and the saved models rank it by: the median over its networks of
   * their {@link TrainingResult#score}, read from the errors of the split the score takes (validation where the
   * cell has validation rows, else test where it has test rows, else the training rows), each diverged network
   * counting as +infinity. NaN for an empty cell.
   */
  public double score() {
    Column split = !validationAccuracies.isEmpty() ? validationErrors : !testErrors.isEmpty() ? testErrors : errors;
    double[] scores = Arrays.copyOf(split.sortedDoubles(), Math.toIntExact(networks));
    Arrays.fill(scores, split.size(), scores.length, Double.POSITIVE_INFINITY);
    return Stats.sortedMedian(scores);
  }

  /** The id of the cell's best network: lowest {@link TrainingResult#score}, ties to the lower id (-1 if empty). */
  public long bestId() {
    return bestId;
  }

  /** The {@link TrainingResult#score} of {@link #bestId()}. */
  public double bestScore() {
    return bestScore;
  }

  public Cell key() {
    return key;
  }

  public int datasetIndex() {
    return datasetIndex;
  }

  /** The smallest network id of the cell: tables list cells in this order (the grid's). */
  public long firstId() {
    return firstId;
  }

  /** The rules of thumb that recommend this cell's hidden size for its dataset. */
  public List<String> rules() {
    return rules;
  }

  public int inputs() {
    return inputs;
  }

  public int outputs() {
    return outputs;
  }

  public long networks() {
    return networks;
  }

  public long diverged() {
    return diverged;
  }

  public long successes() {
    return successes;
  }

  /** Whether its networks recorded training curves. */
  public boolean curves() {
    return curves;
  }

  boolean hidden() {
    return key.model().equals(Model.HIDDEN.configName());
  }

  /** The final errors of the networks that did not diverge, ascending (shared: callers must not change it). */
  double[] sortedErrors() {
    if (sortedErrors == null) {
      sortedErrors = errors.sortedDoubles();
    }
    return sortedErrors;
  }

  /** Test errors of the networks that did not diverge, ascending (empty without a test split). */
  double[] sortedTestErrors() {
    return testErrors.sortedDoubles();
  }

  /** Test accuracies, ascending (empty without a test split). */
  double[] sortedTestAccuracies() {
    return testAccuracies.sortedDoubles();
  }

  /** Argmax class accuracies on the training rows, ascending (empty unless the targets are one-hot). */
  double[] sortedClassAccuracies() {
    return classAccuracies.sortedDoubles();
  }

  /** Argmax class accuracies on the test rows, ascending (empty without a test split or one-hot targets). */
  double[] sortedTestClassAccuracies() {
    return testClassAccuracies.sortedDoubles();
  }

  /** Validation errors of the networks that did not diverge, ascending (empty without a validation split). */
  double[] sortedValidationErrors() {
    return validationErrors.sortedDoubles();
  }

  /** Validation accuracies, ascending (empty without a validation split). */
  double[] sortedValidationAccuracies() {
    return validationAccuracies.sortedDoubles();
  }

  /** Argmax class accuracies on the validation rows, ascending (empty without validation or one-hot targets). */
  double[] sortedValidationClassAccuracies() {
    return validationClassAccuracies.sortedDoubles();
  }

  /** The epochs early stopping kept, ascending (empty when it is off). */
  double[] sortedBestEpochs() {
    return bestEpochs.sortedDoubles();
  }

  /** Errors the networks with curves rank by (diverged as +infinity), in the order of {@link #curveIds}. */
  double[] rankErrors() {
    return rankErrors.doubles();
  }

  long[] curveIds() {
    return ids.longs();
  }

  /** The cells sorted by first network id (the order of the grid and of every table). */
  static List<CellStats> inIdOrder(java.util.Collection<CellStats> cells) {
    List<CellStats> sorted = new java.util.ArrayList<>(cells);
    sorted.sort(java.util.Comparator.comparingLong(CellStats::firstId));
    return sorted;
  }

  @Override
  public String toString() {
    return "CellStats[" + key + ", networks=" + networks + "]";
  }

  /**
   * A growable column of 64-bit values, no boxing (a cell can hold a million networks): network ids as they are,
   * doubles as their bits (exact both ways).
   */
  static final class Column implements Serializable {
    private static final long serialVersionUID = 1L;
    private long[] v = new long[4];
    private int n;

    private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
      v = Arrays.copyOf(v, Math.max(1, n)); // ship the values, not the spare capacity
      out.defaultWriteObject();
    }

    void add(long x) {
      if (n == v.length) {
        v = Arrays.copyOf(v, 2 * n);
      }
      v[n++] = x;
    }

    int size() {
      return n;
    }

    boolean isEmpty() {
      return n == 0;
    }

    void addDouble(double x) {
      add(Double.doubleToRawLongBits(x));
    }

    void addAll(Column o) {
      if (n + o.n > v.length) {
        v = Arrays.copyOf(v, Math.max(2 * v.length, n + o.n));
      }
      System.arraycopy(o.v, 0, v, n, o.n);
      n += o.n;
    }

    long[] longs() {
      return Arrays.copyOf(v, n);
    }

    double[] doubles() {
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        d[i] = Double.longBitsToDouble(v[i]);
      }
      return d;
    }

    double[] sortedDoubles() {
      double[] s = doubles();
      Arrays.sort(s);
      return s;
    }
  }
}
