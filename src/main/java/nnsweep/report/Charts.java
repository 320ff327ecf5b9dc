package nnsweep.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nnsweep.grid.NetworkSpec;
import nnsweep.run.TrainingResult;
import nnsweep.stats.DatasetReport;
import nnsweep.stats.Layers;
import nnsweep.stats.Rules;
import nnsweep.stats.Stats;
import nnsweep.stats.Summary;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
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
 * pooled). Error statistics leave out diverged networks; success counts them as failures (as in the tables).
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

  /** Okabe-Ito colours (distinguishable with colour-blindness), the yellow left out (unreadable on white). */
  static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
      new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000)};

  private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 17);
  private static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Font SMALL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  private static final Color GRID = new Color(0xDDDDDD);
  private static final Color RULE_FILL = new Color(0xC9D6E3);

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
      int height, byte[] png) {}

  /** The settings a study crosses with every network shape: each is a series of its own. */
  record Setting(boolean bias, double learningRate, int epochs, String init) {
    static Setting of(Summary.Key k) {
      return new Setting(k.bias(), k.learningRate(), k.epochs(), k.init());
    }

    static Setting of(NetworkSpec s) {
      return new Setting(s.bias(), s.learningRate(), s.epochs(), s.init().label());
    }

    /** The grid's axis order: learning rate, epochs, bias, init. */
    static final Comparator<Setting> ORDER = Comparator.comparingDouble(Setting::learningRate)
        .thenComparingInt(Setting::epochs).thenComparing(Setting::bias).thenComparing(Setting::init);
  }

  /** Names settings by the axes that vary in the study (bias, learning rate and epochs when none does). */
  record SettingNames(boolean biasVaries, boolean rateVaries, boolean epochsVaries, boolean initVaries) {
    static SettingNames of(List<Summary.Row> summary) {
      Set<Boolean> b = new HashSet<>();
      Set<Double> r = new HashSet<>();
      Set<Integer> e = new HashSet<>();
      Set<String> i = new HashSet<>();
      for (Summary.Row row : summary) {
        b.add(row.key().bias());
        r.add(row.key().learningRate());
        e.add(row.key().epochs());
        i.add(row.key().init());
      }
      return new SettingNames(b.size() > 1, r.size() > 1, e.size() > 1, i.size() > 1);
    }

    boolean anyVaries() {
      return biasVaries || rateVaries || epochsVaries || initVaries;
    }

    String name(Setting s) {
      boolean full = !anyVaries();
      List<String> parts = new ArrayList<>();
      if (full || biasVaries) {
        parts.add("bias " + ReportFormat.onOff(s.bias()));
      }
      if (full || rateVaries) {
        parts.add("lr " + ReportFormat.plain(s.learningRate()));
      }
      if (full || epochsVaries) {
        parts.add(ReportFormat.count(s.epochs()) + " epochs");
      }
      if (initVaries) {
        parts.add("init " + s.init());
      }
      return String.join(", ", parts);
    }
  }

  private Charts() {}

  /** Renders every chart of the model, per dataset in study order. */
  public static List<Chart> render(ReportModel model) {
    List<Chart> charts = new ArrayList<>();
    SettingNames names = SettingNames.of(model.summary());
    Set<String> usedNames = new HashSet<>();
    for (DatasetReport report : model.datasets()) {
      String slug = uniqueSlug(report.dataset(), usedNames);
      DatasetData data = DatasetData.of(report);
      if (!data.hidden.isEmpty()) {
        charts.add(errorVsHidden(data, names, slug));
        charts.add(successVsHidden(data, names, slug));
      }
      charts.add(layers(data, names, slug));
      if (report.curves()) {
        charts.add(curves(data, model.drawn(), names, slug));
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

  /** Renders and writes every chart; returns the names written. */
  public static List<String> write(Path folder, ReportModel model) {
    return write(folder, render(model));
  }

  /** A dataset name made safe for a file name: lower case letters, digits, '.', '_' and '-'. */
  static String slug(String dataset) {
    String s = dataset.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
    return s.isEmpty() ? "dataset" : s;
  }

  private static String uniqueSlug(String dataset, Set<String> used) {
    String base = slug(dataset);
    String s = base;
    for (int i = 2; !used.add(s); i++) {
      s = base + "-" + i;
    }
    return s;
  }

  // ---------------------------------------------------------------------------------------------- data

  /** One dataset's cells (its summary rows), grouped the ways the charts need. */
  static final class DatasetData {
    final String dataset;
    final DatasetReport report;
    /** Setting -> hidden size -> its cell. */
    final TreeMap<Setting, TreeMap<Integer, Summary.Row>> hidden = new TreeMap<>(Setting.ORDER);
    /** Setting -> the no-hidden-layer cell. */
    final TreeMap<Setting, Summary.Row> none = new TreeMap<>(Setting.ORDER);
    final TreeSet<Setting> settings = new TreeSet<>(Setting.ORDER);
    final TreeSet<Integer> sizes = new TreeSet<>();
    final List<Rules.Row> rules;

    private DatasetData(DatasetReport report) {
      this.dataset = report.dataset();
      this.report = report;
      this.rules = report.rules();
    }

    static DatasetData of(DatasetReport report) {
      DatasetData d = new DatasetData(report);
      for (Summary.Row row : report.summary()) {
        Setting s = Setting.of(row.key());
        d.settings.add(s);
        if (row.key().hidden() == 0) {
          d.none.put(s, row);
        } else {
          d.sizes.add(row.key().hidden());
          d.hidden.computeIfAbsent(s, k -> new TreeMap<>()).put(row.key().hidden(), row);
        }
      }
      return d;
    }

    /** The largest number of networks behind one point (seeds). */
    long perPoint() {
      return report.summary().stream().mapToLong(Summary.Row::networks).max().orElse(0);
    }
  }

  /** Horizontal offset of series {@code i} of {@code n}, so points and bars of different settings do not overlap. */
  private static double offset(int i, int n) {
    if (n <= 1) {
      return 0;
    }
    double step = Math.min(0.1, 0.5 / (n - 1));
    return (i - (n - 1) / 2.0) * step;
  }

  /** Errors can be 0 (exact fits); a log axis cannot show that, so they are drawn at a floor below the data. */
  private static double positive(double v, double floor) {
    return v > 0 ? v : floor;
  }

  // ---------------------------------------------------------------------------------------------- charts

  private static Chart errorVsHidden(DatasetData d, SettingNames names, String slug) {
    double floor = d.report.errorFloor();
    YIntervalSeriesCollection lines = new YIntervalSeriesCollection();
    YIntervalSeriesCollection noneBars = new YIntervalSeriesCollection();
    List<Setting> settings = new ArrayList<>(d.settings);
    int n = settings.size();
    for (int i = 0; i < n; i++) {
      Setting s = settings.get(i);
      double dx = offset(i, n);
      YIntervalSeries line = new YIntervalSeries(seriesName(names, s), false, true);
      for (var e : d.hidden.getOrDefault(s, new TreeMap<>()).entrySet()) {
        Stats.Quartiles q = e.getValue().quartiles();
        if (q.present()) {
          line.add(e.getKey() + dx, positive(q.median(), floor), positive(q.lower(), floor),
              positive(q.upper(), floor));
        }
      }
      lines.addSeries(line);
      YIntervalSeries bar = new YIntervalSeries(seriesName(names, s) + " (no hidden layer)", false, true);
      Stats.Quartiles q = d.none.containsKey(s) ? d.none.get(s).quartiles() : null;
      if (q != null && q.present()) {
        bar.add(dx, positive(q.median(), floor), positive(q.lower(), floor), positive(q.upper(), floor));
      }
      noneBars.addSeries(bar);
    }

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

  private static Chart successVsHidden(DatasetData d, SettingNames names, String slug) {
    YIntervalSeriesCollection lines = new YIntervalSeriesCollection();
    YIntervalSeriesCollection nonePoints = new YIntervalSeriesCollection();
    List<Setting> settings = new ArrayList<>(d.settings);
    int n = settings.size();
    for (int i = 0; i < n; i++) {
      Setting s = settings.get(i);
      double dx = offset(i, n);
      YIntervalSeries line = new YIntervalSeries(seriesName(names, s), false, true);
      for (var e : d.hidden.getOrDefault(s, new TreeMap<>()).entrySet()) {
        Stats.Rate r = e.getValue().success();
        line.add(e.getKey() + dx, 100 * r.rate(), 100 * r.low(), 100 * r.high());
      }
      lines.addSeries(line);
      YIntervalSeries point = new YIntervalSeries(seriesName(names, s) + " (no hidden layer)", false, true);
      if (d.none.containsKey(s)) {
        Stats.Rate r = d.none.get(s).success();
        point.add(dx, 100 * r.rate(), 100 * r.low(), 100 * r.high());
      }
      nonePoints.addSeries(point);
    }
    NumberAxis rateAxis = new NumberAxis("networks classifying every row right (%)");
    rateAxis.setRange(-3, 105);
    rateAxis.setTickUnit(new NumberTickUnit(10));
    XYPlot main = new XYPlot(lines, null, rateAxis, errorBars(n, true));
    if (!d.none.isEmpty()) {
      main.setDataset(1, nonePoints);
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
    List<Setting> settings = new ArrayList<>(d.settings);
    int n = settings.size();
    String[] symbols = settings.stream().map(names::name).toArray(String[]::new);
    double floor = d.report.errorFloor();
    String[] sideNames = {"no hidden layer", "hidden layer, all sizes pooled", "best hidden size"};
    YIntervalSeriesCollection errors = new YIntervalSeriesCollection();
    YIntervalSeriesCollection rates = new YIntervalSeriesCollection();
    YIntervalSeries[] e = new YIntervalSeries[3];
    YIntervalSeries[] r = new YIntervalSeries[3];
    for (int k = 0; k < 3; k++) {
      e[k] = new YIntervalSeries(sideNames[k], false, true);
      r[k] = new YIntervalSeries(sideNames[k], false, true);
    }
    List<XYTextAnnotation> bestLabels = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Setting s = settings.get(i);
      Layers.Row row = d.report.layers().stream()
          .filter(l -> new Setting(l.key().bias(), l.key().learningRate(), l.key().epochs(), l.key().init())
              .equals(s)).findFirst().orElseThrow();
      int best = row.bestHiddenSize();
      Summary.Row bestCell = best == 0 ? null : d.hidden.get(s).get(best);
      List<Stats.Quartiles> quartiles = new ArrayList<>();
      List<Stats.Rate> successes = new ArrayList<>();
      for (Layers.Side side : new Layers.Side[] {row.none(), row.hidden()}) {
        quartiles.add(side == null ? null : side.quartiles());
        successes.add(side == null ? null : side.success());
      }
      quartiles.add(bestCell == null ? null : bestCell.quartiles());
      successes.add(bestCell == null ? null : bestCell.success());
      for (int k = 0; k < 3; k++) {
        if (successes.get(k) == null) {
          continue;
        }
        double x = i + (k - 1) * 0.22;
        Stats.Quartiles q = quartiles.get(k);
        if (q.present()) {
          e[k].add(x, positive(q.median(), floor), positive(q.lower(), floor), positive(q.upper(), floor));
          if (k == 2) {
            XYTextAnnotation label = new XYTextAnnotation("    h = " + best, x, positive(q.median(), floor));
            label.setFont(SMALL_FONT);
            label.setTextAnchor(TextAnchor.HALF_ASCENT_LEFT);
            bestLabels.add(label);
          }
        }
        Stats.Rate rate = successes.get(k);
        r[k].add(x, 100 * rate.rate(), 100 * rate.low(), 100 * rate.high());
      }
    }
    for (int k = 0; k < 3; k++) {
      errors.addSeries(e[k]);
      rates.addSeries(r[k]);
    }
    Color[] sideColours = {PALETTE[1], PALETTE[0], PALETTE[2]};

    LogAxis errorAxis = logAxis("median final error E (log scale)");
    double[] ext = extent(errors);
    decades(errorAxis, ext[0], ext[1]);
    XYPlot top = new XYPlot(errors, null, errorAxis, sideRenderer(sideColours));
    bestLabels.forEach(top::addAnnotation);
    stylePlot(top);
    NumberAxis rateAxis = new NumberAxis("success (%)");
    rateAxis.setRange(-3, 105);
    rateAxis.setTickUnit(new NumberTickUnit(25));
    XYErrorRenderer rateRenderer = sideRenderer(sideColours);
    rateRenderer.setDefaultSeriesVisibleInLegend(false);
    XYPlot bottom = new XYPlot(rates, null, rateAxis, rateRenderer);
    stylePlot(bottom);

    SymbolAxis settingAxis = new SymbolAxis(n > 1 ? "setting" : "", symbols);
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
  private static Chart curves(DatasetData d, Map<Long, TrainingResult> drawn, SettingNames names,
      String slug) {
    XYSeriesCollection curves = new XYSeriesCollection();
    List<Paint> paints = new ArrayList<>();
    List<Stroke> strokes = new ArrayList<>();
    // hidden layer in blue, no hidden layer in vermillion (as in the layers chart); best darkest and solid
    Color[] blues = {PALETTE[0], new Color(0x3D9BD6), new Color(0x8EC4E8)};
    Color[] oranges = {PALETTE[1], new Color(0xE8894A), new Color(0xF2B88F)};
    Stroke[] lineStrokes = {new BasicStroke(2.2f), dashed(2f), dotted(2f)};
    List<String> groups = new ArrayList<>();
    for (DatasetReport.CurveGroup g : d.report.curveGroups()) {
      if (g.hidden() > 0) {
        addRepresentatives(curves, paints, strokes, g, drawn, "h = " + g.hidden(), names, blues, lineStrokes);
        groups.add("the " + g.networks() + " networks of the best hidden size (h = " + g.hidden() + ")");
      } else {
        addRepresentatives(curves, paints, strokes, g, drawn, "no hidden layer", names, oranges, lineStrokes);
        groups.add("the " + g.networks() + " networks without a hidden layer");
      }
    }
    LogAxis epochAxis = logAxis("updates k + 1 (log scale; k = 0 is the initial weights)");
    LogAxis errorAxis = logAxis("error E after k updates (log scale)");
    if (curves.getSeriesCount() > 0) {
      decades(epochAxis, 1, Math.max(10, curves.getDomainUpperBound(false)));
      decades(errorAxis, curves.getRangeLowerBound(false), curves.getRangeUpperBound(false));
    }
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < paints.size(); i++) {
      renderer.setSeriesPaint(i, paints.get(i));
      renderer.setSeriesStroke(i, strokes.get(i));
    }
    XYPlot plot = new XYPlot(curves, epochAxis, errorAxis, renderer);
    stylePlot(plot);
    String title = ReportFormat.title(d.dataset) + ": training curves of representative networks";
    JFreeChart chart = chart(title, plot);
    subtitle(chart, "error after k full-batch updates at log-spaced k, plotted at k + 1; best, median and worst"
        + " (by final error) of " + String.join(" and of ", groups));
    return render(chart, slug, "curves", d.dataset, title,
        "Error against the number of updates, log-log (each point at k + 1 so that the initial error, k = 0,"
            + " fits on the axis), for the best, median and worst network of the best hidden size and of the"
            + " model without a hidden layer.",
        HEIGHT + 40);
  }

  private static void addRepresentatives(XYSeriesCollection curves, List<Paint> paints, List<Stroke> strokes,
      DatasetReport.CurveGroup group, Map<Long, TrainingResult> drawn, String groupName, SettingNames names,
      Color[] colours, Stroke[] lineStrokes) {
    List<String> order = List.of("best", "median", "worst");
    for (DatasetReport.Pick pick : group.picks()) {
      int k = order.indexOf(pick.which());
      TrainingResult r = drawn.get(pick.id());
      if (r == null) {
        throw new IllegalArgumentException("network " + pick.id() + " (the " + pick.which() + " of " + groupName
            + ") is not among the drawn networks");
      }
      String setting = names.anyVaries() ? ", " + names.name(Setting.of(r.spec())) : "";
      String name = String.format(Locale.ROOT, "%s, %s: seed %d%s, final E = %s%s", groupName, pick.which(),
          r.spec().seed(), setting, ReportFormat.error(r.finalError()), r.diverged() ? " (diverged)" : "");
      XYSeries s = new XYSeries(name, false, true);
      for (int i = 0; i < r.curveEpochs().length; i++) {
        double e = r.curve()[i];
        if (Double.isFinite(e) && e > 0) {
          s.add(r.curveEpochs()[i] + 1.0, e);
        }
      }
      curves.addSeries(s);
      paints.add(colours[k]);
      strokes.add(lineStrokes[k]);
    }
  }

  // ---------------------------------------------------------------------------------------------- pieces

  private static String seriesName(SettingNames names, Setting s) {
    return names.name(s);
  }

  private static int height(DatasetData d) {
    return d.rules.isEmpty() ? HEIGHT : HEIGHT + 40 + 26 * d.rules.size();
  }

  private static NumberAxis hiddenAxis(DatasetData d) {
    NumberAxis axis = new NumberAxis("hidden units h" + (d.none.isEmpty() ? "" : " (\u201cnone\u201d: no hidden"
        + " layer)"));
    axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    axis.setNumberFormatOverride(new HiddenFormat());
    double lo = d.none.isEmpty() ? d.sizes.first() : 0;
    double hi = d.sizes.isEmpty() ? 0 : d.sizes.last();
    axis.setRange(lo - 0.6, hi + 0.6);
    if (hi - lo <= 20) {
      axis.setTickUnit(new NumberTickUnit(1, new HiddenFormat()));
    }
    return axis;
  }

  /** Labels hidden sizes, 0 as "none". */
  static final class HiddenFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;

    @Override
    public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
      if (Math.abs(number) < 1e-9) {
        return to.append("none");
      }
      return number == Math.rint(number) ? to.append((long) number) : to;
    }

    @Override
    public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
      return number == 0 ? to.append("none") : to.append(number);
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
      return null;
    }
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

  private static XYErrorRenderer errorBars(int n, boolean lines) {
    XYErrorRenderer r = new XYErrorRenderer();
    r.setDrawXError(false);
    r.setDrawYError(true);
    r.setCapLength(7);
    r.setDefaultLinesVisible(lines);
    r.setDefaultShapesVisible(true);
    r.setErrorStroke(new BasicStroke(1.4f));
    styleSeries(r, n, lines);
    if (!lines) {
      r.setDefaultSeriesVisibleInLegend(false);
    }
    return r;
  }

  private static XYErrorRenderer sideRenderer(Color[] colours) {
    XYErrorRenderer r = new XYErrorRenderer();
    r.setDrawXError(false);
    r.setCapLength(7);
    r.setDefaultLinesVisible(false);
    r.setDefaultShapesVisible(true);
    r.setErrorStroke(new BasicStroke(1.6f));
    java.awt.Shape[] shapes = {new java.awt.geom.Rectangle2D.Double(-4.5, -4.5, 9, 9),
        new java.awt.geom.Ellipse2D.Double(-5, -5, 10, 10), diamond(6)};
    for (int k = 0; k < colours.length; k++) {
      r.setSeriesPaint(k, colours[k]);
      r.setSeriesShape(k, shapes[k]);
    }
    return r;
  }

  private static java.awt.Shape diamond(double s) {
    java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
    p.moveTo(0, -s);
    p.lineTo(s, 0);
    p.lineTo(0, s);
    p.lineTo(-s, 0);
    p.closePath();
    return p;
  }

  /** Colours (and, past the palette, dashes) per series. */
  private static void styleSeries(XYLineAndShapeRenderer r, int n, boolean lines) {
    for (int i = 0; i < n; i++) {
      Color c = PALETTE[i % PALETTE.length];
      r.setSeriesPaint(i, c);
      r.setSeriesFillPaint(i, c);
      r.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
      r.setSeriesStroke(i, i < PALETTE.length ? new BasicStroke(2f) : dashed(2f));
      r.setSeriesLinesVisible(i, lines);
    }
  }

  private static LogAxis logAxis(String label) {
    LogAxis axis = new LogAxis(label);
    axis.setBase(10);
    axis.setSmallestValue(1e-300);
    // ticks at whole powers of ten only (10^-3, not 10^-2.5)
    TickUnits units = new TickUnits();
    for (int step : new int[] {1, 2, 3, 5, 10, 20, 50, 100}) {
      units.add(new NumberTickUnit(step));
    }
    axis.setStandardTickUnits(units);
    styleAxis(axis);
    return axis;
  }

  /** Sets a log axis to whole decades around the values (at least one decade), so it has labelled ticks. */
  private static void decades(LogAxis axis, double min, double max) {
    if (!(min > 0) || !(max > 0) || !Double.isFinite(min) || !Double.isFinite(max)) {
      return;
    }
    double lo = Math.floor(Math.log10(min) + 1e-9);
    double hi = Math.ceil(Math.log10(max) - 1e-9);
    if (hi <= lo) {
      hi = lo + 1;
    }
    axis.setRange(Math.pow(10, lo), Math.pow(10, hi));
  }

  /** The smallest and largest y (low and high included) of interval series, {+inf, -inf} when empty. */
  private static double[] extent(YIntervalSeriesCollection... collections) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (YIntervalSeriesCollection c : collections) {
      for (int s = 0; s < c.getSeriesCount(); s++) {
        for (int i = 0; i < c.getItemCount(s); i++) {
          min = Math.min(min, c.getStartYValue(s, i));
          max = Math.max(max, c.getEndYValue(s, i));
        }
      }
    }
    return new double[] {min, max};
  }

  private static void styleAxis(ValueAxis axis) {
    axis.setLabelFont(LABEL_FONT);
    axis.setTickLabelFont(TICK_FONT);
    axis.setLabelPaint(Color.DARK_GRAY);
    axis.setTickLabelPaint(Color.DARK_GRAY);
  }

  private static void stylePlot(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setDomainGridlineStroke(new BasicStroke(1f));
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setOutlinePaint(new Color(0xAAAAAA));
    plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
    if (plot.getRangeAxis() != null) {
      styleAxis(plot.getRangeAxis());
    }
    if (plot.getDomainAxis() != null) {
      styleAxis(plot.getDomainAxis());
    }
  }

  private static JFreeChart chart(String title, XYPlot plot) {
    JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setPadding(new RectangleInsets(6, 8, 6, 14));
    LegendTitle legend = chart.getLegend();
    legend.setItemFont(TICK_FONT);
    legend.setFrame(BlockBorder.NONE);
    legend.setPosition(RectangleEdge.BOTTOM);
    return chart;
  }

  private static void subtitle(JFreeChart chart, String text) {
    TextTitle t = new TextTitle(text, SUBTITLE_FONT);
    t.setPaint(new Color(0x444444));
    t.setHorizontalAlignment(HorizontalAlignment.CENTER);
    t.setMaximumLinesToDisplay(2);
    t.setPadding(new RectangleInsets(2, 20, 6, 20));
    chart.addSubtitle(0, t);
  }

  private static Stroke dashed(float width) {
    return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 4f}, 0f);
  }

  private static Stroke dotted(float width) {
    return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {1f, 4f}, 0f);
  }

  private static Chart render(JFreeChart chart, String slug, String kind, String dataset, String title,
      String caption, int height) {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(png, chart, WIDTH, height);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot draw chart " + kind + " of " + dataset + ": " + e.getMessage(), e);
    }
    return new Chart(FOLDER + "/" + kind + "-" + slug + ".png", dataset, kind, title, caption, WIDTH, height,
        png.toByteArray());
  }


}
