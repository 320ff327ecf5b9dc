package nnsweep.study;

import java.io.Serializable;
import java.util.Arrays;

/** How a network's initial weights are chosen: drawn from a per-network seed, or given in the study file. */
public sealed interface InitSpec extends Serializable {

  /** The scheme's name in study files. */
  String scheme();

  /** How the scheme is named in reports (the scheme, with its setting where it has one). */
  default String label() {
    return scheme();
  }

  /**
   * Every weight and bias i.i.d. uniform in [-range, range), from the network's derived seed: the tutorial's draw
   * centred on 0, so units start on both sides of their sigmoid's midpoint.
   */
  record Symmetric(double range) implements InitSpec {
    public Symmetric {
      if (!(range > 0) || !Double.isFinite(range)) {
        throw new IllegalArgumentException("init range must be > 0 and finite, found " + range);
      }
    }

    @Override
    public String scheme() {
      return "symmetric";
    }

    @Override
    public String label() {
      return "symmetric(" + range + ")";
    }
  }

  /**
   * Glorot and Bengio (2010): each layer's weights uniform in [-a, a], a = sqrt(6 / (fan-in + fan-out)); biases
   * start at 0.
   */
  record Xavier() implements InitSpec {
    @Override
    public String scheme() {
      return "xavier";
    }
  }

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
