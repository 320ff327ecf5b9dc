import java.util.Random;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * What HotSpot's C2 makes of the SIMD sigmoid and of the column sums, timed alone (docs/benchmarks.md, "Column sums
 * in lanes, and what the JIT makes of the sigmoid"). Self-contained: copies of VectorSigmoid's loop and of
 * ColumnSums.sum, and the variants tried against them. Run each variant in its own JVM:
 *
 * <pre>
 * java --add-modules jdk.incubator.vector bench/SigmoidJit.java sigmoid V   (V: 0 as is, 1 two vectors an iteration,
 *      2 the exponential without the division, 3 Estrin's scheme, 4 the division alone, 5 no negation)
 * java --add-modules jdk.incubator.vector bench/SigmoidJit.java fma          (8 independent zmm FMA chains: the core's FMA rate)
 * java --add-modules jdk.incubator.vector bench/SigmoidJit.java sums N COLS (ColumnSums.sum column by column vs four columns in lanes)
 * </pre>
 */
public class SigmoidJit {
  public static void main(String[] a) {
    switch (a[0]) {
      case "sigmoid" -> {
        System.setProperty("sigmoid.variant", a[1]);
        Sig.main(new String[] {a[1]});
      }
      case "fma" -> Fma.main(new String[0]);
      case "sums" -> Sums.main(new String[] {a[1], a[2]});
      default -> throw new IllegalArgumentException("sigmoid V | fma | sums N COLS, found " + a[0]);
    }
  }
}

class Sig {
  static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
  static final VectorSpecies<Long> LONGS = SPECIES.withLanes(long.class);
  static final double LOG2E = 1.4426950408889634, ROUND = 0x1.8p52;
  static final long ROUND_BITS = Double.doubleToRawLongBits(ROUND);
  static final double LN2_HI = 6.93147180369123816490e-01, LN2_LO = 1.90821492927058770002e-10;
  static final DoubleVector MIN_ARG = DoubleVector.broadcast(SPECIES, -708.0);
  static final DoubleVector MAX_ARG = DoubleVector.broadcast(SPECIES, 709.0);
  static final double[] C = new double[14];
  static { double f = 1; for (int i = 0; i <= 13; i++) { f *= Math.max(1, i); C[i] = 1.0 / f; } }

  /**
   * The variant this JVM times, a static final so that C2 folds the branches below: each variant compiles to the code
   * it would have as a method of its own, and variant 0 to VectorSigmoid's.
   */
  static final int VARIANT = Integer.getInteger("sigmoid.variant", 0);
  static final int EXP_ONLY = 2;
  static final int ESTRIN = 3;

  /** VectorSigmoid's s(z), operation for operation; variants 2 and 3 change the marked steps. */
  static DoubleVector s(DoubleVector z) {
    DoubleVector x = z.neg();
    x = x.blend(MIN_ARG, x.lt(MIN_ARG)).blend(MAX_ARG, MAX_ARG.lt(x));
    DoubleVector t = x.mul(LOG2E).add(ROUND);
    DoubleVector kd = t.sub(ROUND);
    LongVector biased = ((LongVector) t.reinterpretShape(LONGS, 0)).sub(ROUND_BITS - 1023);
    DoubleVector r = kd.lanewise(VectorOperators.FMA, -LN2_HI, x);
    r = kd.lanewise(VectorOperators.FMA, -LN2_LO, r);
    DoubleVector p;
    if (VARIANT == ESTRIN) {
      p = estrin(r);
    } else {
      p = DoubleVector.broadcast(SPECIES, C[13]);
      for (int c = 12; c >= 0; c--) p = p.lanewise(VectorOperators.FMA, r, DoubleVector.broadcast(SPECIES, C[c]));
    }
    DoubleVector e = p.mul((DoubleVector) biased.lanewise(VectorOperators.LSHL, 52).reinterpretShape(SPECIES, 0));
    if (VARIANT == EXP_ONLY) {
      return e;
    }
    DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
    return one.div(one.add(e));
  }

  static DoubleVector estrin(DoubleVector r) {
    DoubleVector r2 = r.mul(r), r4 = r2.mul(r2), r8 = r4.mul(r4);
    DoubleVector q0 = r.lanewise(VectorOperators.FMA, C[1], DoubleVector.broadcast(SPECIES, C[0]));
    DoubleVector q1 = r.lanewise(VectorOperators.FMA, C[3], DoubleVector.broadcast(SPECIES, C[2]));
    DoubleVector q2 = r.lanewise(VectorOperators.FMA, C[5], DoubleVector.broadcast(SPECIES, C[4]));
    DoubleVector q3 = r.lanewise(VectorOperators.FMA, C[7], DoubleVector.broadcast(SPECIES, C[6]));
    DoubleVector q4 = r.lanewise(VectorOperators.FMA, C[9], DoubleVector.broadcast(SPECIES, C[8]));
    DoubleVector q5 = r.lanewise(VectorOperators.FMA, C[11], DoubleVector.broadcast(SPECIES, C[10]));
    DoubleVector q6 = r.lanewise(VectorOperators.FMA, C[13], DoubleVector.broadcast(SPECIES, C[12]));
    DoubleVector a0 = q1.lanewise(VectorOperators.FMA, r2, q0);
    DoubleVector a1 = q3.lanewise(VectorOperators.FMA, r2, q2);
    DoubleVector a2 = q5.lanewise(VectorOperators.FMA, r2, q4);
    DoubleVector b0 = a1.lanewise(VectorOperators.FMA, r4, a0);
    DoubleVector b1 = q6.lanewise(VectorOperators.FMA, r4, a2);
    DoubleVector p = b1.lanewise(VectorOperators.FMA, r8, b0);
    return p;
  }

  static final DoubleVector[] CV = new DoubleVector[14];
  static final double[] CN = new double[14];
  static { for (int i = 0; i < 14; i++) { CV[i] = DoubleVector.broadcast(SPECIES, C[i]); CN[i] = (i % 2 == 0) ? C[i] : -C[i]; } }
  static final DoubleVector NMIN = DoubleVector.broadcast(SPECIES, -709.0), NMAX = DoubleVector.broadcast(SPECIES, 708.0);
  // no neg: work on z with sign-flipped constants; bits identical
  static DoubleVector sNoNeg(DoubleVector z) {
    z = z.blend(NMIN, z.lt(NMIN)).blend(NMAX, NMAX.lt(z));
    DoubleVector t = z.mul(-LOG2E).add(ROUND);
    DoubleVector kd = t.sub(ROUND);
    LongVector biased = ((LongVector) t.reinterpretShape(LONGS, 0)).sub(ROUND_BITS - 1023);
    DoubleVector r = kd.lanewise(VectorOperators.FMA, LN2_HI, z);
    r = kd.lanewise(VectorOperators.FMA, LN2_LO, r);
    DoubleVector p = DoubleVector.broadcast(SPECIES, CN[13]);
    for (int c = 12; c >= 0; c--) p = p.lanewise(VectorOperators.FMA, r, DoubleVector.broadcast(SPECIES, CN[c]));
    DoubleVector e = p.mul((DoubleVector) biased.lanewise(VectorOperators.LSHL, 52).reinterpretShape(SPECIES, 0));
    DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
    return one.div(one.add(e));
  }
  static void vnn(double[] z, int n) { int L = SPECIES.length(); for (int i = 0; i < n; i += L) sNoNeg(DoubleVector.fromArray(SPECIES, z, i).add(0.25)).intoArray(z, i); }
  static double[] ref(double[] src) { double[] z = src.clone(); v0(z, z.length); return z; }
  static void v0(double[] z, int n) { int L = SPECIES.length(); for (int i = 0; i < n; i += L) s(DoubleVector.fromArray(SPECIES, z, i).add(0.25)).intoArray(z, i); }
  static void v1(double[] z, int n) { int L = SPECIES.length(); for (int i = 0; i < n; i += 2*L) {
      DoubleVector a = s(DoubleVector.fromArray(SPECIES, z, i).add(0.25));
      DoubleVector b = s(DoubleVector.fromArray(SPECIES, z, i + L).add(0.25));
      a.intoArray(z, i); b.intoArray(z, i + L); } }
  static void ve(double[] z, int n) { int L = SPECIES.length(); for (int i = 0; i < n; i += L) s(DoubleVector.fromArray(SPECIES, z, i).add(0.25)).intoArray(z, i); }
  static void vest(double[] z, int n) { int L = SPECIES.length(); for (int i = 0; i < n; i += L) s(DoubleVector.fromArray(SPECIES, z, i).add(0.25)).intoArray(z, i); }
  static void vdiv(double[] z, int n) { int L = SPECIES.length(); DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
    for (int i = 0; i < n; i += L) one.div(one.add(DoubleVector.fromArray(SPECIES, z, i))).intoArray(z, i); }

  public static void main(String[] a) {
    int n = 1024; double[] src = new double[n], z = new double[n];
    Random rnd = new Random(1); for (int i = 0; i < n; i++) src[i] = rnd.nextDouble() * 12 - 6;
    String[] names = {"v0", "v1x2", "exp-only", "estrin", "div-only", "noneg"};
    if (VARIANT == 0 || VARIANT == 5) { double[] r0 = ref(src), r1 = src.clone(); vnn(r1, n); for (int i = 0; i < n; i++) if (Double.doubleToRawLongBits(r0[i]) != Double.doubleToRawLongBits(r1[i])) { System.out.println("DIFF at " + i); break; } }
    for (int round = 0; round < 6; round++) {
      for (int k = Integer.parseInt(a[0]); k <= Integer.parseInt(a[0]); k++) {
        long reps = 0; long t0 = System.nanoTime(), t1;
        do { for (int j = 0; j < 200; j++) { System.arraycopy(src, 0, z, 0, n);
            switch (k) { case 0 -> v0(z, n); case 1 -> v1(z, n); case 2 -> ve(z, n); case 3 -> vest(z, n); case 5 -> vnn(z, n); default -> vdiv(z, n); } }
          reps += 200; t1 = System.nanoTime(); } while (t1 - t0 < 500_000_000L);
        if (round >= 2) System.out.printf("%-9s %.3f ns/value%n", names[k], (t1 - t0) / (double) (reps * n));
      }
    }
  }
}

class Fma {
  static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  static double run(long n) {
    DoubleVector a0 = DoubleVector.broadcast(S, 1.0), a1 = a0.add(1), a2 = a0.add(2), a3 = a0.add(3), a4 = a0.add(4), a5 = a0.add(5), a6 = a0.add(6), a7 = a0.add(7);
    DoubleVector m = DoubleVector.broadcast(S, 0.999999), c = DoubleVector.broadcast(S, 1e-7);
    for (long i = 0; i < n; i++) {
      a0 = a0.lanewise(VectorOperators.FMA, m, c); a1 = a1.lanewise(VectorOperators.FMA, m, c);
      a2 = a2.lanewise(VectorOperators.FMA, m, c); a3 = a3.lanewise(VectorOperators.FMA, m, c);
      a4 = a4.lanewise(VectorOperators.FMA, m, c); a5 = a5.lanewise(VectorOperators.FMA, m, c);
      a6 = a6.lanewise(VectorOperators.FMA, m, c); a7 = a7.lanewise(VectorOperators.FMA, m, c);
    }
    return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).reduceLanes(VectorOperators.ADD);
  }
  public static void main(String[] x) {
    for (int r = 0; r < 6; r++) { long n = 100_000_000L; long t0 = System.nanoTime(); double v = run(n); long t = System.nanoTime() - t0;
      System.out.printf("%d lanes: %.2f G vector-FMA/s (%.1f GFLOPS) %s%n", S.length(), n * 8.0 / t, n * 8.0 * S.length() * 2 / t, v > 0 ? "" : "x"); }
  }
}

class Sums {
  static final VectorSpecies<Double> S4 = DoubleVector.SPECIES_256;
  static double sum(double[] v, int from, int n) {
    double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0; int i = from, end = from + n;
    for (; i + 4 <= end; i += 4) { s0 += v[i]; s1 += v[i + 1]; s2 += v[i + 2]; s3 += v[i + 3]; }
    for (; i < end; i++) s0 += v[i];
    return (s0 + s1) + (s2 + s3);
  }
  static double combine(DoubleVector a, double[] tmp, int from, int i, int end, double[] v) {
    a.intoArray(tmp, 0); double s0 = tmp[0];
    for (; i < end; i++) s0 += v[i];
    return (s0 + tmp[1]) + (tmp[2] + tmp[3]);
  }
  // columns c = 0..count-1 of length n starting at from + c*n; out[c] = sum
  static void sums(double[] v, int from, int n, int count, double[] out, int outFrom) {
    double[] tmp = new double[4];
    int c = 0;
    int full = n & ~3;
    for (; c + 4 <= count; c += 4) {
      int b0 = from + c * n, b1 = b0 + n, b2 = b1 + n, b3 = b2 + n;
      DoubleVector a0 = DoubleVector.zero(S4), a1 = a0, a2 = a0, a3 = a0;
      for (int i = 0; i < full; i += 4) {
        a0 = a0.add(DoubleVector.fromArray(S4, v, b0 + i));
        a1 = a1.add(DoubleVector.fromArray(S4, v, b1 + i));
        a2 = a2.add(DoubleVector.fromArray(S4, v, b2 + i));
        a3 = a3.add(DoubleVector.fromArray(S4, v, b3 + i));
      }
      out[outFrom + c] = combine(a0, tmp, b0, b0 + full, b0 + n, v);
      out[outFrom + c + 1] = combine(a1, tmp, b1, b1 + full, b1 + n, v);
      out[outFrom + c + 2] = combine(a2, tmp, b2, b2 + full, b2 + n, v);
      out[outFrom + c + 3] = combine(a3, tmp, b3, b3 + full, b3 + n, v);
    }
    for (; c < count; c++) {
      int b0 = from + c * n;
      DoubleVector a0 = DoubleVector.zero(S4);
      for (int i = 0; i < full; i += 4) a0 = a0.add(DoubleVector.fromArray(S4, v, b0 + i));
      out[outFrom + c] = combine(a0, tmp, b0, b0 + full, b0 + n, v);
    }
  }
  public static void main(String[] a) {
    int n = Integer.parseInt(a[0]), cols = Integer.parseInt(a[1]);
    double[] v = new double[n * cols]; Random r = new Random(3); for (int i = 0; i < v.length; i++) v[i] = r.nextGaussian();
    double[] o1 = new double[cols], o2 = new double[cols];
    for (int c = 0; c < cols; c++) o1[c] = sum(v, c * n, n);
    sums(v, 0, n, cols, o2, 0);
    for (int c = 0; c < cols; c++) if (Double.doubleToRawLongBits(o1[c]) != Double.doubleToRawLongBits(o2[c])) System.out.println("DIFF " + c);
    for (int round = 0; round < 5; round++) {
      long t0 = System.nanoTime(); long reps = 0;
      while (System.nanoTime() - t0 < 400_000_000L) { for (int c = 0; c < cols; c++) o1[c] = sum(v, c * n, n); reps++; }
      double ts = (System.nanoTime() - t0) / (double) reps / cols;
      t0 = System.nanoTime(); reps = 0;
      while (System.nanoTime() - t0 < 400_000_000L) { sums(v, 0, n, cols, o2, 0); reps++; }
      double tv = (System.nanoTime() - t0) / (double) reps / cols;
      if (round >= 2) System.out.printf("n=%d cols=%d: scalar %.1f ns/column (%.1f cycles at 2.85), vector %.1f ns/column: %.2fx%n", n, cols, ts, ts * 2.85, tv, ts / tv);
    }
  }
}
