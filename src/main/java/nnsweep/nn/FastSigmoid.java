package nnsweep.nn;

/**
 * The sigmoid s(z) = 1 / (1 + e^-z) of every training kernel ({@link GemmTrainer}, {@link LockstepTrainer} across
 * networks, {@link FusedTrainer}), over whole arrays: one SIMD pass instead of one {@code Math.exp} call per unit.
 *
 * <p>Why not {@code Math.exp}: it is a scalar call, and on a real dataset the sigmoids are about a fifth of an epoch's
 * work. Here e^x is built from IEEE-754 operations only (range reduction x = k ln2 + r with |r| <= ln2 / 2, a degree
 * 13 Taylor polynomial in r evaluated by fused multiply-adds, then 2^k from the exponent bits): within 1 ulp of the
 * true value, and the same bits whether a value is computed in a SIMD lane ({@link VectorSigmoid}, when the JVM has
 * {@code jdk.incubator.vector}) or by the scalar loop here. So a network's numbers do not depend on the machine's
 * vector width or on whether the incubator module is present. The argument is clamped to [-708, 709], where e^x stays
 * normal and finite; s(z) there is within 1e-307 of 0 or 1, and NaN stays NaN.
 */
public final class FastSigmoid {
  static final double LOG2E = 1.4426950408889634;
  /** 1.5 x 2^52: adding it rounds to an integer, held in the low bits of the sum's mantissa. */
  static final double ROUND = 0x1.8p52;
  static final long ROUND_BITS = Double.doubleToRawLongBits(ROUND);
  static final double LN2_HI = 6.93147180369123816490e-01;
  static final double LN2_LO = 1.90821492927058770002e-10;
  static final double MIN_ARG = -708.0;
  static final double MAX_ARG = 709.0;
  /** 1 / i! for i = 0..13, the Taylor coefficients of e^r. */
  static final double[] C = taylor(13);
  private static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  private FastSigmoid() {}

  /** Whether the SIMD version runs in this JVM ({@code --add-modules jdk.incubator.vector}); same bits either way. */
  public static boolean vectorised() {
    return VECTOR;
  }

  /** z[i] = s(z[i] + b) for from <= i < to. */
  public static void apply(double[] z, int from, int to, double b) {
    if (VECTOR) {
      VectorSigmoid.apply(z, from, to, b);
    } else {
      applyScalar(z, from, to, b);
    }
  }

  /**
   * z[l] = s(z[l]) for l < lanes, the same bits as {@link #apply} with b = 0: {@link LockstepTrainer}'s lanes, a SIMD
   * loop of its own (see {@link VectorSigmoid#lanes}).
   */
  static void applyLanes(double[] z, int lanes) {
    if (VECTOR) {
      VectorSigmoid.lanes(z, lanes);
    } else {
      applyScalar(z, 0, lanes, 0.0);
    }
  }

  /**
   * The output layer's element-wise work in one pass over z[from .. from+n): a = s(z + b), then z := deltaOut = (a - T)
   * a (1 - a) and sq[sf + i] := (a - T)^2, with T = t[tc + i]: the output layer of {@link GemmTrainer} and of {@link
   * FusedTrainer} (several outputs). Each element gets exactly the operations of {@link #apply} followed by those of
   * a separate deltas pass, so the bits are the two passes'; z is read and written once instead of twice.
   */
  static void outputDeltas(double[] z, int from, int n, double b, double[] t, int tc, double[] sq, int sf) {
    if (VECTOR) {
      VectorSigmoid.outputDeltas(z, from, n, b, t, tc, sq, sf);
    } else {
      outputDeltasScalar(z, from, 0, n, b, t, tc, sq, sf);
    }
  }

  /** {@link #outputDeltas} for rows i0 .. n, also the tail of the vector loop. */
  static void outputDeltasScalar(double[] z, int from, int i0, int n, double b, double[] t, int tc, double[] sq,
      int sf) {
    for (int i = i0; i < n; i++) {
      double a = s(z[from + i] + b);
      double diff = a - t[tc + i];
      sq[sf + i] = diff * diff;
      z[from + i] = diff * a * (1.0 - a);
    }
  }

  /** The scalar loop, also the tail of the vector one. */
  static void applyScalar(double[] z, int from, int to, double b) {
    for (int i = from; i < to; i++) {
      z[i] = s(z[i] + b);
    }
  }

  /** s(z) through {@link #exp}. */
  public static double s(double z) {
    return 1.0 / (1.0 + exp(-z));
  }

  /** e^x within 1 ulp, x clamped to [-708, 709]; the operation sequence {@link VectorSigmoid} repeats per lane. */
  public static double exp(double x) {
    x = Math.min(MAX_ARG, Math.max(MIN_ARG, x));
    double t = x * LOG2E + ROUND;
    double kd = t - ROUND;
    long k = Double.doubleToRawLongBits(t) - ROUND_BITS;
    double r = Math.fma(kd, -LN2_HI, x);
    r = Math.fma(kd, -LN2_LO, r);
    double p = C[13];
    for (int i = 12; i >= 0; i--) {
      p = Math.fma(p, r, C[i]);
    }
    return p * Double.longBitsToDouble((k + 1023) << 52);
  }

  private static double[] taylor(int degree) {
    double[] c = new double[degree + 1];
    double factorial = 1.0;
    for (int i = 0; i <= degree; i++) {
      factorial *= Math.max(1, i);
      c[i] = 1.0 / factorial;
    }
    return c;
  }
}
