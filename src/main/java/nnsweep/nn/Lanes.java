package nnsweep.nn;

/**
 * The loops of {@link LockstepTrainer}: each one step of the arithmetic over the lanes (one lane per network), every
 * array indexed by the lane alone and one array stored into, the kind of loop HotSpot's C2 vectorises by itself.
 *
 * <p>A lane array holds one value per network; sums of terms are taken as strided runs of lane arrays ({@code u[u0],
 * u[u0 + us], ...}) or of data values ({@code c[c0], c[c0 + cs], ...}), up to four terms per pass. Every sum adds its
 * terms in order to a start, {@code start[l] + t0 + t1 + ...}: a running sum's own array, or for a sum from scratch
 * an array of zeros (0.0 + t has the bits of t). The sums on every row and every epoch (the pre-activations, and the
 * update when the data is one block of rows) have their own loops from a literal 0.0 instead ({@code start} null):
 * reading an array of zeros there, or testing for null inside a shared loop, measured slower (docs/benchmarks.md).
 */
final class Lanes {
  private Lanes() {}

  /**
   * z = s(z) = 1.0 / (1.0 + e^-z), e^x from {@link FastSigmoid}: in SIMD lanes of the machine's width ({@link
   * VectorSigmoid}), each lane with the scalar version's bits, so the result does not depend on the vector width.
   */
  static void sigmoid(double[] z, int lanes) {
    FastSigmoid.applyLanes(z, lanes);
  }

  /** z += b. */
  static void add(double[] z, double[] b, int lanes) {
    for (int l = 0; l < lanes; l++) {
      z[l] += b[l];
    }
  }

  /**
   * An output unit's zOut becomes its deltaOut: out = s(zOut), E += (out - target)^2 (into the lane's sum {@code sse}),
   * deltaOut = (out - target) out (1 - out).
   */
  static void outputDelta(double[] z, double target, double[] sse, int lanes) {
    sigmoid(z, lanes);
    for (int l = 0; l < lanes; l++) {
      double out = z[l];
      double diff = out - target;
      sse[l] += diff * diff;
      z[l] = diff * out * (1.0 - out);
    }
  }

  /**
   * A hidden unit's delta for one row: d = (0.0 + deltaOut_0 wo_0 + deltaOut_1 wo_1 + ...) hidden (1 - hidden), the
   * sum over the outputs in order ({@code deltaOut[d0 + o]}, {@code wo[w0 + o ws]}); one loop for one or two outputs.
   */
  static void backPropagate(double[] d, double[][] deltaOut, int d0, double[][] wo, int w0, int ws, int out,
      double[] hidden, int lanes) {
    switch (out) {
      case 1: {
        double[] x0 = deltaOut[d0];
        double[] y0 = wo[w0];
        for (int l = 0; l < lanes; l++) {
          d[l] = (0.0 + x0[l] * y0[l]) * hidden[l] * (1.0 - hidden[l]);
        }
        return;
      }
      case 2: {
        double[] x0 = deltaOut[d0];
        double[] y0 = wo[w0];
        double[] x1 = deltaOut[d0 + 1];
        double[] y1 = wo[w0 + ws];
        for (int l = 0; l < lanes; l++) {
          d[l] = (0.0 + x0[l] * y0[l] + x1[l] * y1[l]) * hidden[l] * (1.0 - hidden[l]);
        }
        return;
      }
      default:
        dotLanes(d, null, deltaOut, d0, 1, wo, w0, ws, out, lanes);
        for (int l = 0; l < lanes; l++) {
          d[l] = d[l] * hidden[l] * (1.0 - hidden[l]);
        }
    }
  }

  /**
   * z = start + c[c0] u[u0] + c[c0 + cs] u[u0 + us] + ... (m terms): data values times lane arrays ({@code start}
   * null: from 0.0).
   */
  static void dotScalars(double[] z, double[] start, double[] c, int c0, int cs, double[][] u, int u0, int us, int m,
      int lanes) {
    if (start == null) {
      scalarTermsFromZero(z, c, c0, cs, u, u0, us, Math.min(4, m), lanes);
    } else {
      scalarTerms(z, start, c, c0, cs, u, u0, us, Math.min(4, m), lanes);
    }
    for (int q = 4; q < m; q += 4) {
      scalarTerms(z, z, c, c0 + q * cs, cs, u, u0 + q * us, us, Math.min(4, m - q), lanes);
    }
  }

