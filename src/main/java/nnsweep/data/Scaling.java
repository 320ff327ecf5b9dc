package nnsweep.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Input scaling, fitted on the training rows only (so nothing about the test rows leaks into training) and applied
 * to training rows, test rows and query points alike.
 */
public enum Scaling {
  /** Inputs as they are in the file. */
  NONE,
  /** Each input to [0, 1] over the training rows: (x - min) / (max - min); a constant column becomes 0. */
  MINMAX,
  /** Each input to mean 0, standard deviation 1 over the training rows (population sd); a constant column, 0. */
  STANDARD;

  /** The name in study files. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The scaling called {@code name} in a study file, if any. */
  public static Optional<Scaling> fromConfigName(String name) {
    return Arrays.stream(values()).filter(s -> s.configName().equals(name)).findFirst();
  }

  /** An affine map per input: x' = (x - shift) * factor. */
  public record Fit(double[] shift, double[] factor) implements java.io.Serializable {
    /** The rows mapped (copied). */
    public double[][] apply(double[][] rows) {
      double[][] out = new double[rows.length][];
      for (int i = 0; i < rows.length; i++) {
        out[i] = new double[rows[i].length];
        for (int j = 0; j < rows[i].length; j++) {
          out[i][j] = (rows[i][j] - shift[j]) * factor[j];
        }
      }
      return out;
    }
  }

  /** Fits this scaling on the training inputs. */
  public Fit fit(double[][] trainingInputs) {
    int cols = trainingInputs[0].length;
    double[] shift = new double[cols];
    double[] factor = new double[cols];
    for (int j = 0; j < cols; j++) {
      final int c = j;
      double[] column = Arrays.stream(trainingInputs).mapToDouble(r -> r[c]).toArray();
      switch (this) {
        case NONE -> factor[j] = 1.0;
        case MINMAX -> {
          double min = Arrays.stream(column).min().orElseThrow();
          double max = Arrays.stream(column).max().orElseThrow();
          shift[j] = min;
          factor[j] = max > min ? 1.0 / (max - min) : 0.0;
        }
        case STANDARD -> {
          double mean = Arrays.stream(column).average().orElseThrow();
          double var = Arrays.stream(column).map(x -> (x - mean) * (x - mean)).sum() / column.length;
          shift[j] = mean;
          factor[j] = var > 0 ? 1.0 / Math.sqrt(var) : 0.0;
        }
        default -> throw new IllegalStateException(this.name());
      }
    }
    return new Fit(shift, factor);
  }
}
