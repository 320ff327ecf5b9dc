package nnsweep.nn;

/**
 * The fast training kernel: the same arithmetic as {@link BreezeTrainer}, fused into loops over the Breeze matrices'
 * backing arrays, with no allocation per epoch and s(z) reused for s'(z).
 *
 * <p>Each epoch goes layer by layer, like the matrix products it replaces, with the rows in the innermost loops: the
 * hidden pre-activations of every row, their sigmoids, the output deltas and E, the hidden deltas, then the gradients
 * and updates. Every sum keeps the order of the straightforward per-row kernel this one replaced (kept in the tests as
 * {@code OriginalFusedTrainer}, and matched bit for bit there): a unit's z is {@code 0.0 + x0 w0 + x1 w1 + ...} in
 * input order, then {@code + b}; E adds the squared differences row by row, output by output within a row; each
 * gradient is summed from {@code 0.0} over the rows in order and applied as {@code w -= rate * g}. Only the loop
 * structure changed:
 * <ul>
 *   <li>the data and the per-row work arrays are held as one array per column, so that every inner loop indexes
 *       each array by the row alone: HotSpot's C2 vectorises those loops (with two different offsets into one
 *       column-major array it does not), which is what makes larger row counts fast;
 *   <li>up to four terms of a sum are added per pass over the rows ({@link #combine}), up to four gradients are
 *       summed per pass ({@link #descend}), and the update is applied as each gradient is complete;
 *   <li>one output (the tutorial's networks) has its own loops for E and the hidden deltas;
 *   <li>the {@link ErrorLog} is consulted only where it can matter (curve epochs, the target, divergence), through
 *       {@link ErrorGate}, instead of once per epoch.
 * </ul>
 * The weights are read and updated in place in the Breeze matrices' column-major arrays. The sigmoid of the training
 * passes is {@link FastSigmoid}'s (e^x from IEEE-754 operations only, within 1 ulp, the same bits on every machine and
 * in SIMD lanes of any width), so that {@link LockstepTrainer} can take it in vectors across networks and still give
 * each network these bits; the final error ({@link #error}) is taken with {@link Sigmoid}, as by the other kernels.
 */
public final class FusedTrainer implements Trainer {

  @Override
  public TrainingOutcome train(Network net, TrainingData data, TrainingOptions options) {
    final double[] xData = Matrices.data(data.x());
    final double[] tData = Matrices.data(data.t());
    final int n = data.rows();
    final Shape shape = net.shape();
    final int in = shape.inputs();
    final int h = shape.hidden();
    final int out = shape.outputs();
    final boolean hiddenLayer = shape.hasHidden();
    final boolean bias = shape.bias();
    final double rate = options.learningRate();
    final double[] wh = Matrices.data(net.wHidden);
    final double[] bh = Matrices.data(net.bHidden);
    final double[] wo = Matrices.data(net.wOut);
    final double[] bo = Matrices.data(net.bOut);
    final double[][] x = columns(xData, n, in);
    final double[][] t = columns(tData, n, out);
    final double[][] hidden = new double[h][n];
    final double[][] sq = new double[out][n];
    final double[][] dOut = new double[out][n];
    final double[][] dHidden = new double[h][n];
    // the output layer's inputs: the hidden activations, or the data without a hidden layer
    final double[][] outIn = hiddenLayer ? hidden : x;
    final int fanIn = shape.outputFanIn();
    final ErrorGate gate = new ErrorGate(options);
    final int epochs = options.epochs();
    int k = 0;
    for (; k < epochs; k++) {
      for (int j = 0; j < h; j++) {
        double[] a = hidden[j];
        combine(a, x, in, wh, j * in, 1, n);
        FastSigmoid.apply(a, 0, n, bias ? bh[j] : 0.0);
      }
      for (int o = 0; o < out; o++) {
        combine(dOut[o], outIn, fanIn, wo, o * fanIn, 1, n);
      }
      double sse = outputDeltas(dOut, t, bias, bo, sq, n);
      if (!gate.update(k, 0.5 * sse)) {
        break;
      }
      for (int j = 0; j < h; j++) {
        double[] d = dHidden[j];
        double[] a = hidden[j];
        if (out == 1) {
          double[] d0 = dOut[0];
          double w = wo[j];
          for (int i = 0; i < n; i++) {
            d[i] = (0.0 + d0[i] * w) * a[i] * (1.0 - a[i]);
          }
        } else {
          combine(d, dOut, out, wo, j, h, n);
          for (int i = 0; i < n; i++) {
            d[i] = d[i] * a[i] * (1.0 - a[i]);
          }
        }
      }
      for (int o = 0; o < out; o++) {
        descend(wo, o * fanIn, rate, outIn, fanIn, dOut[o], n);
      }
      for (int j = 0; j < h; j++) {
        descend(wh, j * in, rate, x, in, dHidden[j], n);
      }
      if (bias) {
        for (int o = 0; o < out; o++) {
          bo[o] -= rate * sum(dOut[o], n);
        }
        for (int j = 0; j < h; j++) {
          bh[j] -= rate * sum(dHidden[j], n);
        }
      }
    }
    return gate.finish(k, error(net, xData, tData, n));
  }

