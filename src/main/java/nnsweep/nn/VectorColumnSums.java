package nnsweep.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ColumnSums} in 256-bit lanes (jdk.incubator.vector): lane l of a column's accumulator is {@link
 * ColumnSums#sum}'s partial sum s_l (the elements 4m + l), the rows past the last whole four go into s_0 one by one,
 * and the lanes combine as (s_0 + s_1) + (s_2 + s_3): the scalar version's additions in its order. Four columns at a
 * time, so that four chains of additions are in flight. Loaded only when the JVM has the incubator module.
 */
final class VectorColumnSums {
  /** Four lanes whatever the machine's widest vector: the lanes are the four partial sums, not a speed choice. */
  private static final VectorSpecies<Double> FOUR = DoubleVector.SPECIES_256;

  private VectorColumnSums() {}

  static void of(double[] v, int from, int n, int count, double[] sums, int sf) {
    int whole = n & ~3;
    int c = 0;
    for (; c + 4 <= count; c += 4) {
      int c0 = from + c * n;
      int c1 = c0 + n;
      int c2 = c1 + n;
      int c3 = c2 + n;
      DoubleVector s0 = DoubleVector.zero(FOUR);
      DoubleVector s1 = s0;
      DoubleVector s2 = s0;
      DoubleVector s3 = s0;
      for (int i = 0; i < whole; i += 4) {
        s0 = s0.add(DoubleVector.fromArray(FOUR, v, c0 + i));
        s1 = s1.add(DoubleVector.fromArray(FOUR, v, c1 + i));
        s2 = s2.add(DoubleVector.fromArray(FOUR, v, c2 + i));
        s3 = s3.add(DoubleVector.fromArray(FOUR, v, c3 + i));
      }
      sums[sf + c] = combine(s0, v, c0 + whole, c0 + n);
      sums[sf + c + 1] = combine(s1, v, c1 + whole, c1 + n);
      sums[sf + c + 2] = combine(s2, v, c2 + whole, c2 + n);
      sums[sf + c + 3] = combine(s3, v, c3 + whole, c3 + n);
    }
    for (; c < count; c++) {
      int c0 = from + c * n;
      DoubleVector s0 = DoubleVector.zero(FOUR);
      for (int i = 0; i < whole; i += 4) {
        s0 = s0.add(DoubleVector.fromArray(FOUR, v, c0 + i));
      }
      sums[sf + c] = combine(s0, v, c0 + whole, c0 + n);
    }
  }

  /** (s_0 + the rest one by one + s_1) + (s_2 + s_3), as {@link ColumnSums#sum} ends. */
  private static double combine(DoubleVector s, double[] v, int rest, int end) {
    double s0 = s.lane(0);
    for (int i = rest; i < end; i++) {
      s0 += v[i];
    }
    return (s0 + s.lane(1)) + (s.lane(2) + s.lane(3));
  }
}
