package nnsweep.run;

import java.io.Serializable;
import java.util.Arrays;
import nnsweep.data.Dataset;

/** A dataset as the executors need it: its rows, and the query points to report predictions at. */
public record Problem(Dataset dataset, double[][] queries) implements Serializable {
  public Problem {
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

  @Override
  public boolean equals(Object o) {
    return o instanceof Problem p && dataset.equals(p.dataset) && Arrays.deepEquals(queries, p.queries);
  }

  @Override
  public int hashCode() {
    return dataset.hashCode() * 31 + Arrays.deepHashCode(queries);
  }

  @Override
  public String toString() {
    return "Problem[" + dataset + ", queries=" + Arrays.deepToString(queries) + "]";
  }
}
