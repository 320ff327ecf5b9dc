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

  /** The network's outputs at each point (one row per point). */
  public static double[][] predictions(Network net, double[][] points) {
    if (points.length == 0) {
      return new double[0][];
    }
    return net.outputs(points);
  }
}
