package nnsweep.report;

import static nnsweep.report.ChartKit.PALETTE;
import static nnsweep.report.ChartKit.RULE_FILL;
import static nnsweep.report.ChartKit.SMALL_FONT;
import static nnsweep.report.ChartKit.chart;
import static nnsweep.report.ChartKit.dashed;
import static nnsweep.report.ChartKit.decades;
import static nnsweep.report.ChartKit.dotted;
import static nnsweep.report.ChartKit.errorBars;
import static nnsweep.report.ChartKit.extent;
import static nnsweep.report.ChartKit.intervals;
import static nnsweep.report.ChartKit.logAxis;
import static nnsweep.report.ChartKit.sideRenderer;
import static nnsweep.report.ChartKit.styleAxis;
import static nnsweep.report.ChartKit.stylePlot;
import static nnsweep.report.ChartKit.styleSeries;
import static nnsweep.report.ChartKit.subtitle;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nnsweep.grid.Cell;
import nnsweep.report.ChartData.DatasetData;
import nnsweep.report.ChartData.SettingNames;
import nnsweep.stats.DatasetReport;
import nnsweep.stats.Rules;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The report's charts (PNG, JFreeChart, drawn headless into images: no display needed), per dataset:
 *
 * <ul>
 *   <li>{@code charts/error-vs-hidden-<dataset>.png}: final error vs hidden size, median and interquartile range over
 *       seeds, log error axis, the no-hidden-layer model at "none", the rules' recommended sizes below;
 *   <li>{@code charts/success-vs-hidden-<dataset>.png}: share of networks classifying every row right vs hidden
 *       size, with 95% Wilson intervals;
 *   <li>{@code charts/layers-<dataset>.png}: no hidden layer vs hidden layer (all sizes pooled, and the best size);
 *   <li>{@code charts/curves-<dataset>.png}: error vs updates (log-log) of representative networks, when the study
 *       recorded curves.
 * </ul>
 *
 * <p>When the study has several bias, learning-rate or epochs settings, each setting is its own series (never
 * pooled). Error statistics leave out diverged networks; success counts them as failures (as in the tables). What
 * each chart shows is shaped by {@link ChartData}; here it is drawn, with {@link ChartKit}'s style.
 */
