package nnsweep.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnsweep.search.Ladder;
import nnsweep.search.Rungs;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Successive halving's ladder: {@code ladder.csv} (one row per cell and rung it was a candidate in: its score there
 * and whether it went on), a console summary, the ladder charts (each cell's score per rung, the cells that reached
 * the top rung highlighted) and the report's section.
 */
public final class LadderTable {
  /** The column contract. */
  public static final List<String> HEADER = List.of("dataset", "model", "hidden", "bias", "learning_rate", "init",
      "rung", "rung_epochs", "networks", "score", "rank", "kept", "top_rung");

  private LadderTable() {}

  /** Writes ladder.csv (the report draws the ladder charts); returns the name written. */
  public static List<String> write(Path folder, Ladder ladder) {
    Rungs rungs = ladder.rungs();
    CsvFiles.write(folder.resolve("ladder.csv"), HEADER, printer -> {
      for (Row r : rows(ladder)) {
        Ladder.Step s = r.step();
        printer.printRecord(s.key().dataset(), s.key().model(), s.key().hidden(), s.key().bias(),
            s.key().learningRate(), s.key().init(), r.rung(), rungs.epochs(r.rung()), s.networks(),
            CsvFiles.num(s.scores()[r.rung()]), r.rank(), s.rung() > r.rung(), s.rung() == rungs.last());
      }
    });
    return List.of("ladder.csv");
  }

  /** One row of ladder.csv: a cell at a rung it was a candidate in, and its rank there in its race (1 = best). */
  record Row(Ladder.Step step, int rung, int rank) {}

  static List<Row> rows(Ladder ladder) {
    List<Row> rows = new ArrayList<>();
    List<Ladder.Step> steps = ladder.steps();
    for (int k = 0; k < ladder.rungs().count(); k++) {
      for (Ladder.Step s : steps) {
        if (s.rung() < k) {
          continue;
        }
        int rank = 1;
        for (Ladder.Step o : steps) {
          if (ladder.race(o).equals(ladder.race(s)) && o.rung() >= k && o != s && (o.scores()[k] < s.scores()[k]
              || o.scores()[k] == s.scores()[k] && o.firstId() < s.firstId())) {
            rank++;
          }
        }
        rows.add(new Row(s, k, rank));
      }
    }
    return rows;
  }

  /** A few lines for the console: candidates per rung and the best cell per dataset. */
  public static void print(PrintStream out, Ladder ladder) {
    Rungs rungs = ladder.rungs();
    StringBuilder b = new StringBuilder("nnsweep: successive halving:");
    for (int k = 0; k < rungs.count(); k++) {
      int cells = 0;
      for (Ladder.Step s : ladder.steps()) {
        cells += s.rung() >= k ? 1 : 0;
      }
      b.append(k == 0 ? " " : ", ").append(cells).append(" cells to ").append(rungs.epochs(k)).append(" epochs");
    }
    out.println(b);
    for (Ladder.Step s : ladder.best().values()) {
      out.println("  best at the top rung: " + describe(s) + ", median score "
          + ReportFormat.score(s.scores()[s.rung()]));
    }
  }

  /** A cell in words. */
  static String describe(Ladder.Step s) {
    return s.key().dataset() + " " + (s.key().model().equals("none") ? "no hidden layer" : s.key().hidden()
        + " hidden") + ", bias " + (s.key().bias() ? "on" : "off") + ", lr " + ReportFormat.plain(
            s.key().learningRate()) + ", init " + s.key().init();
  }

  /** Each summary cell's rung (-1 for a grid: {@code ladder} null, or a cell the ladder does not know). */
  public static java.util.function.ToIntFunction<nnsweep.grid.Cell> rungOf(Ladder ladder) {
    return ladder == null ? key -> -1 : ladder::rungOf;
  }

