package nnsweep.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The charts' drawing kit (JFreeChart): colours, fonts, axes, renderers, the look of plots and charts, and the PNG
 * encoding. {@link Charts} builds each chart from {@link ChartData}'s series with these.
 */
final class ChartKit {
  /** Okabe-Ito colours (distinguishable with colour-blindness), the yellow left out (unreadable on white). */
  static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
      new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000)};

  static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 17);
  static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final Font SMALL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  static final Color GRID = new Color(0xDDDDDD);
  static final Color RULE_FILL = new Color(0xC9D6E3);

  private ChartKit() {}

  /** Interval series as JFreeChart's, in order (no sorting, duplicates kept). */
  static YIntervalSeriesCollection intervals(List<ChartData.Series> series) {
    YIntervalSeriesCollection c = new YIntervalSeriesCollection();
    for (ChartData.Series s : series) {
      YIntervalSeries y = new YIntervalSeries(s.name(), false, true);
      s.points().forEach(p -> y.add(p.x(), p.y(), p.low(), p.high()));
      c.addSeries(y);
    }
    return c;
  }

  /** A region of a drawn chart and the value under it, for the page's image map (a tooltip on hover). */
  record Area(String shape, String coords, String title) {}

  /** A chart drawn as PNG bytes, with its data points' regions. */
  record Drawn(byte[] png, List<Area> areas) {}

  /**
   * The chart as a PNG image (as {@link #png}, the same bytes) and the regions of its data points, each with its
   * series and values in words; {@code x} writes an x value.
   */
  static Drawn draw(JFreeChart chart, int width, int height, String what,
      java.util.function.DoubleFunction<String> x) {
    tooltips(chart.getPlot(), x);
    org.jfree.chart.ChartRenderingInfo info =
        new org.jfree.chart.ChartRenderingInfo(new org.jfree.chart.entity.StandardEntityCollection());
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(png, chart, width, height, info);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot draw chart " + what + ": " + e.getMessage(), e);
    }
    List<Area> areas = new java.util.ArrayList<>();
    for (Object o : info.getEntityCollection().getEntities()) {
      if (o instanceof org.jfree.chart.entity.XYItemEntity e && e.getToolTipText() != null) {
        areas.add(new Area(e.getShapeType(), e.getShapeCoords(), e.getToolTipText()));
      }
    }
    return new Drawn(png.toByteArray(), areas);
  }

  private static void tooltips(org.jfree.chart.plot.Plot plot, java.util.function.DoubleFunction<String> x) {
    if (plot instanceof org.jfree.chart.plot.CombinedDomainXYPlot c) {
      for (Object sub : c.getSubplots()) {
        // the rules strip below the main plot is labelled on the chart itself
        if (sub == c.getSubplots().get(0)) {
          tooltips((XYPlot) sub, x);
        }
      }
    } else if (plot instanceof XYPlot p) {
      for (int i = 0; i < p.getRendererCount(); i++) {
        if (p.getRenderer(i) != null) {
          p.getRenderer(i).setDefaultToolTipGenerator((data, series, item) -> {
            String text = data.getSeriesKey(series) + ": " + x.apply(data.getXValue(series, item)) + ", "
                + value(data.getYValue(series, item));
            if (data instanceof org.jfree.data.xy.IntervalXYDataset iv
                && iv.getStartYValue(series, item) != iv.getEndYValue(series, item)) {
              text += " [" + value(iv.getStartYValue(series, item)) + ", " + value(iv.getEndYValue(series, item))
                  + "]";
            }
            return text;
          });
        }
      }
    }
  }

  private static String value(double v) {
    return String.format(java.util.Locale.ROOT, "%.3g", v);
  }

  /** The chart as a PNG image of {@code width} x {@code height} pixels. */
  static byte[] png(JFreeChart chart, int width, int height, String what) {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(png, chart, width, height);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot draw chart " + what + ": " + e.getMessage(), e);
    }
    return png.toByteArray();
  }

  static XYErrorRenderer errorBars(int n, boolean lines) {
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

  static XYErrorRenderer sideRenderer(Color[] colours) {
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

  static java.awt.Shape diamond(double s) {
    java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
    p.moveTo(0, -s);
    p.lineTo(s, 0);
    p.lineTo(0, s);
    p.lineTo(-s, 0);
    p.closePath();
    return p;
  }

  /** Colours (and, past the palette, dashes) per series. */
  static void styleSeries(XYLineAndShapeRenderer r, int n, boolean lines) {
    for (int i = 0; i < n; i++) {
      Color c = PALETTE[i % PALETTE.length];
      r.setSeriesPaint(i, c);
      r.setSeriesFillPaint(i, c);
      r.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
      r.setSeriesStroke(i, i < PALETTE.length ? new BasicStroke(2f) : dashed(2f));
      r.setSeriesLinesVisible(i, lines);
    }
  }

  static LogAxis logAxis(String label) {
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
  static void decades(LogAxis axis, double min, double max) {
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
  static double[] extent(YIntervalSeriesCollection... collections) {
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

  static void styleAxis(ValueAxis axis) {
    axis.setLabelFont(LABEL_FONT);
    axis.setTickLabelFont(TICK_FONT);
    axis.setLabelPaint(Color.DARK_GRAY);
    axis.setTickLabelPaint(Color.DARK_GRAY);
  }

  static void stylePlot(XYPlot plot) {
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

  static JFreeChart chart(String title, XYPlot plot) {
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

  static void subtitle(JFreeChart chart, String text) {
    TextTitle t = new TextTitle(text, SUBTITLE_FONT);
    t.setPaint(new Color(0x444444));
    t.setHorizontalAlignment(HorizontalAlignment.CENTER);
    t.setMaximumLinesToDisplay(2);
    t.setPadding(new RectangleInsets(2, 20, 6, 20));
    chart.addSubtitle(0, t);
  }

  static Stroke dashed(float width) {
    return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 4f}, 0f);
  }

  static Stroke dotted(float width) {
    return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {1f, 4f}, 0f);
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
}
