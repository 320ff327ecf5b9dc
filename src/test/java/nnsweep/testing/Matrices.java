package nnsweep.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Assertions on weight matrices and predictions. */
public final class Matrices {
  private Matrices() {}

  /**
   * {@code actual} has {@code expected}'s shape and each entry within 1e-7, relative to the entry (absolute below 1):
   * the tolerance of two summation orders of the same double arithmetic.
   */
  public static void assertClose(double[][] expected, double[][] actual, String what) {
    assertEquals(expected.length, actual.length, what + " rows");
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i].length, actual[i].length, what + " cols");
      for (int j = 0; j < expected[i].length; j++) {
        assertEquals(expected[i][j], actual[i][j], 1e-7 * Math.max(1.0, Math.abs(expected[i][j])),
            what + "[" + i + "][" + j + "]");
      }
    }
  }
}