  /** The columns of a column-major n x m matrix as m arrays (so inner loops index every array by the row alone). */
  private static double[][] columns(double[] data, int n, int m) {
    double[][] c = new double[m][];
    for (int q = 0; q < m; q++) {
      c[q] = java.util.Arrays.copyOfRange(data, q * n, (q + 1) * n);
    }
    return c;
  }

  /**
   * Turns the output units' pre-activations in {@code d} (without bias) into deltas (O - T) s'(z), in place, and
   * returns the sum of squared differences, summed row by row and within a row output by output (the order of the
   * kernel's per-row loop).
   */
  private static double outputDeltas(double[][] d, double[][] t, boolean bias, double[] bo, double[][] sq, int n) {
    final int out = d.length;
    double sse = 0.0;
    if (out == 1) {
      double[] z = d[0];
      double[] target = t[0];
      FastSigmoid.apply(z, 0, n, bias ? bo[0] : 0.0);
      for (int i = 0; i < n; i++) {
        double a = z[i];
        double diff = a - target[i];
        sse += diff * diff;
        z[i] = diff * a * (1.0 - a);
      }
      return sse;
    }
    for (int o = 0; o < out; o++) {
      FastSigmoid.outputDeltas(d[o], 0, n, bias ? bo[o] : 0.0, t[o], 0, sq[o], 0);
    }
    for (int i = 0; i < n; i++) {
      for (int o = 0; o < out; o++) {
        sse += sq[o][i];
      }
    }
    return sse;
  }

  /**
   * dst[i] = sum over q < m of src[q][i] * w[w0 + q*ws], for every row i < n: each sum starts at 0.0 and adds its
   * terms in q order, like a matrix product's inner loop; up to four terms per pass over the rows.
   */
  private static void combine(double[] dst, double[][] src, int m, double[] w, int w0, int ws, int n) {
    if (m == 0) {
      java.util.Arrays.fill(dst, 0, n, 0.0);
      return;
    }
    int q;
    switch (m) {
      case 1: {
        double[] s0 = src[0];
        double a = w[w0];
        for (int i = 0; i < n; i++) {
          dst[i] = 0.0 + s0[i] * a;
        }
        return;
      }
      case 2: {
        double[] s0 = src[0];
        double[] s1 = src[1];
        double a = w[w0];
        double b = w[w0 + ws];
        for (int i = 0; i < n; i++) {
          dst[i] = 0.0 + s0[i] * a + s1[i] * b;
        }
        return;
      }
      case 3: {
        double[] s0 = src[0];
        double[] s1 = src[1];
        double[] s2 = src[2];
        double a = w[w0];
        double b = w[w0 + ws];
        double c = w[w0 + 2 * ws];
        for (int i = 0; i < n; i++) {
          dst[i] = 0.0 + s0[i] * a + s1[i] * b + s2[i] * c;
        }
        return;
      }
      default: {
        double[] s0 = src[0];
        double[] s1 = src[1];
        double[] s2 = src[2];
        double[] s3 = src[3];
        double a = w[w0];
        double b = w[w0 + ws];
        double c = w[w0 + 2 * ws];
        double d = w[w0 + 3 * ws];
        for (int i = 0; i < n; i++) {
          dst[i] = 0.0 + s0[i] * a + s1[i] * b + s2[i] * c + s3[i] * d;
        }
        q = 4;
      }
    }
    for (; q + 2 <= m; q += 2) {
      double[] s0 = src[q];
      double[] s1 = src[q + 1];
      double a = w[w0 + q * ws];
      double b = w[w0 + (q + 1) * ws];
      for (int i = 0; i < n; i++) {
        dst[i] = dst[i] + s0[i] * a + s1[i] * b;
      }
    }
    if (q < m) {
      double[] s0 = src[q];
      double a = w[w0 + q * ws];
      for (int i = 0; i < n; i++) {
        dst[i] += s0[i] * a;
      }
    }
  }

