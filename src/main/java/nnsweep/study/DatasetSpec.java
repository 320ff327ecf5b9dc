package nnsweep.study;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * A dataset as named in a study: where its CSV is, how many of its last columns are targets, and the query points
 * at which every trained network's outputs are reported.
 */
public record DatasetSpec(String name, String path, int outputs, List<double[]> queries) implements Serializable {
  public DatasetSpec {
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

  @Override
  public List<double[]> queries() {
    return queries.stream().map(double[]::clone).toList();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DatasetSpec d && name.equals(d.name) && path.equals(d.path) && outputs == d.outputs
        && Arrays.deepEquals(queries.toArray(), d.queries.toArray());
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.deepHashCode(queries.toArray());
  }

  @Override
  public String toString() {
    return "DatasetSpec[name=" + name + ", path=" + path + ", outputs=" + outputs + ", queries="
        + Arrays.deepToString(queries.toArray()) + "]";
  }
}
