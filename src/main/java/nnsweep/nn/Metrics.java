package nnsweep.nn;

/** Error and accuracy of a trained network on its data. */
public final class Metrics {
  private Metrics() {}

  /** E = 1/2 sum((O - T)^2) of the network on {@code data}. */
  public static double error(Network net, TrainingData data) {
    double[][] out = net.outputs(Matrices.toRows(data.x()));
    double sse = 0.0;
    for (int i = 0; i < data.rows(); i++) {
      for (int o = 0; o < data.outputs(); o++) {
        double diff = out[i][o] - Matrices.get(data.t(), i, o);
        sse += diff * diff;
      }
    }
    return 0.5 * sse;
  }

  /** Mean squared error per output value: 2E / (samples x outputs). */
  public static double mse(double error, int samples, int outputs) {
    return 2.0 * error / ((double) samples * outputs);
  }

  /**
   * Fraction of samples classified right: an output counts as 1 when >= 0.5 (a target too), and a sample is right
   * when all its outputs are.
   */
  public static double accuracy(Network net, TrainingData data) {
    double[][] out = net.outputs(Matrices.toRows(data.x()));
    int correct = 0;
    for (int i = 0; i < data.rows(); i++) {
      boolean all = true;
      for (int o = 0; o < data.outputs(); o++) {
        all &= (out[i][o] >= 0.5) == (Matrices.get(data.t(), i, o) >= 0.5);
      }
      correct += all ? 1 : 0;
    }
    return correct / (double) data.rows();
  }

  /**
   * Argmax accuracy of a classifier with one-hot targets: the fraction of rows whose largest output is at the
   * position of the target's largest value (its 1). Ties go to the first largest output; a NaN output never wins, so
   * a row of NaN outputs is wrong. Meaningful only for one-hot targets (see {@link #oneHot}).
   *
   * @param outputs one row of network outputs per sample
   * @param targets one row of targets per sample, as long as {@code outputs}
   */
  public static double classAccuracy(double[][] outputs, double[][] targets) {
    if (outputs.length != targets.length || outputs.length == 0) {
      throw new IllegalArgumentException("need as many output rows as target rows, at least 1, found "
          + outputs.length + " and " + targets.length);
    }
    int correct = 0;
    for (int i = 0; i < outputs.length; i++) {
      int predicted = argmax(outputs[i]);
      correct += predicted >= 0 && predicted == argmax(targets[i]) ? 1 : 0;
    }
    return correct / (double) outputs.length;
  }

  /** {@link #classAccuracy(double[][], double[][])} of the network on {@code data}. */
  public static double classAccuracy(Network net, TrainingData data) {
    return classAccuracy(net.outputs(Matrices.toRows(data.x())), Matrices.toRows(data.t()));
  }

  /** The first position of the largest value, NaN never largest; -1 when every value is NaN. */
  private static int argmax(double[] v) {
    int best = -1;
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < v.length; k++) {
      if (v[k] > max || best < 0 && v[k] == Double.NEGATIVE_INFINITY) {
        best = k;
        max = v[k];
      }
    }
    return best;
  }

  /**
   * Whether targets are one-hot class labels: at least two columns, and every row has exactly one 1 and 0 elsewhere.
   */
  public static boolean oneHot(double[][] targets) {
    if (targets.length == 0 || targets[0].length < 2) {
      return false;
    }
    for (double[] row : targets) {
      int ones = 0;
      for (double v : row) {
        if (v == 1.0) {
          ones++;
        } else if (v != 0.0) {
          return false;
        }
      }
      if (ones != 1) {
        return false;
      }
    }
    return true;
  }

  /** The network's outputs at each point (one row per point). */
  public static double[][] predictions(Network net, double[][] points) {
    if (points.length == 0) {
      return new double[0][];
    }
    return net.outputs(points);
  }
}
