package nnsweep.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FastSigmoid} in SIMD lanes (jdk.incubator.vector): each lane runs exactly the scalar version's operations,
 * so the bits are the same. Loaded only when the JVM has the incubator module.
 */
final class VectorSigmoid {
  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
  /**
   * The longs of the same shape. The reinterpretations name both species as constants: {@code reinterpretAsLongs()}
   * and {@code reinterpretAsDoubles()} look the other species up, and where C2 inlines this deep inside a big
   * compilation (the lockstep kernel's row loop) that lookup did not always fold, the intrinsic failed and every
   * sigmoid went through the API's Java fallback: the tutorial grid's train stage ran 2x slower in some JVMs.
   */
  private static final VectorSpecies<Long> LONGS = SPECIES.withLanes(long.class);
  private static final DoubleVector MIN_ARG = DoubleVector.broadcast(SPECIES, FastSigmoid.MIN_ARG);
  private static final DoubleVector MAX_ARG = DoubleVector.broadcast(SPECIES, FastSigmoid.MAX_ARG);

  private VectorSigmoid() {}

  static void apply(double[] z, int from, int to, double b) {
    int i = from;
    int bound = from + SPECIES.loopBound(to - from);
    for (; i < bound; i += SPECIES.length()) {
      s(DoubleVector.fromArray(SPECIES, z, i).add(b)).intoArray(z, i);
    }
    FastSigmoid.applyScalar(z, i, to, b);
  }

  /** {@link FastSigmoid#outputDeltas} in SIMD lanes: per lane the scalar version's operations. */
  static void outputDeltas(double[] z, int from, int n, double b, double[] t, int tc, double[] sq, int sf) {
    int i = 0;
    int bound = SPECIES.loopBound(n);
    for (; i < bound; i += SPECIES.length()) {
      DoubleVector a = s(DoubleVector.fromArray(SPECIES, z, from + i).add(b));
      DoubleVector diff = a.sub(DoubleVector.fromArray(SPECIES, t, tc + i));
      diff.mul(diff).intoArray(sq, sf + i);
      diff.mul(a).mul(DoubleVector.broadcast(SPECIES, 1.0).sub(a)).intoArray(z, from + i);
    }
    FastSigmoid.outputDeltasScalar(z, from, i, n, b, t, tc, sq, sf);
  }

  /**
   * z[l] = s(z[l]) for l < lanes: {@link LockstepTrainer}'s lanes, in a loop of its own, so that its JIT profile (a
   * few vectors a call) is not mixed with that of the row loops of {@link #apply}.
   */
  static void lanes(double[] z, int lanes) {
    int l = 0;
    int bound = SPECIES.loopBound(lanes);
    for (; l < bound; l += SPECIES.length()) {
      s(DoubleVector.fromArray(SPECIES, z, l)).intoArray(z, l);
    }
    FastSigmoid.applyScalar(z, l, lanes, 0.0);
  }

  /**
   * s(z) per lane: {@link FastSigmoid#s}'s operations, two of them written otherwise for the same values: the clamp
   * as compares and blends (Java's {@code max}/{@code min} on vectors compile to longer sequences that also order
   * -0.0 and NaN, which the clamp's bounds never meet; a NaN fails both compares and stays NaN), and k + 1023 as one
   * integer subtraction (exact). About 15% fewer cycles a sigmoid than {@code max}/{@code min}; FastSigmoidTest
   * holds the bits to the scalar loop's.
   */
  private static DoubleVector s(DoubleVector z) {
    DoubleVector x = z.neg();
    x = x.blend(MIN_ARG, x.lt(MIN_ARG)).blend(MAX_ARG, MAX_ARG.lt(x));
    DoubleVector t = x.mul(FastSigmoid.LOG2E).add(FastSigmoid.ROUND);
    DoubleVector kd = t.sub(FastSigmoid.ROUND);
    LongVector biased = ((LongVector) t.reinterpretShape(LONGS, 0)).sub(FastSigmoid.ROUND_BITS - 1023);
    DoubleVector r = kd.lanewise(VectorOperators.FMA, -FastSigmoid.LN2_HI, x);
    r = kd.lanewise(VectorOperators.FMA, -FastSigmoid.LN2_LO, r);
    DoubleVector p = DoubleVector.broadcast(SPECIES, FastSigmoid.C[13]);
    for (int c = 12; c >= 0; c--) {
      p = p.lanewise(VectorOperators.FMA, r, DoubleVector.broadcast(SPECIES, FastSigmoid.C[c]));
    }
    DoubleVector e = p.mul((DoubleVector) biased.lanewise(VectorOperators.LSHL, 52).reinterpretShape(SPECIES, 0));
    DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
    return one.div(one.add(e));
  }
}
