package nnsweep.report;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import nnsweep.stats.Stats;

/**
 * How numbers read in the charts, the HTML page and the findings (console and page): errors to 3 significant
 * digits, rates as percentages. The one place that formats numbers for people (the CSV files hold them exact).
 */
final class ReportFormat {
  private ReportFormat() {}

  /** An error value: 3 significant digits, plain between 0.001 and 10,000, else {@code 9.26e-5}; "–" for NaN. */
  static String error(double v) {
    if (Double.isNaN(v)) {
      return "\u2013";
    }
    if (v == 0 || Double.isInfinite(v)) {
      return v == 0 ? "0" : v > 0 ? "\u221e" : "-\u221e";
    }
    double a = Math.abs(v);
    if (a >= 1e-3 && a < 1e4) {
      return new BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }
    String s = String.format(Locale.ROOT, "%.2e", v);
    int e = s.indexOf('e');
    String mantissa = s.substring(0, e);
    if (mantissa.contains(".")) {
      mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return mantissa + "e" + Integer.parseInt(s.substring(e + 1));
  }

  /**
   * An error in a sentence of the findings: 3 significant digits as {@code %.3g} writes them ({@code 0.500},
   * {@code 9.26e-05}); "n/a" for NaN.
   */
  static String errorInText(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3g", v);
  }

  /** A successive-halving cell score: 4 significant digits ({@code %.4g}). */
  static String score(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }

  /** A learning rate or other setting: its shortest plain decimal form ({@code 0.05}, {@code 1}). */
  static String plain(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /** An integer with thousands separators ({@code 200,000}). */
  static String count(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  /** A fraction as a whole percentage ({@code 87%}); "–" for NaN. */
  static String percent(double v) {
    return percent(v, 0);
  }

  /** A fraction as a percentage with {@code decimals} decimals ({@code 87.5%}); "–" for NaN. */
  static String percent(double v, int decimals) {
    return Double.isNaN(v) ? "\u2013" : String.format(Locale.ROOT, "%." + decimals + "f%%", 100 * v);
  }

  /** A success rate with its interval: {@code 87% [82%, 91%]}; "–" when there were no networks. */
  static String rate(Stats.Rate r) {
    return rate(r, 0);
  }

  /** As {@link #rate(Stats.Rate)}, the percentages with {@code decimals} decimals: {@code 87.4% [82.5%, 91.3%]}. */
  static String rate(Stats.Rate r, int decimals) {
    if (r == null || r.trials() == 0) {
      return "\u2013";
    }
    return percent(r.rate(), decimals) + " [" + percent(r.low(), decimals) + ", " + percent(r.high(), decimals)
        + "]";
  }

  /** Hidden sizes as a short list: {@code 2}, {@code 1-3} for a run, else {@code 1, 3, 8}. */
  static String sizes(int[] sizes) {
    if (sizes.length == 0) {
      return "\u2013";
    }
    int[] s = Arrays.stream(sizes).sorted().toArray();
    boolean run = s[s.length - 1] - s[0] == s.length - 1;
    if (s.length > 2 && run) {
      return s[0] + "-" + s[s.length - 1];
    }
    return Arrays.stream(s).mapToObj(Integer::toString).collect(Collectors.joining(", "));
  }

  /** Hidden sizes as a range from the first to the last ({@code 1-3}), or the one size ({@code 2}). */
  static String range(int[] sizes) {
    return sizes.length == 1 ? Integer.toString(sizes[0]) : sizes[0] + "-" + sizes[sizes.length - 1];
  }

  /** Values joined with ", ". */
  static String list(List<?> values) {
    return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  /** A dataset name as a title: short names (or, xor) in capitals, as the findings write them. */
  static String title(String dataset) {
    return dataset.length() <= 4 ? dataset.toUpperCase(Locale.ROOT) : dataset;
  }

  /** "on" / "off". */
  static String onOff(boolean b) {
    return b ? "on" : "off";
  }
}
