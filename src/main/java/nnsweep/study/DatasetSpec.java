package nnsweep.study;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import nnsweep.data.Scaling;

/**
 * A dataset as named in a study: where its CSV is, how many of its last columns are targets, the query points at
 * which every trained network's outputs are reported, the share of rows held out for testing (seeded by
 * {@code splitSeed}, stratified for class targets) and how inputs are scaled (fitted on the training rows).
 * {@code validationFraction} (0: none) holds that share of the training rows (of each outer fold's training rows with
 * {@code folds}) out for validation, stratified the same way: networks train on the rest, and every choice made for
 * the study (halving, the best size) reads the validation rows, never the test rows.
 */
public record DatasetSpec(String name, String path, int outputs, List<double[]> queries, double testFraction,
    Scaling scale, long splitSeed, int folds, double validationFraction) implements Serializable {

  /** A dataset without a validation split. */
  public DatasetSpec(String name, String path, int outputs, List<double[]> queries, double testFraction,
      Scaling scale, long splitSeed, int folds) {
    this(name, path, outputs, queries, testFraction, scale, splitSeed, folds, 0.0);
  }

  /** A dataset trained on all its rows, unscaled. */
  public DatasetSpec(String name, String path, int outputs, List<double[]> queries) {
    this(name, path, outputs, queries, 0.0, Scaling.NONE, 0);
  }

  /** A dataset without cross-validation folds. */
  public DatasetSpec(String name, String path, int outputs, List<double[]> queries, double testFraction,
      Scaling scale, long splitSeed) {
    this(name, path, outputs, queries, testFraction, scale, splitSeed, 0);
  }

  public DatasetSpec {
    if (!(testFraction >= 0 && testFraction < 1)) {
      throw new IllegalArgumentException("test-fraction must be in [0, 1), found " + testFraction);
    }
    if (folds != 0 && (folds < 2 || testFraction > 0)) {
      throw new IllegalArgumentException("folds must be 0 or >= 2 without test-fraction, found " + folds);
    }
    if (!(validationFraction >= 0 && validationFraction < 1)) {
      throw new IllegalArgumentException("validation-fraction must be in [0, 1), found " + validationFraction);
    }
    if (scale == null) {
      throw new IllegalArgumentException("scale must not be null");
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("dataset name must not be empty");
    }
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("dataset path must not be empty");
    }
    if (outputs < 1) {
      throw new IllegalArgumentException("outputs must be >= 1, found " + outputs);
    }
    queries = queries.stream().map(double[]::clone).toList();
  }

  /** Whether networks train on part of the training rows and are chosen on the rest. */
  public boolean validated() {
    return validationFraction > 0;
  }

  @Override
  public List<double[]> queries() {
    return queries.stream().map(double[]::clone).toList();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DatasetSpec d && name.equals(d.name) && path.equals(d.path) && outputs == d.outputs
        && Arrays.deepEquals(queries.toArray(), d.queries.toArray()) && testFraction == d.testFraction
        && scale == d.scale && splitSeed == d.splitSeed && folds == d.folds
        && validationFraction == d.validationFraction;
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.deepHashCode(queries.toArray());
  }

  @Override
  public String toString() {
    return "DatasetSpec[name=" + name + ", path=" + path + ", outputs=" + outputs + ", queries="
        + Arrays.deepToString(queries.toArray()) + ", testFraction=" + testFraction + ", scale=" + scale
        + ", splitSeed=" + splitSeed + ", folds=" + folds + ", validationFraction=" + validationFraction + "]";
  }
}