  /** z = from + up to four terms, one loop. */
  private static void scalarTerms(double[] z, double[] from, double[] c, int ci, int cs, double[][] u, int ui, int us,
      int terms, int lanes) {
    switch (terms) {
      case 1: {
        double k0 = c[ci];
        double[] u0l = u[ui];
        for (int l = 0; l < lanes; l++) {
          z[l] = from[l] + k0 * u0l[l];
        }
        break;
      }
      case 2: {
        double k0 = c[ci];
        double k1 = c[ci + cs];
        double[] u0l = u[ui];
        double[] u1l = u[ui + us];
        for (int l = 0; l < lanes; l++) {
          z[l] = from[l] + k0 * u0l[l] + k1 * u1l[l];
        }
        break;
      }
      case 3: {
        double k0 = c[ci];
        double k1 = c[ci + cs];
        double k2 = c[ci + 2 * cs];
        double[] u0l = u[ui];
        double[] u1l = u[ui + us];
        double[] u2l = u[ui + 2 * us];
        for (int l = 0; l < lanes; l++) {
          z[l] = from[l] + k0 * u0l[l] + k1 * u1l[l] + k2 * u2l[l];
        }
        break;
      }
      default: {
        double k0 = c[ci];
        double k1 = c[ci + cs];
        double k2 = c[ci + 2 * cs];
        double k3 = c[ci + 3 * cs];
        double[] u0l = u[ui];
        double[] u1l = u[ui + us];
        double[] u2l = u[ui + 2 * us];
        double[] u3l = u[ui + 3 * us];
        for (int l = 0; l < lanes; l++) {
          z[l] = from[l] + k0 * u0l[l] + k1 * u1l[l] + k2 * u2l[l] + k3 * u3l[l];
        }
      }
    }
  }

  /** z = 0.0 + up to four terms, one loop. */
  private static void scalarTermsFromZero(double[] z, double[] c, int ci, int cs, double[][] u, int ui, int us,
      int terms, int lanes) {
    switch (terms) {
      case 1: {
        double k0 = c[ci];
        double[] u0l = u[ui];
        for (int l = 0; l < lanes; l++) {
          z[l] = 0.0 + k0 * u0l[l];
        }
        break;
      }
      case 2: {
        double k0 = c[ci];
        double k1 = c[ci + cs];
        double[] u0l = u[ui];
        double[] u1l = u[ui + us];
        for (int l = 0; l < lanes; l++) {
          z[l] = 0.0 + k0 * u0l[l] + k1 * u1l[l];
        }
        break;
      }
      case 3: {
        double k0 = c[ci];
        double k1 = c[ci + cs];
        double k2 = c[ci + 2 * cs];
        double[] u0l = u[ui];
        double[] u1l = u[ui + us];
        double[] u2l = u[ui + 2 * us];
        for (int l = 0; l < lanes; l++) {
          z[l] = 0.0 + k0 * u0l[l] + k1 * u1l[l] + k2 * u2l[l];
        }
        break;
      }
      default: {
        double k0 = c[ci];
        double k1 = c[ci + cs];
        double k2 = c[ci + 2 * cs];
        double k3 = c[ci + 3 * cs];
        double[] u0l = u[ui];
        double[] u1l = u[ui + us];
        double[] u2l = u[ui + 2 * us];
        double[] u3l = u[ui + 3 * us];
        for (int l = 0; l < lanes; l++) {
          z[l] = 0.0 + k0 * u0l[l] + k1 * u1l[l] + k2 * u2l[l] + k3 * u3l[l];
        }
      }
    }
  }

  /**
   * z = start + a[a0] b[b0] + a[a0 + as] b[b0 + bs] + ... (m terms): lane arrays times lane arrays ({@code start}
   * null: from 0.0).
   */
  static void dotLanes(double[] z, double[] start, double[][] a, int a0, int as, double[][] b, int b0, int bs, int m,
      int lanes) {
    if (start == null) {
      laneTermsFromZero(z, a, a0, as, b, b0, bs, Math.min(4, m), lanes);
    } else {
      laneTerms(z, start, a, a0, as, b, b0, bs, Math.min(4, m), lanes);
    }
    for (int q = 4; q < m; q += 4) {
      laneTerms(z, z, a, a0 + q * as, as, b, b0 + q * bs, bs, Math.min(4, m - q), lanes);
    }
  }

