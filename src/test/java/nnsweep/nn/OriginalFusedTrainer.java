package nnsweep.nn;

/**
 * {@link FusedTrainer} as it was before it was optimised (commit 0c3bd8a), frozen here as the oracle that the
 * optimised kernel and {@link LockstepTrainer} must match bit for bit (public for the kernel benchmark, which times
 * it next to the optimised one). One change since (issue 24): the training passes' sigmoid is {@link FastSigmoid}'s,
 * as in the kernels it checks (the portable exponential that SIMD lanes compute with the same bits); the final error
 * is still taken with {@link Sigmoid}.
 *
 * <p>The original description: the fast training kernel: the same arithmetic as {@link BreezeTrainer}, fused into
 * loops over the Breeze matrices' column-major backing arrays, with no allocation per epoch and s(z) reused for s'(z).
 *
 * <p>Per epoch it makes one pass over the samples: forward, output delta, hidden delta, and accumulates the gradients;
 * then it updates both layers. Sums run in the same order as the matrix products they replace (over inputs for a
 * unit's z, then the bias; over samples for a gradient), so results agree with the readable trainer to rounding.
 */
public final class OriginalFusedTrainer implements Trainer {

  @Override
  public TrainingOutcome train(Network net, TrainingData data, TrainingOptions options) {
    double[] x = Matrices.data(data.x());
    double[] t = Matrices.data(data.t());
    int n = data.rows();
    return net.model() == Model.HIDDEN
        ? trainHidden(net, x, t, n, options)
        : trainNone(net, x, t, n, options);
  }