  /** The ladder charts, one per dataset. */
  public static List<Charts.Chart> charts(Ladder ladder) {
    Map<Integer, List<Ladder.Step>> byDataset = new LinkedHashMap<>();
    ladder.steps().forEach(s -> byDataset.computeIfAbsent(s.datasetIndex(), d -> new ArrayList<>()).add(s));
    List<Charts.Chart> charts = new ArrayList<>();
    Rungs rungs = ladder.rungs();
    for (List<Ladder.Step> steps : byDataset.values()) {
      String dataset = steps.get(0).key().dataset();
      XYSeriesCollection data = new XYSeriesCollection();
      XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
      List<Ladder.Step> ordered = new ArrayList<>(steps);
      // the top rung's cells last, so they are drawn over the others
      ordered.sort(java.util.Comparator.comparingInt(Ladder.Step::rung));
      int top = 0;
      for (int i = 0; i < ordered.size(); i++) {
        Ladder.Step s = ordered.get(i);
        boolean atTop = s.rung() == rungs.last();
        XYSeries series = new XYSeries(atTop ? describe(s) : "cell " + i, false, true);
        for (int k = 0; k <= s.rung(); k++) {
          double score = s.scores()[k];
          if (score > 0 && Double.isFinite(score)) {
            series.add(k, score);
          }
        }
        data.addSeries(series);
        renderer.setSeriesPaint(i, atTop ? TOP[top++ % TOP.length] : new Color(0xB0B8C0));
        renderer.setSeriesStroke(i, new BasicStroke(atTop ? 2.5f : 1f));
        renderer.setSeriesVisibleInLegend(i, atTop);
      }
      String[] labels = new String[rungs.count()];
      for (int k = 0; k < labels.length; k++) {
        labels[k] = "rung " + k + ": " + ReportFormat.count(rungs.epochs(k)) + " epochs";
      }
      SymbolAxis x = new SymbolAxis("rung (each continues the survivors of the one before)", labels);
      x.setRange(-0.3, labels.length - 0.7);
      LogAxis y = new LogAxis("cell score: median error over seeds (log scale)");
      y.setBase(10);
      y.setSmallestValue(1e-300);
      TickUnits units = new TickUnits();
      for (int step : new int[] {1, 2, 3, 5, 10}) {
        units.add(new NumberTickUnit(step));
      }
      y.setStandardTickUnits(units);
      XYPlot plot = new XYPlot(data, x, y, renderer);
      plot.setBackgroundPaint(Color.WHITE);
      plot.setRangeGridlinePaint(new Color(0xDDDDDD));
      plot.setDomainGridlinePaint(new Color(0xDDDDDD));
      String title = "Successive halving: " + dataset;
      JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 17), plot, true);
      chart.setBackgroundPaint(Color.WHITE);
      chart.addSubtitle(new TextTitle(steps.size() + " cells; each rung keeps the best 1/" + rungs.reduction()
          + "; grey: eliminated, coloured: reached the top rung", new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
      ChartKit.Drawn drawn = ChartKit.draw(chart, Charts.WIDTH, Charts.HEIGHT, "ladder of " + dataset,
          v -> "rung " + Math.round(v) + " (" + ReportFormat.count(rungs.epochs((int) Math.round(v))) + " epochs)");
      charts.add(new Charts.Chart(Charts.FOLDER + "/ladder-" + ChartData.slug(dataset) + ".png", dataset, "ladder",
          title, "Each cell's score (median error over its seeds: validation error where the dataset has validation"
              + " rows, else test error where it has test rows) at"
              + " each rung it reached; the survivors continued from their weights.", Charts.WIDTH, Charts.HEIGHT,
          drawn.png(), drawn.areas()));
    }
    return charts;
  }

  private static final Color[] TOP = {new Color(0xD62728), new Color(0x1F77B4), new Color(0x2CA02C),
      new Color(0x9467BD), new Color(0xFF7F0E), new Color(0x8C564B)};

  /** The report's section: per dataset, each rung's candidates and what went on. */
  static void section(HtmlReport.Html h, Ladder ladder) {
    Rungs rungs = ladder.rungs();
    h.raw("<section id=\"ladder\">\n<h2>Successive halving: which cells reached which rung</h2>\n<p>")
        .text("Rung k trains its candidate cells to the epochs shown; each dataset keeps its best cells (lowest"
            + " median error over seeds) for the next rung, whose networks continue from their weights. A cell's"
            + " summary row describes its networks at the rung it reached (summary.csv: rung, rung_epochs).")
        .raw("</p>\n<div class=\"scroll\"><table class=\"sortable\">\n<thead><tr><th>dataset</th><th>cell</th>")
        .raw("<th class=\"num\">rung reached</th><th class=\"num\">epochs reached</th>");
    for (int k = 0; k < rungs.count(); k++) {
      h.raw("<th>rung ").text(Integer.toString(k)).raw(" (").text(ReportFormat.count(rungs.epochs(k)))
          .raw(" epochs)</th>");
    }
    h.raw("</tr></thead>\n<tbody>\n");
    List<Ladder.Step> steps = new ArrayList<>(ladder.steps());
    steps.sort(java.util.Comparator.comparingInt(Ladder.Step::datasetIndex)
        .thenComparing(java.util.Comparator.comparingInt(Ladder.Step::rung).reversed())
        .thenComparingDouble(s -> s.scores()[s.rung()]));
    for (Ladder.Step s : steps) {
      h.raw(s.rung() == rungs.last() ? "<tr class=\"best\">" : "<tr>").raw("<td>").text(s.key().dataset())
          .raw("</td><td>").text(describe(s).substring(s.key().dataset().length() + 1)).raw("</td>")
          .raw("<td class=\"num\">").text(Integer.toString(s.rung())).raw("</td><td class=\"num\">")
          .text(ReportFormat.count(rungs.epochs(s.rung()))).raw("</td>");
      for (int k = 0; k < rungs.count(); k++) {
        double v = s.scores()[k];
        h.raw("<td class=\"num\">").text(Double.isNaN(v) ? "" : ReportFormat.score(v))
            .raw("</td>");
      }
      h.raw("</tr>\n");
    }
    h.raw("</tbody></table></div>\n</section>\n");
  }
}
