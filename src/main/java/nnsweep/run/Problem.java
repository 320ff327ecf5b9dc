package nnsweep.run;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import nnsweep.data.Dataset;
import nnsweep.data.Scaling;
import nnsweep.nn.Metrics;

/**
 * A dataset as the executors need it: the training rows, the held-out test rows (null without a test split), the
 * validation rows (null without a validation split: networks train on {@code dataset}, every choice of the study reads
 * {@code validation}) and the query points to report predictions at, all already scaled by {@code scaling}.
 */
public record Problem(Dataset dataset, Dataset test, double[][] queries, List<Problem> folds, Dataset validation,
    Scaling.Fit scaling) implements Serializable {

  /** A problem without validation rows whose inputs are as in the file (no scaling). */
  public Problem(Dataset dataset, Dataset test, double[][] queries, List<Problem> folds) {
    this(dataset, test, queries, folds, null, null);
  }

  /** A problem without validation rows, its inputs scaled by {@code scaling}. */
  public Problem(Dataset dataset, Dataset test, double[][] queries, List<Problem> folds, Scaling.Fit scaling) {
    this(dataset, test, queries, folds, null, scaling);
  }

  /** A problem trained on all of {@code dataset}, with no test rows. */
  public Problem(Dataset dataset, double[][] queries) {
    this(dataset, null, queries);
  }

  /** A problem without cross-validation folds. */
  public Problem(Dataset dataset, Dataset test, double[][] queries) {
    this(dataset, test, queries, List.of());
  }

  /** Whether the networks are chosen on validation rows (and train on the rest). */
  public boolean validated() {
    return validation != null || folds.stream().anyMatch(f -> f.validation != null);
  }

  /** The problem a network of fold {@code fold} trains on (itself for -1, the study's no-fold value). */
  public Problem forFold(int fold) {
    return fold < 0 ? this : folds.get(fold);
  }

  /**
   * Validates and copies; {@code scaling} is the map from the file's inputs to the rows held here (fitted on the
   * training rows; null: none), which saved models carry.
   */
  public Problem {
    folds = List.copyOf(folds);
    if (scaling == null) {
      double[] ones = new double[dataset.inputCount()];
      Arrays.fill(ones, 1.0);
      scaling = new Scaling.Fit(new double[dataset.inputCount()], ones);
    }
    queries = Arrays.stream(queries).map(double[]::clone).toArray(double[][]::new);
    for (double[] q : queries) {
      if (q.length != dataset.inputCount()) {
        throw new IllegalArgumentException("query must have " + dataset.inputCount() + " values, found " + q.length);
      }
    }
  }

  /** Every input and target is 0 or 1: a truth table, whose stuck networks sit on known error plateaus. */
  public boolean truthTable() {
    for (double[][] m : new double[][][] {dataset.inputs(), dataset.targets()}) {
      for (double[] row : m) {
        for (double v : row) {
          if (v != 0.0 && v != 1.0) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /**
   * The targets are one-hot class labels (at least two columns, one 1 per row, 0 elsewhere) in the training rows and
   * the test rows: the networks' {@code class_accuracy} (argmax) applies.
   */
  public boolean oneHot() {
    return Metrics.oneHot(dataset.targets()) && (test == null || Metrics.oneHot(test.targets()))
        && (validation == null || Metrics.oneHot(validation.targets()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Problem p && dataset.equals(p.dataset) && java.util.Objects.equals(test, p.test)
        && Arrays.deepEquals(queries, p.queries) && folds.equals(p.folds)
        && java.util.Objects.equals(validation, p.validation);
  }

  @Override
  public int hashCode() {
    return dataset.hashCode() * 31 + Arrays.deepHashCode(queries);
  }

  @Override
  public String toString() {
    return "Problem[" + dataset + ", test=" + test + ", queries=" + Arrays.deepToString(queries)
        + (validation == null ? "" : ", validation=" + validation) + "]";
  }
}