  private static TrainingOutcome trainHidden(Network net, double[] x, double[] t, int n, TrainingOptions options) {
    final int in = net.inputs();
    final int h = net.hiddenUnits();
    final int out = net.outputs();
    final boolean bias = net.bias();
    final double rate = options.learningRate();
    final double[] wh = Matrices.data(net.wHidden); // in x h: wh[k + j*in]
    final double[] bh = Matrices.data(net.bHidden); // 1 x h
    final double[] wo = Matrices.data(net.wOut); // h x out: wo[j + o*h]
    final double[] bo = Matrices.data(net.bOut); // 1 x out
    final double[] hidden = new double[n * h]; // n x h: hidden[i + j*n]
    final double[] deltaOut = new double[n * out]; // n x out
    final double[] deltaHidden = new double[n * h]; // n x h
    final double[] gradHidden = new double[in * h];
    final double[] gradOut = new double[h * out];
    ErrorLog log = new ErrorLog(options);
    int k = 0;
    for (; k < options.epochs(); k++) {
      double sse = 0.0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < h; j++) {
          double z = 0.0;
          for (int q = 0; q < in; q++) {
            z += x[i + q * n] * wh[q + j * in];
          }
          if (bias) {
            z += bh[j];
          }
          hidden[i + j * n] = FastSigmoid.s(z);
        }
        for (int o = 0; o < out; o++) {
          double z = 0.0;
          for (int j = 0; j < h; j++) {
            z += hidden[i + j * n] * wo[j + o * h];
          }
          if (bias) {
            z += bo[o];
          }
          double y = FastSigmoid.s(z);
          double diff = y - t[i + o * n];
          sse += diff * diff;
          deltaOut[i + o * n] = diff * y * (1.0 - y);
        }
        for (int j = 0; j < h; j++) {
          double back = 0.0;
          for (int o = 0; o < out; o++) {
            back += deltaOut[i + o * n] * wo[j + o * h];
          }
          double a = hidden[i + j * n];
          deltaHidden[i + j * n] = back * a * (1.0 - a);
        }
      }
      if (!log.beforeUpdate(k, 0.5 * sse)) {
        break;
      }
      // gradients summed over samples in order, like the products hidden^T deltaOut and X^T deltaHidden
      for (int o = 0; o < out; o++) {
        for (int j = 0; j < h; j++) {
          double g = 0.0;
          for (int i = 0; i < n; i++) {
            g += hidden[i + j * n] * deltaOut[i + o * n];
          }
          gradOut[j + o * h] = g;
        }
      }
      for (int j = 0; j < h; j++) {
        for (int q = 0; q < in; q++) {
          double g = 0.0;
          for (int i = 0; i < n; i++) {
            g += x[i + q * n] * deltaHidden[i + j * n];
          }
          gradHidden[q + j * in] = g;
        }
      }
      for (int p = 0; p < wo.length; p++) {
        wo[p] -= rate * gradOut[p];
      }
      for (int p = 0; p < wh.length; p++) {
        wh[p] -= rate * gradHidden[p];
      }
      if (bias) {
        for (int o = 0; o < out; o++) {
          bo[o] -= rate * columnSum(deltaOut, n, o);
        }
        for (int j = 0; j < h; j++) {
          bh[j] -= rate * columnSum(deltaHidden, n, j);
        }
      }
    }
    return log.finish(k, error(net, x, t, n));
  }

  private static TrainingOutcome trainNone(Network net, double[] x, double[] t, int n, TrainingOptions options) {
    final int in = net.inputs();
    final int out = net.outputs();
    final boolean bias = net.bias();
    final double rate = options.learningRate();
    final double[] w = Matrices.data(net.wOut); // in x out: w[q + o*in]
    final double[] b = Matrices.data(net.bOut);
    final double[] deltaOut = new double[n * out];
    final double[] gradOut = new double[in * out];
    ErrorLog log = new ErrorLog(options);
    int k = 0;
    for (; k < options.epochs(); k++) {
      double sse = 0.0;
      for (int i = 0; i < n; i++) {
        for (int o = 0; o < out; o++) {
          double z = 0.0;
          for (int q = 0; q < in; q++) {
            z += x[i + q * n] * w[q + o * in];
          }
          if (bias) {
            z += b[o];
          }
          double y = FastSigmoid.s(z);
          double diff = y - t[i + o * n];
          sse += diff * diff;
          deltaOut[i + o * n] = diff * y * (1.0 - y);
        }
      }
      if (!log.beforeUpdate(k, 0.5 * sse)) {
        break;
      }
      for (int o = 0; o < out; o++) {
        for (int q = 0; q < in; q++) {
          double g = 0.0;
          for (int i = 0; i < n; i++) {
            g += x[i + q * n] * deltaOut[i + o * n];
          }
          gradOut[q + o * in] = g;
        }
      }
      for (int p = 0; p < w.length; p++) {
        w[p] -= rate * gradOut[p];
      }
      if (bias) {
        for (int o = 0; o < out; o++) {
          b[o] -= rate * columnSum(deltaOut, n, o);
        }
      }
    }
    return log.finish(k, error(net, x, t, n));
  }

  private static double columnSum(double[] m, int rows, int col) {
    double s = 0.0;
    for (int i = 0; i < rows; i++) {
      s += m[i + col * rows];
    }
    return s;
  }

  /** E = 1/2 sum((O - T)^2) of the network's current weights, without allocating Breeze temporaries per sample. */
  static double error(Network net, double[] x, double[] t, int n) {
    int in = net.inputs();
    int out = net.outputs();
    boolean hiddenLayer = net.model() == Model.HIDDEN;
    int h = net.hiddenUnits();
    double[] wh = Matrices.data(net.wHidden);
    double[] bh = Matrices.data(net.bHidden);
    double[] wo = Matrices.data(net.wOut);
    double[] bo = Matrices.data(net.bOut);
    double[] hidden = new double[Math.max(h, 1)];
    double sse = 0.0;
    for (int i = 0; i < n; i++) {
      int width = hiddenLayer ? h : in;
      if (hiddenLayer) {
        for (int j = 0; j < h; j++) {
          double z = 0.0;
          for (int q = 0; q < in; q++) {
            z += x[i + q * n] * wh[q + j * in];
          }
          if (net.bias()) {
            z += bh[j];
          }
          hidden[j] = Sigmoid.s(z);
        }
      }
      for (int o = 0; o < out; o++) {
        double z = 0.0;
        for (int j = 0; j < width; j++) {
          z += (hiddenLayer ? hidden[j] : x[i + j * n]) * wo[j + o * width];
        }
        if (net.bias()) {
          z += bo[o];
        }
        double diff = Sigmoid.s(z) - t[i + o * n];
        sse += diff * diff;
      }
    }
    return 0.5 * sse;
  }
}
