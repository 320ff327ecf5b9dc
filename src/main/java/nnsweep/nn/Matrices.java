package nnsweep.nn;

import breeze.linalg.DenseMatrix;
import breeze.linalg.DenseMatrix$mcD$sp;
import breeze.linalg.operators.HasOps$;
import java.util.function.DoubleUnaryOperator;

/**
 * Plain names for the Breeze {@code DenseMatrix[Double]} operations the trainers use.
 *
 * <p>Breeze's operators are Scala implicits; from Java they are instances on {@code HasOps$.MODULE$} passed by hand,
 * which would drown the equations. Every matrix returned here is freshly allocated, column-major, offset 0, so its
 * {@code data()} array is the matrix (the fused kernel relies on that).
 */
public final class Matrices {
  private static final HasOps$ OPS = HasOps$.MODULE$;

  private Matrices() {}

  /** A rows x cols matrix of zeros. */
  public static DenseMatrix<Object> zeros(int rows, int cols) {
    return new DenseMatrix$mcD$sp(rows, cols, new double[rows * cols]);
  }

  /** A rows x cols matrix of ones. */
  public static DenseMatrix<Object> ones(int rows, int cols) {
    double[] data = new double[rows * cols];
    java.util.Arrays.fill(data, 1.0);
    return new DenseMatrix$mcD$sp(rows, cols, data);
  }

  /** A matrix from row-major nested arrays (one inner array per row), copied. */
  public static DenseMatrix<Object> fromRows(double[][] rows) {
    int r = rows.length;
    int c = r == 0 ? 0 : rows[0].length;
    double[] data = new double[r * c];
    for (int i = 0; i < r; i++) {
      if (rows[i].length != c) {
        throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, expected " + c);
      }
      for (int j = 0; j < c; j++) {
        data[i + j * r] = rows[i][j];
      }
    }
    return new DenseMatrix$mcD$sp(r, c, data);
  }

  /** A 1 x n row vector, copied. */
  public static DenseMatrix<Object> row(double[] values) {
    return new DenseMatrix$mcD$sp(1, values.length, values.clone());
  }

  /** The matrix as row-major nested arrays. */
  public static double[][] toRows(DenseMatrix<Object> m) {
    double[][] out = new double[m.rows()][m.cols()];
    for (int i = 0; i < m.rows(); i++) {
      for (int j = 0; j < m.cols(); j++) {
        out[i][j] = get(m, i, j);
      }
    }
    return out;
  }

  /** Element (i, j). */
  public static double get(DenseMatrix<Object> m, int i, int j) {
    return ((DenseMatrix$mcD$sp) m).apply$mcD$sp(i, j);
  }

  /** The column-major storage of a matrix made by this class (no copy). */
  public static double[] data(DenseMatrix<Object> m) {
    if (m.offset() != 0 || m.isTranspose() || m.majorStride() != m.rows()) {
      throw new IllegalArgumentException("matrix is a view, not contiguous column-major storage");
    }
    return (double[]) m.data();
  }

  /** The matrix product a b. */
  public static DenseMatrix<Object> multiply(DenseMatrix<Object> a, DenseMatrix<Object> b) {
    return compact(a.$times(b, OPS.impl_OpMulMatrix_DMD_DMD_eq_DMD()));
  }

  /** a + b, elementwise. */
  public static DenseMatrix<Object> add(DenseMatrix<Object> a, DenseMatrix<Object> b) {
    return compact(a.$plus(b, OPS.op_DM_DM_Double_OpAdd()));
  }

  /** a - b, elementwise. */
  public static DenseMatrix<Object> subtract(DenseMatrix<Object> a, DenseMatrix<Object> b) {
    return compact(a.$minus(b, OPS.op_DM_DM_Double_OpSub()));
  }

  /** The elementwise (Hadamard) product a :* b. */
  public static DenseMatrix<Object> hadamard(DenseMatrix<Object> a, DenseMatrix<Object> b) {
    return compact(a.$times$colon$times(b, OPS.op_DM_DM_Double_OpMulScalar()));
  }

  /** k a. */
  public static DenseMatrix<Object> scale(double k, DenseMatrix<Object> a) {
    return compact(a.$times$colon$times(k, OPS.op_DM_S_Double_OpMulScalar()));
  }

  /** a -= b, in place (keeps a's storage, so views of it stay valid). */
  public static void subtractInPlace(DenseMatrix<Object> a, DenseMatrix<Object> b) {
    a.$minus$eq(b, OPS.dm_dm_UpdateOp_Double_OpSub());
  }

  /** The transpose a^T, as a new contiguous matrix. */
  public static DenseMatrix<Object> transpose(DenseMatrix<Object> a) {
    DenseMatrix<Object> view = a.t(OPS.canTranspose_DM());
    return compact(view);
  }

  /** f applied to every element. */
  public static DenseMatrix<Object> map(DenseMatrix<Object> a, DoubleUnaryOperator f) {
    DenseMatrix<Object> out = zeros(a.rows(), a.cols());
    DenseMatrix$mcD$sp target = (DenseMatrix$mcD$sp) out;
    for (int j = 0; j < a.cols(); j++) {
      for (int i = 0; i < a.rows(); i++) {
        target.update$mcD$sp(i, j, f.applyAsDouble(get(a, i, j)));
      }
    }
    return out;
  }

  /** The sum of all elements. */
  public static double sum(DenseMatrix<Object> a) {
    double total = 0.0;
    for (int j = 0; j < a.cols(); j++) {
      for (int i = 0; i < a.rows(); i++) {
        total += get(a, i, j);
      }
    }
    return total;
  }

  /** A contiguous column-major copy unless m already is one. */
  private static DenseMatrix<Object> compact(DenseMatrix<Object> m) {
    if (m.offset() == 0 && !m.isTranspose() && m.majorStride() == m.rows()
        && ((double[]) m.data()).length == m.rows() * m.cols()) {
      return m;
    }
    double[] data = new double[m.rows() * m.cols()];
    for (int j = 0; j < m.cols(); j++) {
      for (int i = 0; i < m.rows(); i++) {
        data[i + j * m.rows()] = get(m, i, j);
      }
    }
    return new DenseMatrix$mcD$sp(m.rows(), m.cols(), data);
  }
}
