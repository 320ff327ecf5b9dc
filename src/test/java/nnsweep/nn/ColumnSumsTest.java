package nnsweep.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The matrix-product kernel's column sums: in SIMD lanes, four columns at a time, the bits of ColumnSums.sum. */
class ColumnSumsTest {

  @Test
  void vectorColumnsGiveTheBitsOfTheScalarSum() {
    assertTrue(FastSigmoid.vectorised(), "tests run with --add-modules jdk.incubator.vector (pom.xml)");
    SplittableRandom random = new SplittableRandom(11);
    // column lengths with every tail (0-3 rows past the last whole four), column counts with every remainder of 4
    for (int n : new int[] {0, 1, 2, 3, 4, 5, 7, 8, 13, 255, 256, 257, 1797}) {
      for (int count : new int[] {1, 2, 3, 4, 5, 8, 9, 26}) {
        int from = random.nextInt(5);
        double[] v = new double[from + n * count + 3];
        for (int i = 0; i < v.length; i++) {
          // magnitudes over many binades, so that the order of the additions shows in the bits
          v[i] = random.nextGaussian() * Math.scalb(1.0, random.nextInt(-30, 30));
        }
        double[] vector = new double[count + 2];
        double[] scalar = new double[count + 2];
        ColumnSums.of(v, from, n, count, vector, 2);
        ColumnSums.scalar(v, from, n, count, scalar, 2);
        for (int c = 0; c < count; c++) {
          double expected = ColumnSums.sum(v, from + c * n, n);
          String where = "n=" + n + " count=" + count + " column " + c;
          assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(scalar[2 + c]), where);
          assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(vector[2 + c]), where);
        }
        assertEquals(0.0, vector[0]);
        assertEquals(0.0, vector[1]);
      }
    }
  }

  @Test
  void theOrderIsFourPartialSumsCombinedInPairs() {
    // 1e16 absorbs a 1 added to it alone, so the order shows in the result: s0 = 1e16 + 1 (lost) + 1 (lost, the
    // tail), s1 = 1, s2 = -1e16, s3 = 1, and (s0 + s1) + (s2 + s3) = 1e16 + -1e16 = 0; summed left to right the same
    // values give 3, exactly 4
    double[] v = {1e16, 1, -1e16, 1, 1, 0, 0, 0, 1};
    double[] sums = new double[1];
    ColumnSums.of(v, 0, v.length, 1, sums, 0);
    assertEquals(ColumnSums.sum(v, 0, v.length), sums[0]);
    assertEquals(0.0, sums[0]);
  }

  @Test
  void nanAndInfinitiesPassThrough() {
    double[] v = new double[40];
    v[5] = Double.NaN;
    v[17] = Double.POSITIVE_INFINITY;
    v[30] = Double.NEGATIVE_INFINITY;
    v[31] = Double.NEGATIVE_INFINITY;
    double[] sums = new double[4];
    ColumnSums.of(v, 0, 10, 4, sums, 0);
    assertTrue(Double.isNaN(sums[0]));
    assertEquals(Double.POSITIVE_INFINITY, sums[1]);
    assertEquals(0.0, sums[2]);
    assertEquals(Double.NEGATIVE_INFINITY, sums[3]);
  }
}
