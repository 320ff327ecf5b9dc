package nnsweep.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nnsweep.grid.Cell;
import nnsweep.grid.NetworkSpec;
import nnsweep.run.TrainingResult;
import nnsweep.stats.DatasetReport;
import nnsweep.stats.Layers;
import nnsweep.stats.Rules;
import nnsweep.stats.Stats;
import nnsweep.stats.Summary;

/**
 * What the charts show, shaped from a dataset's report and nothing drawn: the settings and their names, each chart's
 * series of points (x, the value, its interval) and the networks of the curves chart. {@link Charts} draws them.
 */
final class ChartData {
  private ChartData() {}

  /** The settings a study crosses with every network shape: each is a series of its own. */
  record Setting(boolean bias, double learningRate, int epochs, String init) {
    static Setting of(Cell k) {
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

  /** A point of a series: at {@code x}, the value {@code y} and its interval from {@code low} to {@code high}. */
  record Point(double x, double y, double low, double high) {}

  /** A named series of points, in drawing order. */
  record Series(String name, List<Point> points) {}

  /**
   * A chart over hidden sizes: per setting, a line over the hidden sizes and the no-hidden-layer point at x = 0
   * (empty when the setting has none), each setting shifted a little so that their bars do not overlap.
   */
  record BySize(List<Series> lines, List<Series> none) {}

  /** The layers chart: per side (no hidden layer, all sizes pooled, best size), errors and success rates. */
  record SideBySide(List<String> settings, List<Series> errors, List<Series> rates, List<Label> bestSizes) {}

  /** A text at a point of the chart. */
  record Label(String text, double x, double y) {}

  /**
   * One drawn training curve: {@code rank} 0, 1, 2 for the best, median and worst network of its group, {@code
   * hidden} whether the group has a hidden layer; points at (k + 1, error).
   */
  record Curve(String name, boolean hidden, int rank, List<Point> points) {}

  /** The curves chart: its curves and, in words, the groups they come from. */
  record Curves(List<Curve> curves, List<String> groups) {}

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

  /** A cell's point at {@code x}, or null when it has none. */
  @FunctionalInterface
  private interface Value {
    Point at(double x, Summary.Row cell);
  }

  /** Median final error and interquartile range over seeds, per hidden size; diverged networks left out. */
  static BySize errors(DatasetData d, SettingNames names) {
    double floor = d.report.errorFloor();
    return bySize(d, names, (x, cell) -> {
      Stats.Quartiles q = cell.quartiles();
      return q.present() ? new Point(x, positive(q.median(), floor), positive(q.lower(), floor),
          positive(q.upper(), floor)) : null;
    });
  }

  /** Success rate (%) with its 95% Wilson interval, per hidden size. */
  static BySize successes(DatasetData d, SettingNames names) {
    return bySize(d, names, (x, cell) -> percent(x, cell.success()));
  }

  /**
   * Successive halving: the cells drawn at the rung each reached, one series of unjoined points per rung (named with
   * its epochs and number of cells), each setting shifted a little; {@code errors} picks the error (else the success
   * rate) as the value.
   */
  static BySize byRung(DatasetData d, java.util.function.ToIntFunction<Cell> rungOf,
      nnsweep.search.Rungs rungs, boolean errors) {
    double floor = d.report.errorFloor();
    Value value = errors ? (x, cell) -> {
      Stats.Quartiles q = cell.quartiles();
      return q.present() ? new Point(x, positive(q.median(), floor), positive(q.lower(), floor),
          positive(q.upper(), floor)) : null;
    } : (x, cell) -> percent(x, cell.success());
    List<Setting> settings = new ArrayList<>(d.settings);
    int n = settings.size();
    List<Series> lines = new ArrayList<>();
    List<Series> none = new ArrayList<>();
    for (int k = 0; k < rungs.count(); k++) {
      List<Point> points = new ArrayList<>();
      List<Point> nonePoints = new ArrayList<>();
      int cells = 0;
      for (int i = 0; i < n; i++) {
        Setting s = settings.get(i);
        double dx = offset(i, n);
        for (var e : d.hidden.getOrDefault(s, new TreeMap<>()).entrySet()) {
          if (rungOf.applyAsInt(e.getValue().key()) == k) {
            add(points, value.at(e.getKey() + dx, e.getValue()));
            cells++;
          }
        }
        Summary.Row noneCell = d.none.get(s);
        if (noneCell != null && rungOf.applyAsInt(noneCell.key()) == k) {
          add(nonePoints, value.at(dx, noneCell));
          cells++;
        }
      }
      String name = String.format(Locale.ROOT, "rung %d: %s epochs (%d cells)", k,
          ReportFormat.count(rungs.epochs(k)), cells);
      lines.add(new Series(name, points));
      none.add(new Series(name + " (no hidden layer)", nonePoints));
    }
    return new BySize(lines, none);
  }

  private static BySize bySize(DatasetData d, SettingNames names, Value value) {
    List<Series> lines = new ArrayList<>();
    List<Series> none = new ArrayList<>();
    List<Setting> settings = new ArrayList<>(d.settings);
    int n = settings.size();
    for (int i = 0; i < n; i++) {
      Setting s = settings.get(i);
      double dx = offset(i, n);
      List<Point> line = new ArrayList<>();
      for (var e : d.hidden.getOrDefault(s, new TreeMap<>()).entrySet()) {
        add(line, value.at(e.getKey() + dx, e.getValue()));
      }
      lines.add(new Series(names.name(s), line));
      List<Point> point = new ArrayList<>();
      if (d.none.containsKey(s)) {
        add(point, value.at(dx, d.none.get(s)));
      }
      none.add(new Series(names.name(s) + " (no hidden layer)", point));
    }
    return new BySize(lines, none);
  }

  private static void add(List<Point> points, Point p) {
    if (p != null) {
      points.add(p);
    }
  }

  /**
   * Per setting, three sides: the networks without a hidden layer, every hidden size pooled, and the best hidden
   * size (labelled with its size).
   */
  static SideBySide sides(DatasetData d, SettingNames names) {
    List<Setting> settings = new ArrayList<>(d.settings);
    double floor = d.report.errorFloor();
    String[] sideNames = {"no hidden layer", "hidden layer, all sizes pooled", "best hidden size"};
    List<List<Point>> errors = new ArrayList<>();
    List<List<Point>> rates = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      errors.add(new ArrayList<>());
      rates.add(new ArrayList<>());
    }
    List<Label> bestSizes = new ArrayList<>();
    for (int i = 0; i < settings.size(); i++) {
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
          errors.get(k).add(new Point(x, positive(q.median(), floor), positive(q.lower(), floor),
              positive(q.upper(), floor)));
          if (k == 2) {
            bestSizes.add(new Label("    h = " + best, x, positive(q.median(), floor)));
          }
        }
        rates.get(k).add(percent(x, successes.get(k)));
      }
    }
    List<Series> errorSeries = new ArrayList<>();
    List<Series> rateSeries = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      errorSeries.add(new Series(sideNames[k], errors.get(k)));
      rateSeries.add(new Series(sideNames[k], rates.get(k)));
    }
    return new SideBySide(settings.stream().map(names::name).toList(), errorSeries, rateSeries, bestSizes);
  }

  /**
   * The best, median and worst network (by final error) of the best hidden size and of the networks without a
   * hidden layer, their points where the error is positive (a log axis).
   */
  static Curves curves(DatasetData d, Map<Long, TrainingResult> drawn, SettingNames names) {
    List<Curve> curves = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (DatasetReport.CurveGroup g : d.report.curveGroups()) {
      if (g.hidden() > 0) {
        representatives(curves, g, drawn, "h = " + g.hidden(), names);
        groups.add("the " + g.networks() + " networks of the best hidden size (h = " + g.hidden() + ")");
      } else {
        representatives(curves, g, drawn, "no hidden layer", names);
        groups.add("the " + g.networks() + " networks without a hidden layer");
      }
    }
    return new Curves(curves, groups);
  }

  private static void representatives(List<Curve> curves, DatasetReport.CurveGroup group,
      Map<Long, TrainingResult> drawn, String groupName, SettingNames names) {
    List<String> order = List.of("best", "median", "worst");
    for (DatasetReport.Pick pick : group.picks()) {
      TrainingResult r = drawn.get(pick.id());
      if (r == null) {
        throw new IllegalArgumentException("network " + pick.id() + " (the " + pick.which() + " of " + groupName
            + ") is not among the drawn networks");
      }
      String setting = names.anyVaries() ? ", " + names.name(Setting.of(r.spec())) : "";
      String name = String.format(Locale.ROOT, "%s, %s: seed %d%s, final E = %s%s", groupName, pick.which(),
          r.spec().seed(), setting, ReportFormat.error(r.finalError()), r.diverged() ? " (diverged)" : "");
      List<Point> points = new ArrayList<>();
      for (int i = 0; i < r.curveEpochs().length; i++) {
        double e = r.curve()[i];
        if (Double.isFinite(e) && e > 0) {
          points.add(new Point(r.curveEpochs()[i] + 1.0, e, e, e));
        }
      }
      curves.add(new Curve(name, group.hidden() > 0, order.indexOf(pick.which()), points));
    }
  }

  private static Point percent(double x, Stats.Rate r) {
    return new Point(x, 100 * r.rate(), 100 * r.low(), 100 * r.high());
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

  /** A dataset name made safe for a file name: lower case letters, digits, '.', '_' and '-'. */
  static String slug(String dataset) {
    String s = dataset.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
    return s.isEmpty() ? "dataset" : s;
  }

  /** {@link #slug}, made unique among {@code used} (which it joins). */
  static String uniqueSlug(String dataset, Set<String> used) {
    String base = slug(dataset);
    String s = base;
    for (int i = 2; !used.add(s); i++) {
      s = base + "-" + i;
    }
    return s;
  }
}
