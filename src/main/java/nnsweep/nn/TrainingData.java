package nnsweep.nn;

import breeze.linalg.DenseMatrix;

/**
 * The full batch a network is trained on.
 *
 * @param x n x inputs, one row per sample
 * @param t n x outputs, the targets
 */
public record TrainingData(DenseMatrix<Object> x, DenseMatrix<Object> t) {
  public TrainingData {
    if (x.rows() != t.rows()) {
      throw new IllegalArgumentException("x and t must have the same rows, found " + x.rows() + " and " + t.rows());
    }
    if (x.rows() < 1) {
      throw new IllegalArgumentException("training data must have at least 1 row, found 0");
    }
  }

  /** Training data from row-major arrays (copied). */
  public static TrainingData of(double[][] inputs, double[][] targets) {
    return new TrainingData(Matrices.fromRows(inputs), Matrices.fromRows(targets));
  }

  public int rows() {
    return x.rows();
  }

  public int inputs() {
    return x.cols();
  }

  public int outputs() {
    return t.cols();
  }
}
