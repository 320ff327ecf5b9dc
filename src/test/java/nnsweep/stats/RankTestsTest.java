package nnsweep.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link RankTests} against SciPy 1.17's answers ({@link RankTestsCases}, written by
 * src/test/resources/nnsweep/stats/rank_tests_expected.py): every Wilcoxon branch of {@code method="auto"} (exact,
 * sign flips with ties or zeros, asymptotic with ties and zeros, all differences zero), Friedman with and without
 * ties, Iman-Davenport, Nemenyi, 28 pairs of an 8-method table with Holm's adjustment.
 */
class RankTestsTest {
  /** Relative tolerance: every value agrees with SciPy to 12 significant digits. */
  private static final double TOL = 1e-12;

  static Stream<RankTestsCases.Wilcoxon> wilcoxonCases() {
    return Arrays.stream(RankTestsCases.WILCOXON);
  }

  static Stream<RankTestsCases.Friedman> friedmanCases() {
    return Arrays.stream(RankTestsCases.FRIEDMAN);
  }

  private static void close(double expected, double actual, String what) {
    if (Double.isInfinite(expected)) {
      assertEquals(expected, actual, what);
      return;
    }
    assertEquals(expected, actual, TOL * Math.abs(expected) + 1e-300, what);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wilcoxonCases")
  void wilcoxonMatchesScipy(RankTestsCases.Wilcoxon c) {
    close(c.p(), RankTests.wilcoxon(c.a(), c.b()), c.name() + " (" + c.branch() + ")");
    // two-sided: swapping the samples gives the same p
    close(c.p(), RankTests.wilcoxon(c.b(), c.a()), c.name() + " swapped");
  }

  @Test
  void casesCoverEveryBranch() {
    assertEquals(java.util.Set.of("exact", "sign flips", "asymptotic"),
        wilcoxonCases().map(RankTestsCases.Wilcoxon::branch).collect(java.util.stream.Collectors.toSet()));
  }

  @Test
  void smallSampleValuesByHand() {
    // n = 3, d = 0.05, -0.1, 0.3: ranks 1, 2, 3, T+ = 4 of 0..6; P(T+ >= 4) = 3/8 -> p = 0.75
    assertEquals(0.75, RankTests.wilcoxon(new double[] {0.9, 0.8, 0.7}, new double[] {0.85, 0.9, 0.4}), 1e-15);
    // eight positive differences: T+ = 36, P(T+ = 36) = 1/256 -> p = 2/256
    assertEquals(2.0 / 256, RankTests.wilcoxon(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, new double[8]), 1e-15);
    // one non-zero difference among five: half of the sign flips are as extreme -> p = 1
    assertEquals(1.0, RankTests.wilcoxon(new double[] {1, 2, 3, 4, 5}, new double[] {1, 2, 3, 4, 4}), 1e-15);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("friedmanCases")
  void friedmanMatchesScipy(RankTestsCases.Friedman c) {
    RankTests.Friedman f = RankTests.friedman(c.scores());
    assertArrayEquals(c.meanRanks(), f.meanRanks(), TOL, c.name() + " mean ranks");
    assertArrayEquals(c.meanRanks(), RankTests.meanRanks(c.scores()), TOL, c.name() + " meanRanks()");
    close(c.chi2(), f.chi2(), c.name() + " chi2");
    close(c.p(), f.p(), c.name() + " p");
    close(c.f(), f.imanDavenportF(), c.name() + " Iman-Davenport F");
    close(c.fp(), f.imanDavenportP(), c.name() + " Iman-Davenport p");
    close(c.cd(), f.criticalDifference(), c.name() + " critical difference");
    assertEquals(c.scores().length, f.datasets());
    assertEquals(c.scores()[0].length, f.methods());
  }

  @Test
  void everyPairOfEightMethodsWithHolm() {
    double[][] t = Arrays.stream(RankTestsCases.FRIEDMAN).filter(c -> c.name().equals("ties12x8")).findFirst()
        .orElseThrow().scores();
    double[] p = new double[28];
    int pair = 0;
    for (int i = 0; i < 8; i++) {
      for (int j = i + 1; j < 8; j++) {
        double[] a = column(t, i);
        double[] b = column(t, j);
        p[pair] = RankTests.wilcoxon(a, b);
        close(RankTestsCases.PAIRS_P[pair], p[pair], "pair " + i + ", " + j);
        pair++;
      }
    }
    assertArrayEquals(RankTestsCases.PAIRS_HOLM, RankTests.holm(p), TOL);
  }

  @Test
  void holmMatchesStatsmodels() {
    assertArrayEquals(RankTestsCases.HOLM_OUT, RankTests.holm(RankTestsCases.HOLM_IN), TOL);
    // by hand: 0.01, 0.04, 0.03 -> sorted 0.01 (x3), 0.03 (x2), 0.04 (x1) -> 0.03, 0.06, 0.06 (monotone)
    assertArrayEquals(new double[] {0.03, 0.06, 0.06}, RankTests.holm(new double[] {0.01, 0.04, 0.03}), 1e-15);
  }

  @Test
  void ranksAreOneForTheBestWithTiesAveraged() {
    assertArrayEquals(new double[] {3, 1.5, 1.5, 4}, RankTests.ranks(new double[] {0.7, 0.9, 0.9, 0.1}), 0);
    assertArrayEquals(new double[] {2, 2, 2}, RankTests.ranks(new double[] {0.5, 0.5, 0.5}), 0);
  }

  @Test
  void nemenyiTable() {
    assertEquals(3.031, RankTests.nemenyiQ(8), 0);
    assertEquals(3.031, RankTests.criticalDifference(8, 12), 1e-15); // sqrt(8 * 9 / 72) = 1
    assertTrue(Double.isNaN(RankTests.nemenyiQ(11)));
  }

  @Test
  void badTablesAreRefusedWithAMessage() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RankTests.friedman(new double[][] {{1, 2, 3}, {1, 2}}));
    assertEquals("every dataset needs a score per method: dataset 2 has 2, the first 3", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> RankTests.friedman(new double[][] {{1, 2}, {2, 1}}));
    assertEquals("the Friedman test needs at least 3 methods and 2 datasets, found 2 methods and 2 datasets",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> RankTests.wilcoxon(new double[] {1, 2}, new double[] {1}));
    assertEquals("wilcoxon needs two equally long, non-empty samples, found 2 and 1", e.getMessage());
  }

  private static double[] column(double[][] t, int j) {
    return Arrays.stream(t).mapToDouble(r -> r[j]).toArray();
  }
}
