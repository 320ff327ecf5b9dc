package nnsweep.study;

import java.io.Serializable;
import java.util.Arrays;

/** How a network's initial weights are chosen: drawn from a per-network seed, or given in the study file. */
public sealed interface InitSpec extends Serializable {

  /** The scheme's name in study files and reports. */
  String scheme();

  /** Every weight and bias i.i.d. uniform in [0, 1), drawn from the network's derived seed (the tutorial's rand). */
  record Uniform() implements InitSpec {
    @Override
    public String scheme() {
      return "uniform";
    }
  }

  /**
   * Explicit matrices in the tutorial's layout: {@code hidden} inputs x hidden (null for studies without hidden
   * model), {@code output} hidden x outputs (inputs x outputs for a {@code none} model); biases may be null when no
   * network of the study has bias.
   */
  record Fixed(double[][] hidden, double[][] output, double[] hiddenBias, double[] outputBias) implements InitSpec {
    public Fixed {
      if (output == null) {
        throw new IllegalArgumentException("fixed init needs an output matrix");
      }
      hidden = hidden == null ? null : Arrays.stream(hidden).map(double[]::clone).toArray(double[][]::new);
      output = Arrays.stream(output).map(double[]::clone).toArray(double[][]::new);
      hiddenBias = hiddenBias == null ? null : hiddenBias.clone();
      outputBias = outputBias == null ? null : outputBias.clone();
    }

    @Override
    public String scheme() {
      return "fixed";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Fixed f && Arrays.deepEquals(hidden, f.hidden) && Arrays.deepEquals(output, f.output)
          && Arrays.equals(hiddenBias, f.hiddenBias) && Arrays.equals(outputBias, f.outputBias);
    }

    @Override
    public int hashCode() {
      return Arrays.deepHashCode(new Object[] {hidden, output, hiddenBias, outputBias});
    }

    @Override
    public String toString() {
      return "Fixed[hidden=" + Arrays.deepToString(hidden) + ", output=" + Arrays.deepToString(output)
          + ", hiddenBias=" + Arrays.toString(hiddenBias) + ", outputBias=" + Arrays.toString(outputBias) + "]";
    }
  }
}
