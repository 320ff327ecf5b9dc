package nnsweep.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Wilson intervals against published values (Newcombe 1998, Table I; R's binom::binom.wilson) and quantiles. */
class StatsTest {
  @Test
  void wilsonMatchesKnownIntervals() {
    assertRate(Stats.wilson(0, 10), 0.0, 0.0, 0.27753);
    assertRate(Stats.wilson(10, 10), 1.0, 0.72247, 1.0);
    assertRate(Stats.wilson(5, 10), 0.5, 0.23659, 0.76341);
    // Newcombe's example 81/263
    assertRate(Stats.wilson(81, 263), 81 / 263.0, 0.2553, 0.3662);
    assertEquals(Double.NaN, Stats.wilson(0, 0).rate());
  }

  @Test
  void wilsonBoundsAreExactlyZeroAndOneAtZeroAndAllSuccesses() {
    // computed, the bound came out 0.9999999999999999 for 10 of 10 (and 4.9e-17 for 0 of 7): written as such in CSV
    for (long n = 1; n <= 1000; n++) {
      assertEquals(1.0, Stats.wilson(n, n).high(), 0.0, "high of " + n + "/" + n);
      assertEquals(0.0, Stats.wilson(0, n).low(), 0.0, "low of 0/" + n);
    }
    assertEquals("1.0", Double.toString(Stats.wilson(10, 10).high()));
  }

  @Test
  void quantilesInterpolateLikeNumpy() {
    double[] v = {4, 1, 3, 2};
    assertEquals(2.5, Stats.median(v), 0);
    assertEquals(1.75, Stats.quantile(v, 0.25), 1e-15);
    assertEquals(3.25, Stats.quantile(v, 0.75), 1e-15);
    assertEquals(7.0, Stats.median(new double[] {7}), 0);
  }

  private static void assertRate(Stats.Rate r, double rate, double low, double high) {
    assertEquals(rate, r.rate(), 1e-12);
    assertEquals(low, r.low(), 5e-5);
    assertEquals(high, r.high(), 5e-5);
  }
}