public final class Charts {
  static {
    // before any AWT class initialises: charts are drawn into images, never shown
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** Width of every chart, pixels. */
  public static final int WIDTH = 900;
  /** Height of a chart without the rules strip, pixels. */
  public static final int HEIGHT = 500;
  /** Folder of the PNG files, inside the output folder. */
  public static final String FOLDER = "charts";

  /**
   * One rendered chart.
   *
   * @param file its path inside the output folder, e.g. {@code charts/layers-xor.png}
   * @param dataset the dataset it is about
   * @param kind {@code error-vs-hidden}, {@code success-vs-hidden}, {@code layers} or {@code curves}
   * @param title the chart's title
   * @param caption what it shows, in a sentence or two
   * @param png the PNG image
   */
  public record Chart(String file, String dataset, String kind, String title, String caption, int width,
      int height, byte[] png, List<ChartKit.Area> areas) {
    public Chart {
      areas = List.copyOf(areas);
    }

    /** A chart without data regions for the page's tooltips. */
    public Chart(String file, String dataset, String kind, String title, String caption, int width, int height,
        byte[] png) {
      this(file, dataset, kind, title, caption, width, height, png, List.of());
    }
  }

  private Charts() {}

  /** Renders every chart of the model, per dataset in study order. */
  public static List<Chart> render(ReportModel model) {
    return render(model, key -> -1, null);
  }

  /**
   * As {@link #render(ReportModel)}; with successive halving ({@code rungs} not null, {@code rungOf} each cell's
   * rung) the charts over hidden sizes draw each cell at the rung it reached, one colour per rung and no line
   * between cells, and the layers chart is left out when the study has no model without a hidden layer.
   */
  public static List<Chart> render(ReportModel model, java.util.function.ToIntFunction<Cell> rungOf,
      nnsweep.search.Rungs rungs) {
    List<Chart> charts = new ArrayList<>();
    SettingNames names = SettingNames.of(model.summary());
    Set<String> usedNames = new HashSet<>();
    for (DatasetReport report : model.datasets()) {
      String slug = ChartData.uniqueSlug(report.dataset(), usedNames);
      DatasetData data = DatasetData.of(report);
      if (!data.hidden.isEmpty()) {
        charts.add(rungs == null ? errorVsHidden(data, names, slug) : byRung(data, slug, rungOf, rungs, true));
        charts.add(rungs == null ? successVsHidden(data, names, slug) : byRung(data, slug, rungOf, rungs, false));
      }
      if (rungs == null || model.study().models().contains(nnsweep.nn.Model.NONE)) {
        charts.add(layers(data, names, slug));
      }
      if (report.curves()) {
        charts.add(curves(data, ChartData.curves(data, model.drawn(), names), slug, rungs != null));
      }
    }
    return charts;
  }

  /** Writes the charts' PNG files into {@code folder} (each atomically); returns their names, in order. */
  public static List<String> write(Path folder, List<Chart> charts) {
    List<String> written = new ArrayList<>();
    for (Chart c : charts) {
      CsvFiles.writeAtomically(folder.resolve(c.file()), c.png());
      written.add(c.file());
    }
    return written;
  }

  private static Chart errorVsHidden(DatasetData d, SettingNames names, String slug) {
    ChartData.BySize data = ChartData.errors(d, names);
    YIntervalSeriesCollection lines = intervals(data.lines());
    YIntervalSeriesCollection noneBars = intervals(data.none());
    int n = data.lines().size();
    LogAxis errorAxis = logAxis("final error E = \u00bd \u03a3 (O \u2212 T)\u00b2 (log scale)");
    double[] ext = extent(lines, noneBars);
    decades(errorAxis, ext[0], ext[1]);
    XYPlot main = new XYPlot(lines, null, errorAxis, null);
    DeviationRenderer band = new DeviationRenderer(true, true);
    band.setAlpha(0.18f);
    styleSeries(band, n, true);
    main.setRenderer(0, band);
    if (!d.none.isEmpty()) {
      main.setDataset(1, noneBars);
      main.setRenderer(1, errorBars(n, false));
    }
    stylePlot(main);

    NumberAxis hiddenAxis = hiddenAxis(d);
    XYPlot plot = withRules(main, hiddenAxis, d);
    String title = ReportFormat.title(d.dataset) + ": final error vs hidden size";
    JFreeChart chart = chart(title, plot);
    subtitle(chart, "line: median over the " + d.perPoint() + " networks per point (seeds); band"
        + (d.none.isEmpty() ? "" : " and bars at \u201cnone\u201d") + ": interquartile range (25th-75th percentile);"
        + " diverged networks left out");
    int height = height(d);
    return render(chart, slug, "error-vs-hidden", d.dataset, title,
        "Median final error over seeds for each hidden size, with the interquartile range as a band, on a log"
            + " axis; \u201cnone\u201d is the network without a hidden layer."
            + (d.rules.isEmpty() ? "" : " The strip below marks the hidden sizes each rule of thumb recommends."),
        height);
  }

  /** Successive halving's error or success chart over hidden sizes: each cell at its rung, points not joined. */
  private static Chart byRung(DatasetData d, String slug, java.util.function.ToIntFunction<Cell> rungOf,
      nnsweep.search.Rungs rungs, boolean errors) {
    ChartData.BySize data = ChartData.byRung(d, rungOf, rungs, errors);
    int n = data.lines().size();
    YIntervalSeriesCollection points = intervals(data.lines());
    YIntervalSeriesCollection nonePoints = intervals(data.none());
    org.jfree.chart.axis.ValueAxis valueAxis;
    if (errors) {
      LogAxis errorAxis = logAxis("final error E = \u00bd \u03a3 (O \u2212 T)\u00b2 (log scale)");
      double[] ext = extent(points, nonePoints);
      decades(errorAxis, ext[0], ext[1]);
      valueAxis = errorAxis;
    } else {
      NumberAxis rateAxis = new NumberAxis("networks classifying every row right (%)");
      rateAxis.setRange(-3, 105);
      rateAxis.setTickUnit(new NumberTickUnit(10));
      valueAxis = rateAxis;
    }
    org.jfree.chart.renderer.xy.XYErrorRenderer renderer = errorBars(n, false);
    renderer.setDefaultSeriesVisibleInLegend(true);
    XYPlot main = new XYPlot(points, null, valueAxis, renderer);
    if (!d.none.isEmpty()) {
      main.setDataset(1, nonePoints);
      main.setRenderer(1, errorBars(n, false));
    }
    stylePlot(main);
    XYPlot plot = withRules(main, hiddenAxis(d), d);
    String what = errors ? "final error" : "success rate";
    String title = ReportFormat.title(d.dataset) + ": " + what + " vs hidden size, per rung reached";
    JFreeChart chart = chart(title, plot);
    subtitle(chart, "successive halving: each cell at the rung it reached (colour = rung and its epochs); no line"
        + " joins cells of different budgets; " + (errors ? "point: median, bar: interquartile range"
            : "point: share with accuracy 1, bar: 95% Wilson interval") + " over the cell's networks (seeds)");
    return render(chart, slug, errors ? "error-vs-hidden" : "success-vs-hidden", d.dataset, title,
        (errors ? "Median final error (interquartile range as bars, log axis)" : "Success rate (95% Wilson"
            + " intervals)") + " of each cell over its seeds, per hidden size, drawn at the rung the cell reached:"
            + " cells of different colours were trained to different epochs, so compare colours with care.",
        height(d));
  }

  private static Chart successVsHidden(DatasetData d, SettingNames names, String slug) {
    ChartData.BySize data = ChartData.successes(d, names);
    int n = data.lines().size();
    NumberAxis rateAxis = new NumberAxis("networks classifying every row right (%)");
    rateAxis.setRange(-3, 105);
    rateAxis.setTickUnit(new NumberTickUnit(10));
    XYPlot main = new XYPlot(intervals(data.lines()), null, rateAxis, errorBars(n, true));
    if (!d.none.isEmpty()) {
      main.setDataset(1, intervals(data.none()));
      main.setRenderer(1, errorBars(n, false));
    }
    ValueMarker reliable = new ValueMarker(100 * Rules.RELIABLE, new Color(0x777777), dashed(1f));
    reliable.setLabel("95%: reliable");
    reliable.setLabelFont(SMALL_FONT);
    reliable.setLabelPaint(new Color(0x555555));
    reliable.setLabelBackgroundColor(new Color(255, 255, 255, 0));
    reliable.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.BOTTOM_RIGHT);
    reliable.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
    main.addRangeMarker(reliable, Layer.BACKGROUND);
    stylePlot(main);

    XYPlot plot = withRules(main, hiddenAxis(d), d);
    String title = ReportFormat.title(d.dataset) + ": success rate vs hidden size";
    JFreeChart chart = chart(title, plot);
    subtitle(chart, "share of the " + d.perPoint() + " networks per point (seeds) with accuracy 1 (every row on the"
        + " right side of 0.5); bars: 95% Wilson interval; diverged networks count as failures");
    return render(chart, slug, "success-vs-hidden", d.dataset, title,
        "Share of the networks that classify every training row right, per hidden size, with 95% Wilson"
            + " intervals; the dashed line is the 95% a size needs to count as reliable.",
        height(d));
  }

