package nnsweep.nn;

/**
 * The matrix-product kernel's column sums, in one fixed order: a column is summed by {@link #sum}, and
 * sums[sf + c] = {@link #sum}(v, from + c n, n) for consecutive columns c < count, the same additions in the same
 * order, so the same bits.
 *
 * <p>Why several at a time: {@link #sum}'s four partial sums are four chains of n / 4 dependent additions, so one
 * column costs n / 4 addition latencies (about 165 cycles for a 256-row block) however fast the core adds. The matrix-product kernel
 * sums every output and hidden column of every block (E and the bias gradients): h + 2 o chains per network and block.
 * The four partial sums are the four lanes of a 256-bit vector, and four columns side by side keep four such vectors
 * in flight ({@link VectorColumnSums}, when the JVM has {@code jdk.incubator.vector}).
 */
final class ColumnSums {
  private ColumnSums() {}

  /** sums[sf + c] = the sum of v[from + c n .. from + (c + 1) n) for c < count, in {@link #sum}'s order. */
  static void of(double[] v, int from, int n, int count, double[] sums, int sf) {
    if (FastSigmoid.vectorised()) {
      VectorColumnSums.of(v, from, n, count, sums, sf);
    } else {
      scalar(v, from, n, count, sums, sf);
    }
  }

  /** Column by column: the reference the vector version is held to. */
  static void scalar(double[] v, int from, int n, int count, double[] sums, int sf) {
    for (int c = 0; c < count; c++) {
      sums[sf + c] = sum(v, from + c * n, n);
    }
  }

  /**
   * v[from] + ... + v[from+n-1] in four interleaved partial sums, combined as (s0 + s1) + (s2 + s3): a fixed order
   * (the same bits on every JVM and CPU) that keeps four additions in flight.
   */
  static double sum(double[] v, int from, int n) {
    double s0 = 0.0;
    double s1 = 0.0;
    double s2 = 0.0;
    double s3 = 0.0;
    int i = from;
    int end = from + n;
    for (; i + 4 <= end; i += 4) {
      s0 += v[i];
      s1 += v[i + 1];
      s2 += v[i + 2];
      s3 += v[i + 3];
    }
    for (; i < end; i++) {
      s0 += v[i];
    }
    return (s0 + s1) + (s2 + s3);
  }
}
