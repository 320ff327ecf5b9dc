package nnsweep.nn;

/**
 * Sums of consecutive columns of a column-major block: sums[sf + c] = {@link GemmTrainer#sum}(v, from + c n, n) for
 * c < count, the same additions in the same order, so the same bits.
 *
 * <p>Why: {@link GemmTrainer#sum}'s four partial sums are four chains of n / 4 dependent additions, so one column costs
 * n / 4 addition latencies (about 165 cycles for a 256-row block) however fast the core adds. The matrix-product kernel
 * sums every output and hidden column of every block (E and the bias gradients): h + 2 o chains per network and block.
 * The four partial sums are the four lanes of a 256-bit vector, and four columns side by side keep four such vectors
 * in flight ({@link VectorColumnSums}, when the JVM has {@code jdk.incubator.vector}).
 */
final class ColumnSums {
  private ColumnSums() {}

  /** sums[sf + c] = the sum of v[from + c n .. from + (c + 1) n) for c < count, in {@link GemmTrainer#sum}'s order. */
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
      sums[sf + c] = GemmTrainer.sum(v, from + c * n, n);
    }
  }
}