  private static Chart layers(DatasetData d, SettingNames names, String slug) {
    ChartData.SideBySide data = ChartData.sides(d, names);
    int n = data.settings().size();
    YIntervalSeriesCollection errors = intervals(data.errors());
    YIntervalSeriesCollection rates = intervals(data.rates());
    Color[] sideColours = {PALETTE[1], PALETTE[0], PALETTE[2]};

    LogAxis errorAxis = logAxis("median final error E (log scale)");
    double[] ext = extent(errors);
    decades(errorAxis, ext[0], ext[1]);
    XYPlot top = new XYPlot(errors, null, errorAxis, sideRenderer(sideColours));
    for (ChartData.Label l : data.bestSizes()) {
      XYTextAnnotation label = new XYTextAnnotation(l.text(), l.x(), l.y());
      label.setFont(SMALL_FONT);
      label.setTextAnchor(TextAnchor.HALF_ASCENT_LEFT);
      top.addAnnotation(label);
    }
    stylePlot(top);
    NumberAxis rateAxis = new NumberAxis("success (%)");
    rateAxis.setRange(-3, 105);
    rateAxis.setTickUnit(new NumberTickUnit(25));
    XYErrorRenderer rateRenderer = sideRenderer(sideColours);
    rateRenderer.setDefaultSeriesVisibleInLegend(false);
    XYPlot bottom = new XYPlot(rates, null, rateAxis, rateRenderer);
    stylePlot(bottom);

    SymbolAxis settingAxis = new SymbolAxis(n > 1 ? "setting" : "", data.settings().toArray(String[]::new));
    settingAxis.setGridBandsVisible(false);
    settingAxis.setRange(-0.6, n - 0.4);
    styleAxis(settingAxis);
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(settingAxis);
    plot.setGap(12);
    plot.add(top, 3);
    plot.add(bottom, 2);
    String title = ReportFormat.title(d.dataset) + ": no hidden layer vs a hidden layer";
    JFreeChart chart = chart(title, plot);
    subtitle(chart, "top: median final error, bars: interquartile range (diverged left out); bottom: success rate,"
        + " bars: 95% Wilson interval; " + d.perPoint() + " networks per hidden size");
    return render(chart, slug, "layers", d.dataset, title,
        "The network without a hidden layer against the hidden-layer networks (every hidden size pooled, and the"
            + " best hidden size by median error, labelled h): median error with its interquartile range (top) and"
            + " success rate with its 95% Wilson interval (bottom).",
        HEIGHT + 60);
  }

