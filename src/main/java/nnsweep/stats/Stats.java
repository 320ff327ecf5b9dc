package nnsweep.stats;

import java.util.Arrays;

/**
 * The statistics the reports use: means, standard deviations, medians, spreads and Wilson score intervals for
 * success rates.
 */
public final class Stats {
  /** z for a two-sided 95% interval. */
  public static final double Z95 = 1.959963984540054;

  private Stats() {}

  /** A success rate with its 95% Wilson score interval. */
  public record Rate(long successes, long trials, double rate, double low, double high)
      implements java.io.Serializable {}

  /** The 25th, 50th and 75th percentiles of some values ({@link #quantile}); NaNs when there are none. */
  public record Quartiles(double lower, double median, double upper) implements java.io.Serializable {
    /** The quartiles of {@code values}. */
    public static Quartiles of(double[] values) {
      double[] s = values.clone();
      Arrays.sort(s);
      return new Quartiles(sortedQuantile(s, 0.25), sortedQuantile(s, 0.5), sortedQuantile(s, 0.75));
    }

    /** Whether there were values (the median is NaN only without any). */
    public boolean present() {
      return !Double.isNaN(median);
    }
  }

  /**
   * The Wilson score interval for {@code successes} out of {@code trials} (95%): unlike the normal approximation it
   * stays inside [0, 1] and is sensible at 0 and 100% and for small n. NaNs for 0 trials.
   */
  public static Rate wilson(long successes, long trials) {
    if (trials == 0) {
      return new Rate(0, 0, Double.NaN, Double.NaN, Double.NaN);
    }
    double n = trials;
    double p = successes / n;
    double z2 = Z95 * Z95;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = Z95 / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    // at 0% and 100% the bound is 0 and 1 exactly; computed, it can come out a rounding error away (0.9999999999999999)
    double low = successes == 0 ? 0 : Math.max(0, centre - half);
    double high = successes == trials ? 1 : Math.min(1, centre + half);
    return new Rate(successes, trials, p, low, high);
  }

  /** Median of values (sorted copy); NaN when empty. */
  public static double median(double[] values) {
    return quantile(values, 0.5);
  }

  /** The q-quantile with linear interpolation between order statistics (numpy's default); NaN when empty. */
  public static double quantile(double[] values, double q) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] s = values.clone();
    Arrays.sort(s);
    return sortedQuantile(s, q);
  }

  private static double sortedQuantile(double[] s, double q) {
    if (s.length == 0) {
      return Double.NaN;
    }
    double pos = q * (s.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    return s[lo] + (s[hi] - s[lo]) * (pos - lo);
  }

  /** Arithmetic mean; NaN when empty. */
  public static double mean(double[] v) {
    return v.length == 0 ? Double.NaN : Arrays.stream(v).sum() / v.length;
  }

  /** Sample standard deviation (n - 1); NaN for fewer than two values. */
  public static double std(double[] v) {
    if (v.length < 2) {
      return Double.NaN;
    }
    double m = mean(v);
    double ss = 0;
    for (double x : v) {
      ss += (x - m) * (x - m);
    }
    return Math.sqrt(ss / (v.length - 1));
  }

  /** Median of sorted values (mean of the middle two for an even count); NaN when empty. */
  public static double sortedMedian(double[] sorted) {
    int n = sorted.length;
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Smallest value; NaN when empty. */
  public static double min(double[] values) {
    return values.length == 0 ? Double.NaN : Arrays.stream(values).min().getAsDouble();
  }
}
