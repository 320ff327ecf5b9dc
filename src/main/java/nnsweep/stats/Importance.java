package nnsweep.stats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameter importance as the share of a score's variance across cells that one axis explains: eta squared,
 * {@code SS_between / SS_total}, where {@code SS_total = sum (y_i - mean)^2} over the cells with a finite score and
 * {@code SS_between = sum over the axis's levels g of n_g (mean_g - mean)^2}. 0 when the axis does not separate the
 * scores at all, 1 when the cells of each level share one score. Each axis is measured on its own (a one-way
 * analysis of variance), so on an unbalanced grid the shares of several axes need not add up to 1.
 */
public final class Importance {
  private Importance() {}

  /**
   * Eta squared of {@code scores} grouped by {@code levels} (one level per cell, compared with {@code equals});
   * cells whose score is NaN or infinite are left out. NaN when fewer than two cells remain or every score is the
   * same (no variance to explain).
   */
  public static double etaSquared(List<?> levels, double[] scores) {
    if (levels.size() != scores.length) {
      throw new IllegalArgumentException("levels and scores must have one entry per cell, found " + levels.size()
          + " levels and " + scores.length + " scores");
    }
    double sum = 0;
    int n = 0;
    Map<Object, double[]> groups = new HashMap<>();
    for (int i = 0; i < scores.length; i++) {
      if (Double.isFinite(scores[i])) {
        sum += scores[i];
        n++;
        double[] g = groups.computeIfAbsent(levels.get(i), k -> new double[2]);
        g[0] += scores[i];
        g[1]++;
      }
    }
    if (n < 2) {
      return Double.NaN;
    }
    double mean = sum / n;
    double total = 0;
    for (double y : scores) {
      if (Double.isFinite(y)) {
        total += (y - mean) * (y - mean);
      }
    }
    if (!(total > 0)) {
      return Double.NaN;
    }
    double between = 0;
    for (double[] g : groups.values()) {
      double d = g[0] / g[1] - mean;
      between += g[1] * d * d;
    }
    return Math.min(1, between / total);
  }
}