  /** Representative training curves: best, median and worst network of the best hidden size and of no hidden layer. */
  private static Chart curves(DatasetData d, ChartData.Curves data, String slug, boolean halving) {
    // hidden layer in blue, no hidden layer in vermillion (as in the layers chart); best darkest and solid
    Color[] blues = {PALETTE[0], new Color(0x3D9BD6), new Color(0x8EC4E8)};
    Color[] oranges = {PALETTE[1], new Color(0xE8894A), new Color(0xF2B88F)};
    Stroke[] lineStrokes = {new BasicStroke(2.2f), dashed(2f), dotted(2f)};
    XYSeriesCollection curves = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < data.curves().size(); i++) {
      ChartData.Curve c = data.curves().get(i);
      XYSeries s = new XYSeries(c.name(), false, true);
      c.points().forEach(p -> s.add(p.x(), p.y()));
      curves.addSeries(s);
      renderer.setSeriesPaint(i, (c.hidden() ? blues : oranges)[c.rank()]);
      renderer.setSeriesStroke(i, lineStrokes[c.rank()]);
    }
    LogAxis epochAxis = logAxis("updates k + 1 (log scale; k = 0 is the initial weights)");
    LogAxis errorAxis = logAxis("error E after k updates (log scale)");
    if (curves.getSeriesCount() > 0) {
      decades(epochAxis, 1, Math.max(10, curves.getDomainUpperBound(false)));
      decades(errorAxis, curves.getRangeLowerBound(false), curves.getRangeUpperBound(false));
    }
    XYPlot plot = new XYPlot(curves, epochAxis, errorAxis, renderer);
    stylePlot(plot);
    String title = ReportFormat.title(d.dataset) + ": training curves of representative networks";
    JFreeChart chart = chart(title, plot);
    List<String> groups = halving ? data.groups().stream().map(g -> g.replace("of the best hidden size",
        "of the hidden size with the lowest median error, cells of every rung pooled")).toList() : data.groups();
    subtitle(chart, "error after k full-batch updates at log-spaced k, plotted at k + 1; best, median and worst"
        + " (by final error) of " + String.join(" and of ", groups));
    return render(chart, slug, "curves", d.dataset, title,
        "Error against the number of updates, log-log (each point at k + 1 so that the initial error, k = 0,"
            + " fits on the axis), for the best, median and worst network of the best hidden size and of the"
            + " model without a hidden layer." + (halving ? " With successive halving that size pools cells"
            + " trained to different rungs, so it need not be the winner's; each network ran to its cell's rung."
            : ""),
        HEIGHT + 40);
  }

  // ---------------------------------------------------------------------------------------------- pieces

  private static int height(DatasetData d) {
    return d.rules.isEmpty() ? HEIGHT : HEIGHT + 40 + 26 * d.rules.size();
  }

  private static NumberAxis hiddenAxis(DatasetData d) {
    NumberAxis axis = new NumberAxis("hidden units h" + (d.none.isEmpty() ? "" : " (\u201cnone\u201d: no hidden"
        + " layer)"));
    axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    axis.setNumberFormatOverride(new ChartKit.HiddenFormat());
    double lo = d.none.isEmpty() ? d.sizes.first() : 0;
    double hi = d.sizes.isEmpty() ? 0 : d.sizes.last();
    axis.setRange(lo - 0.6, hi + 0.6);
    if (hi - lo <= 20) {
      axis.setTickUnit(new NumberTickUnit(1, new ChartKit.HiddenFormat()));
    }
    return axis;
  }

  /** The main plot above a strip showing each rule's recommended hidden sizes (when the study has rules). */
  private static XYPlot withRules(XYPlot main, NumberAxis hiddenAxis, DatasetData d) {
    styleAxis(hiddenAxis);
    if (d.rules.isEmpty()) {
      main.setDomainAxis(hiddenAxis);
      return main;
    }
    XYIntervalSeriesCollection bars = new XYIntervalSeriesCollection();
    XYIntervalSeries series = new XYIntervalSeries("rules of thumb", false, true);
    List<XYTextAnnotation> labels = new ArrayList<>();
    int m = d.rules.size();
    // the plot area is about WIDTH - 110 pixels wide (axis labels and padding take the rest)
    double unitsPerPixel = (hiddenAxis.getUpperBound() - hiddenAxis.getLowerBound()) / (WIDTH - 110.0);
    for (int i = 0; i < m; i++) {
      Rules.Row rule = d.rules.get(i);
      int[] s = rule.sizes();
      double y = m - 1 - i;
      if (s.length == 0) {
        XYTextAnnotation none = new XYTextAnnotation(rule.rule() + ": no hidden size trained",
            (hiddenAxis.getLowerBound() + hiddenAxis.getUpperBound()) / 2, y);
        none.setFont(SMALL_FONT);
        labels.add(none);
        continue;
      }
      double lo = s[0] - 0.4;
      double hi = s[s.length - 1] + 0.4;
      series.add((lo + hi) / 2, lo, hi, y, y - 0.32, y + 0.32);
      String text = rule.rule() + ": h = " + ReportFormat.sizes(s);
      // inside the bar when it fits, else beside it where there is room (text width estimated from its length)
      double width = (text.length() + 2) * 6.4 * unitsPerPixel;
      double left = lo - hiddenAxis.getLowerBound();
      double right = hiddenAxis.getUpperBound() - hi;
      XYTextAnnotation label;
      if (width <= hi - lo || (width > left && width > right)) {
        label = new XYTextAnnotation(text, (lo + hi) / 2, y);
        label.setTextAnchor(TextAnchor.HALF_ASCENT_CENTER);
      } else if (width <= right) {
        label = new XYTextAnnotation("  " + text, hi, y);
        label.setTextAnchor(TextAnchor.HALF_ASCENT_LEFT);
      } else {
        label = new XYTextAnnotation(text + "  ", lo, y);
        label.setTextAnchor(TextAnchor.HALF_ASCENT_RIGHT);
      }
      label.setFont(SMALL_FONT);
      label.setPaint(new Color(0x1F2D3A));
      labels.add(label);
    }
    bars.addSeries(series);
    XYBarRenderer renderer = new XYBarRenderer();
    renderer.setUseYInterval(true);
    renderer.setBarPainter(new StandardXYBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(false);
    renderer.setSeriesPaint(0, RULE_FILL);
    renderer.setDefaultSeriesVisibleInLegend(false);
    NumberAxis ruleAxis = new NumberAxis("rules");
    ruleAxis.setRange(-0.6, m - 0.4);
    ruleAxis.setTickLabelsVisible(false);
    ruleAxis.setTickMarksVisible(false);
    styleAxis(ruleAxis);
    XYPlot strip = new XYPlot(bars, null, ruleAxis, renderer);
    labels.forEach(strip::addAnnotation);
    stylePlot(strip);
    strip.setRangeGridlinesVisible(false);

    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(hiddenAxis);
    plot.setGap(8);
    plot.add(main, 10);
    plot.add(strip, Math.max(2, (int) Math.round(m * 1.1)));
    return plot;
  }


  private static Chart render(JFreeChart chart, String slug, String kind, String dataset, String title,
      String caption, int height) {
    java.util.function.DoubleFunction<String> x = switch (kind) {
      case "error-vs-hidden", "success-vs-hidden" -> v -> Math.round(v) == 0 ? "no hidden layer"
          : "h = " + Math.round(v);
      case "curves" -> v -> "after " + ReportFormat.count(Math.round(v - 1)) + " updates";
      default -> v -> String.format(java.util.Locale.ROOT, "x = %.3g", v);
    };
    ChartKit.Drawn drawn = ChartKit.draw(chart, WIDTH, height, kind + " of " + dataset, x);
    return new Chart(FOLDER + "/" + kind + "-" + slug + ".png", dataset, kind, title, caption, WIDTH, height,
        drawn.png(), drawn.areas());
  }
}