  /** z = from + up to four terms, one loop. */
  private static void laneTerms(double[] z, double[] from, double[][] a, int ai, int as, double[][] b, int bi, int bs,
      int terms, int lanes) {
    switch (terms) {
      case 1: {
        double[] x0 = a[ai];
        double[] y0 = b[bi];
        for (int l = 0; l < lanes; l++) {
          z[l] = from[l] + x0[l] * y0[l];
        }
        break;
      }
      case 2: {
        double[] x0 = a[ai];
        double[] y0 = b[bi];
        double[] x1 = a[ai + as];
        double[] y1 = b[bi + bs];
        for (int l = 0; l < lanes; l++) {
          z[l] = from[l] + x0[l] * y0[l] + x1[l] * y1[l];
        }
        break;
      }
      case 3: {
        double[] x0 = a[ai];
        double[] y0 = b[bi];
        double[] x1 = a[ai + as];
        double[] y1 = b[bi + bs];
        double[] x2 = a[ai + 2 * as];
        double[] y2 = b[bi + 2 * bs];
        for (int l = 0; l < lanes; l++) {
          z[l] = from[l] + x0[l] * y0[l] + x1[l] * y1[l] + x2[l] * y2[l];
        }
        break;
      }
      default: {
        double[] x0 = a[ai];
        double[] y0 = b[bi];
        double[] x1 = a[ai + as];
        double[] y1 = b[bi + bs];
        double[] x2 = a[ai + 2 * as];
        double[] y2 = b[bi + 2 * bs];
        double[] x3 = a[ai + 3 * as];
        double[] y3 = b[bi + 3 * bs];
        for (int l = 0; l < lanes; l++) {
          z[l] = from[l] + x0[l] * y0[l] + x1[l] * y1[l] + x2[l] * y2[l] + x3[l] * y3[l];
        }
      }
    }
  }

  /** z = 0.0 + up to four terms, one loop. */
  private static void laneTermsFromZero(double[] z, double[][] a, int ai, int as, double[][] b, int bi, int bs,
      int terms, int lanes) {
    switch (terms) {
      case 1: {
        double[] x0 = a[ai];
        double[] y0 = b[bi];
        for (int l = 0; l < lanes; l++) {
          z[l] = 0.0 + x0[l] * y0[l];
        }
        break;
      }
      case 2: {
        double[] x0 = a[ai];
        double[] y0 = b[bi];
        double[] x1 = a[ai + as];
        double[] y1 = b[bi + bs];
        for (int l = 0; l < lanes; l++) {
          z[l] = 0.0 + x0[l] * y0[l] + x1[l] * y1[l];
        }
        break;
      }
      case 3: {
        double[] x0 = a[ai];
        double[] y0 = b[bi];
        double[] x1 = a[ai + as];
        double[] y1 = b[bi + bs];
        double[] x2 = a[ai + 2 * as];
        double[] y2 = b[bi + 2 * bs];
        for (int l = 0; l < lanes; l++) {
          z[l] = 0.0 + x0[l] * y0[l] + x1[l] * y1[l] + x2[l] * y2[l];
        }
        break;
      }
      default: {
        double[] x0 = a[ai];
        double[] y0 = b[bi];
        double[] x1 = a[ai + as];
        double[] y1 = b[bi + bs];
        double[] x2 = a[ai + 2 * as];
        double[] y2 = b[bi + 2 * bs];
        double[] x3 = a[ai + 3 * as];
        double[] y3 = b[bi + 3 * bs];
        for (int l = 0; l < lanes; l++) {
          z[l] = 0.0 + x0[l] * y0[l] + x1[l] * y1[l] + x2[l] * y2[l] + x3[l] * y3[l];
        }
      }
    }
  }

  /** z = start + u[u0] + u[u0 + us] + ... (m terms). */
  static void sum(double[] z, double[] start, double[][] u, int u0, int us, int m, int lanes) {
    sumTerms(z, start, u, u0, us, Math.min(4, m), lanes);
    for (int q = 4; q < m; q += 4) {
      sumTerms(z, z, u, u0 + q * us, us, Math.min(4, m - q), lanes);
    }
  }