  /**
   * w[w0 + q] -= rate * (sum over rows i of src[q][i] * d[i]) for q < m: gradient descent on one column of a weight
   * matrix, each gradient summed from 0.0 in row order (like the product src^T d); up to four gradients per pass.
   */
  private static void descend(double[] w, int w0, double rate, double[][] src, int m, double[] d, int n) {
    int q = 0;
    for (; q + 4 <= m; q += 4) {
      double[] s0 = src[q];
      double[] s1 = src[q + 1];
      double[] s2 = src[q + 2];
      double[] s3 = src[q + 3];
      double g0 = 0.0;
      double g1 = 0.0;
      double g2 = 0.0;
      double g3 = 0.0;
      for (int i = 0; i < n; i++) {
        double di = d[i];
        g0 += s0[i] * di;
        g1 += s1[i] * di;
        g2 += s2[i] * di;
        g3 += s3[i] * di;
      }
      w[w0 + q] -= rate * g0;
      w[w0 + q + 1] -= rate * g1;
      w[w0 + q + 2] -= rate * g2;
      w[w0 + q + 3] -= rate * g3;
    }
    switch (m - q) {
      case 3: {
        double[] s0 = src[q];
        double[] s1 = src[q + 1];
        double[] s2 = src[q + 2];
        double g0 = 0.0;
        double g1 = 0.0;
        double g2 = 0.0;
        for (int i = 0; i < n; i++) {
          double di = d[i];
          g0 += s0[i] * di;
          g1 += s1[i] * di;
          g2 += s2[i] * di;
        }
        w[w0 + q] -= rate * g0;
        w[w0 + q + 1] -= rate * g1;
        w[w0 + q + 2] -= rate * g2;
        break;
      }
      case 2: {
        double[] s0 = src[q];
        double[] s1 = src[q + 1];
        double g0 = 0.0;
        double g1 = 0.0;
        for (int i = 0; i < n; i++) {
          double di = d[i];
          g0 += s0[i] * di;
          g1 += s1[i] * di;
        }
        w[w0 + q] -= rate * g0;
        w[w0 + q + 1] -= rate * g1;
        break;
      }
      case 1: {
        double[] s0 = src[q];
        double g0 = 0.0;
        for (int i = 0; i < n; i++) {
          g0 += s0[i] * d[i];
        }
        w[w0 + q] -= rate * g0;
        break;
      }
      default:
        break;
    }
  }

  private static double sum(double[] v, int n) {
    double s = 0.0;
    for (int i = 0; i < n; i++) {
      s += v[i];
    }
    return s;
  }

  /** E = 1/2 sum((O - T)^2) of the network's current weights, without allocating Breeze temporaries per sample. */
  static double error(Network net, double[] x, double[] t, int n) {
    int in = net.inputs();
    int out = net.outputs();
    boolean hiddenLayer = net.shape().hasHidden();
    int h = net.hiddenUnits();
    int width = hiddenLayer ? h : in;
    double[] wh = Matrices.data(net.wHidden);
    double[] bh = Matrices.data(net.bHidden);
    double[] wo = Matrices.data(net.wOut);
    double[] bo = Matrices.data(net.bOut);
    double[] hidden = new double[Math.max(h, 1)];
    double sse = 0.0;
    for (int i = 0; i < n; i++) {
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
