package nnsweep.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A numeric dataset read from CSV: rows of inputs and their targets (the last {@code outputs} columns).
 *
 * <p>Immutable: the constructor deep-copies the arrays and {@link #inputs()} and {@link #targets()} return deep
 * copies, so hoist those calls out of loops. Every value is finite, there is at least one row, one input and one
 * target, and every row has one value per name.
 *
 * @param name the dataset's name, e.g. {@code xor}
 * @param source where the data came from, e.g. the CSV path as given
 * @param inputNames the input column names, in column order
 * @param targetNames the target column names, in column order
 * @param inputs one row per example, {@code inputNames.size()} values each
 * @param targets one row per example, {@code targetNames.size()} values each
 */
public record Dataset(String name, String source, List<String> inputNames, List<String> targetNames,
                      double[][] inputs, double[][] targets) implements java.io.Serializable {

  /**
   * Validates and copies the components.
   *
   * @throws NullPointerException if a component, a name or a row is null
   * @throws IllegalArgumentException if there are no rows, no names, a row of the wrong length, different row
   *     counts for inputs and targets, or a non-finite value
   */
  public Dataset {
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(source, "source must not be null");
    inputNames = copyNames("inputNames", inputNames);
    targetNames = copyNames("targetNames", targetNames);
    inputs = copyRows("inputs", inputs, inputNames.size(), "input name");
    targets = copyRows("targets", targets, targetNames.size(), "target name");
    if (inputs.length != targets.length) {
      throw new IllegalArgumentException("inputs and targets must have the same number of rows, found "
          + inputs.length + " and " + targets.length);
    }
  }

  /** Returns the number of rows (examples). */
  public int rows() {
    return inputs.length;
  }

  /** Returns the number of input columns. */
  public int inputCount() {
    return inputNames.size();
  }

  /** Returns the number of target (output) columns. */
  public int outputCount() {
    return targetNames.size();
  }

  /** Returns a deep copy of the input rows. */
  @Override
  public double[][] inputs() {
    return deepCopy(inputs);
  }

  /** Returns a deep copy of the target rows. */
  @Override
  public double[][] targets() {
    return deepCopy(targets);
  }

  /** Compares all components, the arrays by content. */
  @Override
  public boolean equals(Object o) {
    return this == o
        || o instanceof Dataset d
            && name.equals(d.name)
            && source.equals(d.source)
            && inputNames.equals(d.inputNames)
            && targetNames.equals(d.targetNames)
            && Arrays.deepEquals(inputs, d.inputs)
            && Arrays.deepEquals(targets, d.targets);
  }

  /** Hashes all components, the arrays by content. */
  @Override
  public int hashCode() {
    int h = Objects.hash(name, source, inputNames, targetNames);
    h = 31 * h + Arrays.deepHashCode(inputs);
    return 31 * h + Arrays.deepHashCode(targets);
  }

  /** Returns the name, source, row count and column names (not the values). */
  @Override
  public String toString() {
    return "Dataset[name=" + name + ", source=" + source + ", rows=" + inputs.length
        + ", inputNames=" + inputNames + ", targetNames=" + targetNames + "]";
  }

  private static List<String> copyNames(String what, List<String> names) {
    Objects.requireNonNull(names, what + " must not be null");
    if (names.isEmpty()) {
      throw new IllegalArgumentException(what + " must have at least 1 name, found 0");
    }
    for (int i = 0; i < names.size(); i++) {
      Objects.requireNonNull(names.get(i), what + "[" + i + "] must not be null");
    }
    return List.copyOf(names);
  }

  private static double[][] copyRows(String what, double[][] rows, int width, String per) {
    Objects.requireNonNull(rows, what + " must not be null");
    if (rows.length == 0) {
      throw new IllegalArgumentException(what + " must have at least 1 row, found 0");
    }
    double[][] copy = new double[rows.length][];
    for (int r = 0; r < rows.length; r++) {
      double[] row = Objects.requireNonNull(rows[r], what + "[" + r + "] must not be null");
      if (row.length != width) {
        throw new IllegalArgumentException(what + "[" + r + "] must have " + width + (width == 1 ? " value" : " values")
            + " (one per " + per + "), found " + row.length);
      }
      for (int c = 0; c < width; c++) {
        if (!Double.isFinite(row[c])) {
          throw new IllegalArgumentException(what + "[" + r + "][" + c + "] must be finite, found " + row[c]);
        }
      }
      copy[r] = row.clone();
    }
    return copy;
  }

  private static double[][] deepCopy(double[][] rows) {
    double[][] copy = new double[rows.length][];
    for (int r = 0; r < rows.length; r++) {
      copy[r] = rows[r].clone();
    }
    return copy;
  }
}
