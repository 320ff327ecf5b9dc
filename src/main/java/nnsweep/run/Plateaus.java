package nnsweep.run;

/**
 * Names the plateau a stuck network sits on. On truth tables, gradient descent gets stuck where some rows' outputs
 * sit at 0.5 or split evenly, which puts E on simple fractions: XOR's E = 1/2 (every output 0.5), 1/3 and 1/4; other
 * plateaus are not fractions (XOR without bias also sticks at E = 0.361). A network is on a plateau when its error
 * has stopped moving (less than 1% change over the last recorded tenth of its log-spaced curve). The label is the
 * fraction p/q (q <= 8) within 0.5% of E, else E to three significant digits.
 */
public final class Plateaus {
  /** Largest denominator considered. */
  static final int MAX_DENOMINATOR = 8;
  /** Relative distance to a fraction that still names it. */
  static final double FRACTION_TOLERANCE = 0.005;
  /** Relative change over the end of the curve that still counts as stopped. */
  static final double TOLERANCE = 0.01;

  private Plateaus() {}

  /** "p/q" or "0.361" for a network stuck at that E, "" for one still moving. */
  public static String label(double finalError, double[] curve, int[] curveEpochs) {
    if (!(finalError > 0) || !stalled(finalError, curve, curveEpochs)) {
      return "";
    }
    // the fraction first: formatting E (String.format) costs more than training a small network, and a stuck
    // truth-table network almost always sits on a fraction
    String best = null;
    double bestDistance = FRACTION_TOLERANCE;
    for (int q = 1; q <= MAX_DENOMINATOR; q++) {
      long p = Math.round(finalError * q);
      if (p <= 0) {
        continue;
      }
      double distance = Math.abs(finalError - (double) p / q) / ((double) p / q);
      if (distance < bestDistance - 1e-12) {
        long g = gcd(p, q);
        best = (p / g) + "/" + (q / g);
        bestDistance = distance;
      }
    }
    return best != null ? best : threeSignificant(finalError);
  }

  /**
   * {@code String.format(Locale.ROOT, "%.3g", e)} without the formatter (which costs more than training a 2-2-1
   * network): the formatter rounds the shortest decimal form of {@code e} (Double.toString's digits) half-up to three
   * significant digits and prints it without exponent when the rounded value is in [1e-4, 1e3). Other values
   * (never a plateau: a misclassified row alone puts E above 0.1) go to the formatter.
   */
  static String threeSignificant(double e) {
    if (e >= 1e-4 && e < 999) {
      java.math.BigDecimal m = new java.math.BigDecimal(Double.toString(e))
          .round(new java.math.MathContext(3, java.math.RoundingMode.HALF_UP));
      int exponent = m.precision() - m.scale() - 1;
      if (exponent >= -4 && exponent < 3) {
        return m.setScale(2 - exponent, java.math.RoundingMode.UNNECESSARY).toPlainString();
      }
    }
    return String.format(java.util.Locale.ROOT, "%.3g", e);
  }

  /** The error barely changed between the curve point at ~90% of the log-span and the end. */
  static boolean stalled(double finalError, double[] curve, int[] epochs) {
    int n = curve.length;
    if (n < 3) {
      return true;
    }
    int last = epochs[n - 1];
    // the first recorded point at or after epoch last^0.9 (a tenth of the log-span before the end)
    double from = Math.pow(Math.max(1, last), 0.9);
    for (int i = 0; i < n; i++) {
      if (epochs[i] >= from && !Double.isNaN(curve[i])) {
        return Math.abs(curve[i] - finalError) <= TOLERANCE * finalError;
      }
    }
    return true;
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
