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
    double[] hidden = new double[w.hiddenBias().length];
    for (int j = 0; j < hidden.length; j++) {
      double z = w.hiddenBias()[j];
      for (int i = 0; i < x.length; i++) {
        z += x[i] * w.hidden()[i][j];
      }
      hidden[j] = 1 / (1 + Math.exp(-z));
    }
    double[] out = new double[w.outputBias().length];
    for (int k = 0; k < out.length; k++) {
      double z = w.outputBias()[k];
      for (int j = 0; j < hidden.length; j++) {
        z += hidden[j] * w.output()[j][k];
      }
      out[k] = 1 / (1 + Math.exp(-z));
    }
    return out;
  }
}
