package nnsweep.testing;

import nnsweep.nn.Weights;

/**
 * An independent forward pass of a one-hidden-layer network (plain loops, {@link Math#exp} sigmoids), for tests that
 * check the trainers' and the tables' metrics without the code under test.
 */
public final class Forward {
  private Forward() {}

  /** O = s(s(x Wh + bh) Wo + bo) for one input row {@code x}. */
  public static double[] outputs(Weights w, double[] x) {
    return layer(layer(x, w.hidden(), w.hiddenBias()), w.output(), w.outputBias());
  }

  /** s(in W + b): each unit's bias first, then the inputs' terms in input order. */
  private static double[] layer(double[] in, double[][] weights, double[] bias) {
    double[] out = new double[bias.length];
    for (int k = 0; k < out.length; k++) {
      double z = bias[k];
      for (int i = 0; i < in.length; i++) {
        z += in[i] * weights[i][k];
      }
      out[k] = 1 / (1 + Math.exp(-z));
    }
    return out;
  }
}
