package nnsweep.nn;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The parameters of one network in the tutorial's layout, as plain arrays that cross between driver and executors.
 *
 * <p>{@code hidden} is inputs x hidden (one row per input), {@code output} is hidden x outputs (inputs x outputs for
 * a {@link Model#NONE} model, which has no hidden layer: its {@code hidden} and {@code hiddenBias} are empty). Without
 * bias the bias vectors hold zeros and are never trained.
 */
public record Weights(
    Model model, boolean bias, double[][] hidden, double[] hiddenBias, double[][] output, double[] outputBias)
    implements Serializable {

  public Weights {
    if (model == null) {
      throw new IllegalArgumentException("model must not be null");
    }
    hidden = deepCopy(hidden, "hidden");
    output = deepCopy(output, "output");
    hiddenBias = hiddenBias == null ? null : hiddenBias.clone();
    outputBias = outputBias == null ? null : outputBias.clone();
    if (hiddenBias == null || outputBias == null) {
      throw new IllegalArgumentException("bias vectors must not be null (use zeros when bias is off)");
    }
    int outputs = cols(output);
    if (outputs < 1) {
      throw new IllegalArgumentException("output must have at least 1 column, found " + outputs);
    }
    if (model == Model.NONE) {
      if (hidden.length != 0 || hiddenBias.length != 0) {
        throw new IllegalArgumentException("a model without hidden layer must have no hidden weights, found "
            + hidden.length + " rows");
      }
    } else {
      int h = cols(hidden);
      if (hidden.length < 1 || h < 1) {
        throw new IllegalArgumentException("hidden must be at least 1 x 1, found " + shape(hidden));
      }
      if (output.length != h) {
        throw new IllegalArgumentException("output must have " + h + " rows (one per hidden unit), found "
            + output.length);
      }
      if (hiddenBias.length != h) {
        throw new IllegalArgumentException("hidden-bias must have " + h + " values, found " + hiddenBias.length);
      }
    }
    if (outputBias.length != outputs) {
      throw new IllegalArgumentException("output-bias must have " + outputs + " values, found " + outputBias.length);
    }
    if (!bias && (nonZero(hiddenBias) || nonZero(outputBias))) {
      throw new IllegalArgumentException("bias is off but the bias vectors are not zero");
    }
  }

  /** Number of network inputs. */
  public int inputs() {
    return model == Model.NONE ? output.length : hidden.length;
  }

  /** Number of hidden units (0 without hidden layer). */
  public int hiddenUnits() {
    return model == Model.NONE ? 0 : output.length;
  }

  /** Number of outputs. */
  public int outputs() {
    return output[0].length;
  }

  /** The shape of the network these weights belong to. */
  public Shape shape() {
    return new Shape(model, inputs(), hiddenUnits(), outputs(), bias);
  }

  /** Number of trainable parameters. */
  public int count() {
    return shape().parameterCount();
  }

  /** "rows x cols" of a nested array, for messages. */
  public static String shape(double[][] m) {
    return m.length + " x " + cols(m);
  }

  private static int cols(double[][] m) {
    return m.length == 0 ? 0 : m[0].length;
  }

  private static boolean nonZero(double[] v) {
    for (double x : v) {
      if (x != 0.0) {
        return true;
      }
    }
    return false;
  }

  private static double[][] deepCopy(double[][] m, String name) {
    if (m == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    double[][] copy = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      copy[i] = m[i].clone();
      if (copy[i].length != m[0].length) {
        throw new IllegalArgumentException(name + " is ragged: row " + i + " has " + copy[i].length
            + " values, row 0 has " + m[0].length);
      }
    }
    return copy;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Weights w && model == w.model && bias == w.bias && Arrays.deepEquals(hidden, w.hidden)
        && Arrays.equals(hiddenBias, w.hiddenBias) && Arrays.deepEquals(output, w.output)
        && Arrays.equals(outputBias, w.outputBias);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(new Object[] {model, bias, hidden, hiddenBias, output, outputBias});
  }

  @Override
  public String toString() {
    return "Weights[model=" + model + ", bias=" + bias + ", hidden=" + Arrays.deepToString(hidden) + ", hiddenBias="
        + Arrays.toString(hiddenBias) + ", output=" + Arrays.deepToString(output) + ", outputBias="
        + Arrays.toString(outputBias) + "]";
  }
}
