package nnsweep.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nnsweep.stats.Verdict;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The critical-difference diagram (Demsar 2006, figure 1 turned into rows): an axis of mean ranks (1 = best, on the
 * left), each entry a dot at its mean rank with its name, a bar of the Nemenyi critical difference, and thick lines
 * joining groups of entries whose mean ranks differ by less than it (not significantly different).
 */
final class VerdictChart {
  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** Its path inside the output folder. */
  static final String FILE = Charts.FOLDER + "/critical-difference.png";

  private VerdictChart() {}

  /**
   * The groups the diagram joins: maximal runs of entries (in mean-rank order) whose first and last mean ranks
   * differ by less than {@code cd}, each as {first, last} indexes into {@code meanRanks} (ascending); runs of one
   * entry are left out.
   */
  static List<int[]> groups(double[] meanRanks, double cd) {
    List<int[]> groups = new ArrayList<>();
    int lastEnd = -1;
    for (int i = 0; i < meanRanks.length; i++) {
      int j = i;
      while (j + 1 < meanRanks.length && meanRanks[j + 1] - meanRanks[i] < cd) {
        j++;
      }
      if (j > i && j > lastEnd) {
        groups.add(new int[] {i, j});
        lastEnd = j;
      }
    }
    return groups;
  }

  static JFreeChart chart(Verdict.Result v) {
    List<Verdict.Ranked> ranked = v.ranked();
    int k = ranked.size();
    double cd = ranked.get(0).criticalDifference();
    double[] means = ranked.stream().mapToDouble(Verdict.Ranked::meanRank).toArray();

    XYSeries dots = new XYSeries("entries", false, true);
    for (int i = 0; i < k; i++) {
      dots.add(means[i], i);
    }
    NumberAxis ranks = new NumberAxis("mean rank (1 = best test class accuracy)");
    ranks.setRange(0.5, k + 0.5);
    ranks.setTickUnit(new NumberTickUnit(1));
    NumberAxis rows = new NumberAxis();
    rows.setInverted(true);
    rows.setVisible(false);
    List<int[]> groups = Double.isNaN(cd) ? List.of() : groups(means, cd);
    rows.setRange(-1.6, k + 0.4 + 0.45 * groups.size());
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
    r.setSeriesPaint(0, ChartKit.PALETTE[0]);
    r.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-5, -5, 10, 10));
    r.setSeriesVisibleInLegend(0, false);
    XYPlot plot = new XYPlot(new XYSeriesCollection(dots), ranks, rows, r);
    ChartKit.stylePlot(plot);
    plot.setRangeGridlinesVisible(false);

    double bottom = k - 0.2 + 0.45 * Math.max(0, groups.size() - 1);
    for (int i = 0; i < k; i++) { // a faint drop line from each entry to the group bars below
      plot.addAnnotation(new XYLineAnnotation(means[i], i, means[i], bottom, ChartKit.dotted(1f), ChartKit.GRID));
    }
    for (int i = 0; i < k; i++) {
      boolean leftHalf = means[i] <= (k + 1) / 2.0;
      XYTextAnnotation label = new XYTextAnnotation(String.format(Locale.ROOT, leftHalf ? "  %s (%.2f)"
          : "%s (%.2f)  ", ranked.get(i).rule(), means[i]), means[i], i);
      label.setFont(ChartKit.TICK_FONT);
      label.setTextAnchor(leftHalf ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT);
      plot.addAnnotation(label);
    }
    if (!Double.isNaN(cd)) {
      BasicStroke bar = new BasicStroke(2.5f);
      plot.addAnnotation(new XYLineAnnotation(1, -1, 1 + cd, -1, bar, Color.DARK_GRAY));
      plot.addAnnotation(new XYLineAnnotation(1, -1.2, 1, -0.8, bar, Color.DARK_GRAY));
      plot.addAnnotation(new XYLineAnnotation(1 + cd, -1.2, 1 + cd, -0.8, bar, Color.DARK_GRAY));
      XYTextAnnotation label = new XYTextAnnotation(String.format(Locale.ROOT, "  critical difference %.2f"
          + " (Nemenyi, 0.05)", cd), 1 + cd, -1);
      label.setFont(ChartKit.SMALL_FONT);
      label.setTextAnchor(TextAnchor.CENTER_LEFT);
      plot.addAnnotation(label);
      BasicStroke thick = new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
      for (int g = 0; g < groups.size(); g++) {
        double y = k - 0.2 + 0.45 * g;
        int[] grp = groups.get(g);
        plot.addAnnotation(new XYLineAnnotation(means[grp[0]], y, means[grp[1]], y, thick,
            ChartKit.PALETTE[1 + g % (ChartKit.PALETTE.length - 1)]));
      }
    }
    JFreeChart chart = ChartKit.chart("Hidden-size rules: mean ranks over " + ranked.get(0).datasets()
        + " datasets", plot);
    chart.removeLegend();
    ChartKit.subtitle(chart, "Lines join entries whose mean ranks differ by less than the critical difference"
        + " (not significantly different)");
    return chart;
  }

  /** The diagram as a PNG image. */
  static byte[] png(Verdict.Result v) {
    return ChartKit.png(chart(v), Charts.WIDTH, height(v), "critical-difference diagram");
  }

  /** The diagram's height in pixels: room for a row per entry. */
  static int height(Verdict.Result v) {
    return 140 + 34 * v.ranked().size();
  }
}
