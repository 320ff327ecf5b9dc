package nnsweep.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * Rank statistics for comparing k methods over N datasets (Demsar, JMLR 7, 2006; Benavoli, Corani and Mangili, JMLR
 * 17, 2016): average ranks, the Friedman test with the Iman-Davenport F, the Nemenyi critical difference, the
 * two-sided Wilcoxon signed-rank test and Holm's step-down adjustment. Scores are "higher is better". Each statistic
 * is computed as SciPy 1.17 computes it ({@code scipy.stats.friedmanchisquare}, {@code scipy.stats.wilcoxon(a, b,
 * zero_method="wilcox")}); the distributions' tails come from Commons Math's special functions.
 */
public final class RankTests {
  /** Nemenyi's q at alpha = 0.05 for k = 2..10 methods (Demsar 2006, Table 5a). */
  private static final double[] NEMENYI_Q_05 = {1.960, 2.343, 2.569, 2.728, 2.850, 2.949, 3.031, 3.102, 3.164};

  /** Above this many pairs {@code method="auto"} is asymptotic (SciPy's rule). */
  private static final int EXACT_MAX = 50;
  /** Up to this many pairs with ties or zeros SciPy enumerates every sign flip (2^13 < its 9,999 resamples). */
  private static final int PERMUTATION_MAX = 13;

  private RankTests() {}

  /**
   * The Friedman test over a score table: {@code chi2} tie-corrected as {@code scipy.stats.friedmanchisquare}, its
   * p-value (chi-square, k - 1 df), Iman and Davenport's F from it with its p-value (F with k - 1 and (k - 1)(N - 1)
   * df), and the Nemenyi critical difference at alpha = 0.05 (NaN beyond 10 methods, where Demsar's table ends).
   */
  public record Friedman(int datasets, int methods, double[] meanRanks, double chi2, double p,
      double imanDavenportF, double imanDavenportP, double criticalDifference) {}