  /** z = from + up to four terms ({@code from} null: 0.0), one loop. */
  private static void sumTerms(double[] z, double[] from, double[][] u, int ui, int us, int terms, int lanes) {
    switch (terms) {
      case 1: {
        double[] u0l = u[ui];
        for (int l = 0; l < lanes; l++) {
          z[l] = from[l] + u0l[l];
        }
        break;
      }
      case 2: {
        double[] u0l = u[ui];
        double[] u1l = u[ui + us];
        for (int l = 0; l < lanes; l++) {
          z[l] = from[l] + u0l[l] + u1l[l];
        }
        break;
      }
      case 3: {
        double[] u0l = u[ui];
        double[] u1l = u[ui + us];
        double[] u2l = u[ui + 2 * us];
        for (int l = 0; l < lanes; l++) {
          z[l] = from[l] + u0l[l] + u1l[l] + u2l[l];
        }
        break;
      }
      default: {
        double[] u0l = u[ui];
        double[] u1l = u[ui + us];
        double[] u2l = u[ui + 2 * us];
        double[] u3l = u[ui + 3 * us];
        for (int l = 0; l < lanes; l++) {
          z[l] = from[l] + u0l[l] + u1l[l] + u2l[l] + u3l[l];
        }
      }
    }
  }

  /**
   * w -= rate (g + c[c0] u[u0] + c[c0 + cs] u[u0 + us] + ...), up to four terms: a gradient step whose gradient is
   * the running sum g (null: 0.0, when the data is one block of rows) plus the last block's terms (data values times
   * lane arrays), added in the same loop.
   */
  static void descendScalars(double[] w, double[] rate, double[] g, double[] c, int c0, int cs, double[][] u, int u0,
      int us, int terms, int lanes) {
    if (g == null) {
      descendScalarsFromZero(w, rate, c, c0, cs, u, u0, us, terms, lanes);
      return;
    }
    switch (terms) {
      case 1: {
        double k0 = c[c0];
        double[] u0l = u[u0];
        for (int l = 0; l < lanes; l++) {
          w[l] = w[l] - rate[l] * (g[l] + k0 * u0l[l]);
        }
        return;
      }
      case 2: {
        double k0 = c[c0];
        double k1 = c[c0 + cs];
        double[] u0l = u[u0];
        double[] u1l = u[u0 + us];
        for (int l = 0; l < lanes; l++) {
          w[l] = w[l] - rate[l] * (g[l] + k0 * u0l[l] + k1 * u1l[l]);
        }
        return;
      }
      case 3: {
        double k0 = c[c0];
        double k1 = c[c0 + cs];
        double k2 = c[c0 + 2 * cs];
        double[] u0l = u[u0];
        double[] u1l = u[u0 + us];
        double[] u2l = u[u0 + 2 * us];
        for (int l = 0; l < lanes; l++) {
          w[l] = w[l] - rate[l] * (g[l] + k0 * u0l[l] + k1 * u1l[l] + k2 * u2l[l]);
        }
        return;
      }
      default: {
        double k0 = c[c0];
        double k1 = c[c0 + cs];
        double k2 = c[c0 + 2 * cs];
        double k3 = c[c0 + 3 * cs];
        double[] u0l = u[u0];
        double[] u1l = u[u0 + us];
        double[] u2l = u[u0 + 2 * us];
        double[] u3l = u[u0 + 3 * us];
        for (int l = 0; l < lanes; l++) {
          w[l] = w[l] - rate[l] * (g[l] + k0 * u0l[l] + k1 * u1l[l] + k2 * u2l[l] + k3 * u3l[l]);
        }
      }
    }
  }

  /** w -= rate (0.0 + up to four terms): {@link #descendScalars} without sums before the last block. */
  private static void descendScalarsFromZero(double[] w, double[] rate, double[] c, int c0, int cs, double[][] u,
      int u0, int us, int terms, int lanes) {
    switch (terms) {
      case 1: {
        double k0 = c[c0];
        double[] u0l = u[u0];
        for (int l = 0; l < lanes; l++) {
          w[l] = w[l] - rate[l] * (0.0 + k0 * u0l[l]);
        }
        return;
      }
      case 2: {
        double k0 = c[c0];
        double k1 = c[c0 + cs];
        double[] u0l = u[u0];
        double[] u1l = u[u0 + us];
        for (int l = 0; l < lanes; l++) {
          w[l] = w[l] - rate[l] * (0.0 + k0 * u0l[l] + k1 * u1l[l]);
        }
        return;
      }
      case 3: {
        double k0 = c[c0];
        double k1 = c[c0 + cs];
        double k2 = c[c0 + 2 * cs];
        double[] u0l = u[u0];
        double[] u1l = u[u0 + us];
        double[] u2l = u[u0 + 2 * us];
        for (int l = 0; l < lanes; l++) {
          w[l] = w[l] - rate[l] * (0.0 + k0 * u0l[l] + k1 * u1l[l] + k2 * u2l[l]);
        }
        return;
      }
      default: {
        double k0 = c[c0];
        double k1 = c[c0 + cs];
        double k2 = c[c0 + 2 * cs];
        double k3 = c[c0 + 3 * cs];
        double[] u0l = u[u0];
        double[] u1l = u[u0 + us];
        double[] u2l = u[u0 + 2 * us];
        double[] u3l = u[u0 + 3 * us];
        for (int l = 0; l < lanes; l++) {
          w[l] = w[l] - rate[l] * (0.0 + k0 * u0l[l] + k1 * u1l[l] + k2 * u2l[l] + k3 * u3l[l]);
        }
      }
    }
  }

