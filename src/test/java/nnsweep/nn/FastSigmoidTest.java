package nnsweep.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The portable exponential and sigmoid: accuracy, the same bits in SIMD lanes as in the scalar loop, edge cases. */
class FastSigmoidTest {

  @Test
  void expIsWithinOneUlpOfStrictMath() {
    SplittableRandom random = new SplittableRandom(1);
    double worst = 0;
    for (int i = 0; i < 2_000_000; i++) {
      double x = random.nextDouble(-708, 709);
      double expected = StrictMath.exp(x);
      worst = Math.max(worst, Math.abs(FastSigmoid.exp(x) - expected) / Math.ulp(expected));
    }
    assertTrue(worst <= 1.0, "worst error " + worst + " ulp");
    assertEquals(1.0, FastSigmoid.exp(0.0), 0.0);
  }

  @Test
  void vectorAndScalarGiveTheSameBits() {
    assertTrue(FastSigmoid.vectorised(), "tests run with --add-modules jdk.incubator.vector (pom.xml)");
    SplittableRandom random = new SplittableRandom(2);
    for (int n : new int[] {0, 1, 7, 8, 9, 31, 1000, 1797}) {
      double[] z = new double[n + 3];
      for (int i = 0; i < z.length; i++) {
        z[i] = random.nextDouble() < 0.05 ? random.nextDouble(-2000, 2000) : random.nextGaussian() * 8;
      }
      double[] vector = z.clone();
      double[] scalar = z.clone();
      FastSigmoid.apply(vector, 2, 2 + n, 0.25);
      FastSigmoid.applyScalar(scalar, 2, 2 + n, 0.25);
      for (int i = 0; i < z.length; i++) {
        assertEquals(Double.doubleToLongBits(scalar[i]), Double.doubleToLongBits(vector[i]), "n=" + n + " i=" + i);
      }
      // the lockstep kernel's own loop over lanes, with -0.0 among the values
      double[] lanes = z.clone();
      double[] lanesScalar = z.clone();
      lanes[0] = -0.0;
      lanesScalar[0] = -0.0;
      FastSigmoid.applyLanes(lanes, n + 1);
      FastSigmoid.applyScalar(lanesScalar, 0, n + 1, 0.0);
      for (int i = 0; i < z.length; i++) {
        assertEquals(Double.doubleToLongBits(lanesScalar[i]), Double.doubleToLongBits(lanes[i]), "lanes n=" + n + " i=" + i);
      }
    }
  }

  @Test
  void theFusedOutputPassGivesTheBitsOfTheSigmoidThenTheDeltas() {
    SplittableRandom random = new SplittableRandom(4);
    for (int n : new int[] {0, 1, 7, 8, 9, 31, 256, 1797}) {
      double[] z = new double[n + 5];
      double[] t = new double[n + 2];
      for (int i = 0; i < z.length; i++) {
        z[i] = random.nextDouble() < 0.05 ? random.nextDouble(-2000, 2000) : random.nextGaussian() * 8;
      }
      for (int i = 0; i < t.length; i++) {
        t[i] = random.nextInt(2);
      }
      // the two passes the fused one replaces: the sigmoid, then deltaOut and the squared errors
      double[] twoPasses = z.clone();
      double[] sqTwo = new double[n];
      FastSigmoid.applyScalar(twoPasses, 3, 3 + n, -0.5);
      for (int i = 0; i < n; i++) {
        double a = twoPasses[3 + i];
        double diff = a - t[1 + i];
        sqTwo[i] = diff * diff;
        twoPasses[3 + i] = diff * a * (1.0 - a);
      }
      double[] vector = z.clone();
      double[] sqVector = new double[n];
      FastSigmoid.outputDeltas(vector, 3, n, -0.5, t, 1, sqVector, 0);
      double[] scalar = z.clone();
      double[] sqScalar = new double[n];
      FastSigmoid.outputDeltasScalar(scalar, 3, 0, n, -0.5, t, 1, sqScalar, 0);
      for (int i = 0; i < z.length; i++) {
        assertEquals(Double.doubleToLongBits(twoPasses[i]), Double.doubleToLongBits(vector[i]), "n=" + n + " i=" + i);
        assertEquals(Double.doubleToLongBits(twoPasses[i]), Double.doubleToLongBits(scalar[i]), "n=" + n + " i=" + i);
      }
      for (int i = 0; i < n; i++) {
        assertEquals(Double.doubleToLongBits(sqTwo[i]), Double.doubleToLongBits(sqVector[i]), "sq n=" + n + " i=" + i);
        assertEquals(Double.doubleToLongBits(sqTwo[i]), Double.doubleToLongBits(sqScalar[i]), "sq n=" + n + " i=" + i);
      }
    }
  }

  @Test
  void sigmoidMatchesMathExpClosely() {
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 100_000; i++) {
      double z = random.nextGaussian() * 20;
      assertEquals(Sigmoid.s(z), FastSigmoid.s(z), 4 * Math.ulp(Sigmoid.s(z)), "z=" + z);
    }
  }

  @Test
  void extremesSaturateAndNanStaysNan() {
    double[] z = {1e300, -1e300, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 0.0, 40.0, -40.0,
        1e300, 1e300, 1e300, 1e300, 1e300, 1e300, 1e300, 1e300, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    double[] s = z.clone();
    FastSigmoid.apply(s, 0, s.length, 0.0);
    assertEquals(1.0, s[0], 0.0);
    assertTrue(s[1] >= 0 && s[1] < 1e-307, "s(-1e300) = " + s[1]);
    assertEquals(1.0, s[2], 0.0);
    assertTrue(s[3] >= 0 && s[3] < 1e-307);
    assertTrue(Double.isNaN(s[4]));
    assertEquals(0.5, s[5], 0.0);
    assertEquals(Sigmoid.s(40.0), s[6], Math.ulp(1.0));
    assertEquals(Sigmoid.s(-40.0), s[7], 2 * Math.ulp(Sigmoid.s(-40.0)));
    for (int i = 16; i < 24; i++) {
      assertTrue(Double.isNaN(s[i]), "NaN in a full vector, lane " + i);
    }
  }

  @Test
  void theClampsEdgesGiveTheScalarBitsInEveryLane() {
    // around the clamp's bounds (z = -709 .. -708 and 708 .. 709 after the negation), the infinities, NaN and zeros:
    // the vector clamp (compares and blends) against the scalar's Math.max/min, in every lane position
    double[] edges = {708.0, -708.0, 709.0, -709.0, Math.nextUp(708.0), Math.nextDown(708.0), Math.nextUp(-709.0),
        Math.nextDown(-709.0), 708.5, -708.5, 745.2, -745.2, 1e300, -1e300, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.NaN, 0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE,
        -Double.MAX_VALUE, 36.7, -36.7};
    for (int shift = 0; shift < 8; shift++) {
      double[] z = new double[edges.length + shift];
      System.arraycopy(edges, 0, z, shift, edges.length);
      double[] vector = z.clone();
      double[] lanes = z.clone();
      double[] scalar = z.clone();
      FastSigmoid.apply(vector, 0, z.length, 0.0);
      FastSigmoid.applyLanes(lanes, z.length);
      FastSigmoid.applyScalar(scalar, 0, z.length, 0.0);
      for (int i = 0; i < z.length; i++) {
        assertEquals(Double.doubleToRawLongBits(scalar[i]), Double.doubleToRawLongBits(vector[i]), "z=" + z[i]);
        assertEquals(Double.doubleToRawLongBits(scalar[i]), Double.doubleToRawLongBits(lanes[i]), "z=" + z[i]);
      }
    }
  }
}