  /**
   * Ranks of one dataset's scores: 1 = highest score, tied scores share the mean of the ranks they span.
   *
   * @throws IllegalArgumentException on a NaN score
   */
  public static double[] ranks(double[] scores) {
    for (double s : scores) {
      if (Double.isNaN(s)) {
        throw new IllegalArgumentException("scores must be numbers, found NaN in " + Arrays.toString(scores));
      }
    }
    Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> -scores[i]));
    double[] ranks = new double[scores.length];
    for (int start = 0; start < order.length; ) {
      int end = start;
      while (end + 1 < order.length && scores[order[end + 1]] == scores[order[start]]) {
        end++;
      }
      double mean = (start + end) / 2.0 + 1; // positions start..end hold ranks start+1..end+1
      for (int i = start; i <= end; i++) {
        ranks[order[i]] = mean;
      }
      start = end + 1;
    }
    return ranks;
  }

  /** Each method's mean rank over the datasets: {@code scores[dataset][method]}. */
  public static double[] meanRanks(double[][] scores) {
    int k = checkTable(scores);
    double[] sum = new double[k];
    for (double[] row : scores) {
      double[] r = ranks(row);
      for (int j = 0; j < k; j++) {
        sum[j] += r[j];
      }
    }
    return Arrays.stream(sum).map(s -> s / scores.length).toArray();
  }

  /**
   * The Friedman test on {@code scores[dataset][method]}, at least 2 datasets and 3 methods. When every dataset ties
   * all methods the statistic is undefined (NaN, as in SciPy); when the ranks agree perfectly on every dataset the
   * Iman-Davenport F is infinite with p = 0.
   */
  public static Friedman friedman(double[][] scores) {
    int k = checkTable(scores);
    int n = scores.length;
    if (k < 3 || n < 2) {
      throw new IllegalArgumentException("the Friedman test needs at least 3 methods and 2 datasets, found " + k
          + " methods and " + n + " datasets");
    }
    double[] rankSums = new double[k];
    double ties = 0;
    for (double[] row : scores) {
      double[] r = ranks(row);
      for (int j = 0; j < k; j++) {
        rankSums[j] += r[j];
      }
      for (long t : tieSizes(row)) {
        ties += t * (t * t - 1.0);
      }
    }
    // as scipy: (12 / (k n (k + 1)) * sum_j S_j^2 - 3 n (k + 1)) / (1 - sum t(t^2 - 1) / (k (k^2 - 1) n))
    double ssbn = 0;
    for (double s : rankSums) {
      ssbn += s * s;
    }
    double c = 1 - ties / (k * (k * k - 1.0) * n);
    double chi2 = (12.0 / (k * n * (k + 1.0)) * ssbn - 3.0 * n * (k + 1)) / c;
    double p = chiSquareSf(chi2, k - 1);
    double df1 = k - 1;
    double df2 = (k - 1.0) * (n - 1);
    double denominator = n * (k - 1.0) - chi2;
    double f = denominator <= 0 ? Double.POSITIVE_INFINITY : (n - 1) * chi2 / denominator;
    double fp = Double.isNaN(f) ? Double.NaN : f == Double.POSITIVE_INFINITY ? 0 : fSf(f, df1, df2);
    double[] mean = Arrays.stream(rankSums).map(s -> s / n).toArray();
    return new Friedman(n, k, mean, chi2, p, f, fp, criticalDifference(k, n));
  }

  /** Nemenyi's q at alpha = 0.05 for k methods, 2 <= k <= 10 (Demsar 2006, Table 5a); NaN otherwise. */
  public static double nemenyiQ(int k) {
    return k >= 2 && k <= 10 ? NEMENYI_Q_05[k - 2] : Double.NaN;
  }

  /** The Nemenyi critical difference of mean ranks at alpha = 0.05: q sqrt(k (k + 1) / (6 N)). */
  public static double criticalDifference(int k, int datasets) {
    return nemenyiQ(k) * Math.sqrt(k * (k + 1.0) / (6.0 * datasets));
  }

  /**
   * The two-sided Wilcoxon signed-rank p-value of the pairs (a_i, b_i), as {@code scipy.stats.wilcoxon(a, b,
   * zero_method="wilcox")} with its defaults (no continuity correction, {@code method="auto"}): zero differences are
   * dropped from the ranks; with at most 50 pairs, no zero and no tied |difference| the exact null distribution;
   * with ties or zeros and at most 13 pairs the exact distribution of the statistic over all 2^n sign flips (SciPy's
   * permutation test, which enumerates them); otherwise the normal approximation with the tie-corrected variance.
   * When every difference is zero the p-value is 1 (SciPy returns 1 up to 13 pairs and NaN above).
   */
  public static double wilcoxon(double[] a, double[] b) {
    if (a.length != b.length || a.length == 0) {
      throw new IllegalArgumentException("wilcoxon needs two equally long, non-empty samples, found "
          + a.length + " and " + b.length);
    }
    int n = a.length;
    double[] nonZero = IntStream.range(0, n).mapToDouble(i -> a[i] - b[i]).filter(d -> d != 0).toArray();
    for (double d : nonZero) {
      if (Double.isNaN(d)) {
        throw new IllegalArgumentException("wilcoxon: scores must be numbers, found NaN");
      }
    }
    int count = nonZero.length;
    if (count == 0) {
      return 1;
    }
    double[] abs = Arrays.stream(nonZero).map(Math::abs).toArray();
    double[] r = ranks(Arrays.stream(abs).map(x -> -x).toArray()); // ascending ranks of |d|
    double rPlus = 0;
    for (int i = 0; i < count; i++) {
      if (nonZero[i] > 0) {
        rPlus += r[i];
      }
    }
    long[] ties = tieSizes(abs);
    boolean hasTies = Arrays.stream(ties).anyMatch(t -> t > 1);
    boolean zeros = count < n;
    if (n <= EXACT_MAX && !hasTies && !zeros) {
      return exact(count, rPlus);
    }
    if (n <= EXACT_MAX && n <= PERMUTATION_MAX) {
      return signFlips(r, rPlus);
    }
    double tieCorrection = 0;
    for (long t : ties) {
      tieCorrection += (double) t * t * t - t;
    }
    double mean = count * (count + 1.0) * 0.25;
    double se = Math.sqrt((count * (count + 1.0) * (2.0 * count + 1.0) - tieCorrection / 2) / 24);
    double z = (rPlus - mean) / se;
    return Math.min(1, Erf.erfc(Math.abs(z) / Math.sqrt(2))); // 2 * (1 - Phi(|z|))
  }

  /**
   * Holm's step-down adjustment: with the m p-values sorted ascending, the i-th becomes max over l <= i of
   * min(1, (m - l + 1) p_(l)); returned in the input order.
   */
  public static double[] holm(double[] p) {
    int m = p.length;
    Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    double[] adjusted = new double[m];
    double running = 0;
    for (int l = 0; l < m; l++) {
      running = Math.max(running, Math.min(1, (m - l) * p[order[l]]));
      adjusted[order[l]] = running;
    }
    return adjusted;
  }

  /** Exact two-sided p of the signed-rank statistic without ties: 2 min(P(T >= t), P(T <= t)), at most 1. */
  private static double exact(int n, double rPlus) {
    // pmf of T+ as SciPy builds it: each rank k in or out with probability 1/2
    double[] c = {1};
    for (int k = 1; k <= n; k++) {
      double[] next = new double[k * (k + 1) / 2 + 1];
      for (int i = 0; i < c.length; i++) {
        next[i] += c[i] * 0.5;
        next[i + k] += c[i] * 0.5;
      }
      c = next;
    }
    double mean = n * (n + 1) / 4.0;
    int up = (int) Math.floor(rPlus);
    int down = (int) Math.ceil(rPlus);
    double sf = up <= mean ? sum(c, up, c.length - 1) : 1 - sum(c, 0, up - 1);
    double cdf = down <= mean ? sum(c, 0, down) : 1 - sum(c, down + 1, c.length - 1);
    return Math.min(1, 2 * Math.min(sf, cdf));
  }

  /**
   * Two-sided p of T+ over all sign flips of the non-zero differences (zeros do not change T+, so they only repeat
   * each flip equally often), compared with SciPy's relative tolerance of 100 machine epsilons.
   */
  private static double signFlips(double[] ranks, double observed) {
    int m = ranks.length;
    double gamma = Math.abs(100 * Math.ulp(1.0) * observed);
    long flips = 1L << m;
    long less = 0;
    long greater = 0;
    for (long mask = 0; mask < flips; mask++) {
      double t = 0;
      for (int i = 0; i < m; i++) {
        if ((mask & (1L << i)) != 0) {
          t += ranks[i];
        }
      }
      if (t <= observed + gamma) {
        less++;
      }
      if (t >= observed - gamma) {
        greater++;
      }
    }
    return Math.min(1, 2.0 * Math.min(less, greater) / flips);
  }

  private static double sum(double[] x, int from, int to) {
    double s = 0;
    for (int i = from; i <= to; i++) {
      s += x[i];
    }
    return s;
  }

  /** Sizes of the groups of equal values. */
  private static long[] tieSizes(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    long[] sizes = new long[sorted.length];
    int groups = 0;
    for (int i = 0; i < sorted.length; ) {
      int j = i;
      while (j + 1 < sorted.length && sorted[j + 1] == sorted[i]) {
        j++;
      }
      sizes[groups++] = j - i + 1;
      i = j + 1;
    }
    return Arrays.copyOf(sizes, groups);
  }

  /** P(X >= x) for chi-square with df degrees of freedom. */
  static double chiSquareSf(double x, int df) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    return x <= 0 ? 1 : Gamma.regularizedGammaQ(df / 2.0, x / 2);
  }

  /** P(X >= x) for F with (df1, df2) degrees of freedom: I_{df2 / (df2 + df1 x)}(df2 / 2, df1 / 2). */
  static double fSf(double x, double df1, double df2) {
    return x <= 0 ? 1 : Beta.regularizedBeta(df2 / (df2 + df1 * x), df2 / 2, df1 / 2);
  }

  private static int checkTable(double[][] scores) {
    if (scores.length == 0 || scores[0].length == 0) {
      throw new IllegalArgumentException("a score table needs at least one dataset and one method, found none");
    }
    int k = scores[0].length;
    for (int i = 0; i < scores.length; i++) {
      if (scores[i].length != k) {
        throw new IllegalArgumentException("every dataset needs a score per method: dataset " + (i + 1) + " has "
            + scores[i].length + ", the first " + k);
      }
    }
    return k;
  }
}