  /**
   * w -= rate (g + a[a0] b[b0] + a[a0 + as] b[b0 + bs] + ...), up to four terms: as {@link #descendScalars} with
   * lane arrays times lane arrays.
   */
  static void descendLanes(double[] w, double[] rate, double[] g, double[][] a, int a0, int as, double[][] b, int b0,
      int bs, int terms, int lanes) {
    switch (terms) {
      case 1: {
        double[] x0 = a[a0];
        double[] y0 = b[b0];
        for (int l = 0; l < lanes; l++) {
          w[l] = w[l] - rate[l] * (g[l] + x0[l] * y0[l]);
        }
        return;
      }
      case 2: {
        double[] x0 = a[a0];
        double[] y0 = b[b0];
        double[] x1 = a[a0 + as];
        double[] y1 = b[b0 + bs];
        for (int l = 0; l < lanes; l++) {
          w[l] = w[l] - rate[l] * (g[l] + x0[l] * y0[l] + x1[l] * y1[l]);
        }
        return;
      }
      case 3: {
        double[] x0 = a[a0];
        double[] y0 = b[b0];
        double[] x1 = a[a0 + as];
        double[] y1 = b[b0 + bs];
        double[] x2 = a[a0 + 2 * as];
        double[] y2 = b[b0 + 2 * bs];
        for (int l = 0; l < lanes; l++) {
          w[l] = w[l] - rate[l] * (g[l] + x0[l] * y0[l] + x1[l] * y1[l] + x2[l] * y2[l]);
        }
        return;
      }
      default: {
        double[] x0 = a[a0];
        double[] y0 = b[b0];
        double[] x1 = a[a0 + as];
        double[] y1 = b[b0 + bs];
        double[] x2 = a[a0 + 2 * as];
        double[] y2 = b[b0 + 2 * bs];
        double[] x3 = a[a0 + 3 * as];
        double[] y3 = b[b0 + 3 * bs];
        for (int l = 0; l < lanes; l++) {
          w[l] = w[l]
              - rate[l] * (g[l] + x0[l] * y0[l] + x1[l] * y1[l] + x2[l] * y2[l] + x3[l] * y3[l]);
        }
      }
    }
  }

  /**
   * b -= rate (g + u[u0] + u[u0 + us] + ...), up to four terms: the bias step, as {@link #descendScalars}. Kept apart
   * from {@link #descendLanes} times an array of ones (the same bits): that fold measured slower on 4-row networks
   * with bias (docs/benchmarks.md, "Folding Lanes' bias loops").
   */
  static void descendSum(double[] b, double[] rate, double[] g, double[][] u, int u0, int us, int terms, int lanes) {
    switch (terms) {
      case 1: {
        double[] u0l = u[u0];
        for (int l = 0; l < lanes; l++) {
          b[l] = b[l] - rate[l] * (g[l] + u0l[l]);
        }
        return;
      }
      case 2: {
        double[] u0l = u[u0];
        double[] u1l = u[u0 + us];
        for (int l = 0; l < lanes; l++) {
          b[l] = b[l] - rate[l] * (g[l] + u0l[l] + u1l[l]);
        }
        return;
      }
      case 3: {
        double[] u0l = u[u0];
        double[] u1l = u[u0 + us];
        double[] u2l = u[u0 + 2 * us];
        for (int l = 0; l < lanes; l++) {
          b[l] = b[l] - rate[l] * (g[l] + u0l[l] + u1l[l] + u2l[l]);
        }
        return;
      }
      default: {
        double[] u0l = u[u0];
        double[] u1l = u[u0 + us];
        double[] u2l = u[u0 + 2 * us];
        double[] u3l = u[u0 + 3 * us];
        for (int l = 0; l < lanes; l++) {
          b[l] = b[l] - rate[l] * (g[l] + u0l[l] + u1l[l] + u2l[l] + u3l[l]);
        }
      }
    }
  }
}
