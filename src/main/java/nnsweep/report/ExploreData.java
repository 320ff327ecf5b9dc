package nnsweep.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import nnsweep.grid.Cell;
import nnsweep.run.TrainingResult;
import nnsweep.search.Rungs;
import nnsweep.stats.DatasetReport;
import nnsweep.stats.Importance;
import nnsweep.stats.Summary;

/**
 * What the page's explore view draws, as JSON: the summary table's columns and rows (cell-level aggregates only,
 * never one row per network), each column's role (an axis of the sweep, a score, or a detail shown only for a
 * selected cell), the training curves the charts already hold (by cell), and the parameter importance of each axis
 * per dataset and score ({@link Importance#etaSquared}). The columns come from {@link SummaryTable}'s definition, so a
 * column added there reaches the view with no change here.
 */
final class ExploreData {
  /** The summary columns that are axes of the sweep (the cell's key and its successive-halving budget). */
  static final Set<String> AXES = Set.of("dataset", "model", "hidden", "bias", "learning_rate", "epochs", "init",
      "rung", "rung_epochs");

  private ExploreData() {}

  /** A column: its CSV name, role ({@code axis}, {@code score} or {@code detail}), and whether it holds numbers. */
  record Column(String name, String role, boolean numeric) {}

  /**
   * The importance of each axis for one dataset and score: the share of the score's variance across the dataset's
   * cells explained by the axis (null where the axis has a single level there, or the score no variance).
   */
  record Shares(String dataset, String score, boolean log10, int cells, List<Double> shares) {}

  /** The explore view's data of a model. */
  record Data(List<Column> columns, List<List<Object>> rows, List<String> importanceAxes, List<Shares> importance,
      List<Map<String, Object>> curves) {
    /** As embedded in the page. */
    Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      // a LinkedHashMap, not Map.of: Map.of's order changes from one JVM to the next, and the page must not
      m.put("columns", columns.stream().map(c -> {
        Map<String, Object> column = new LinkedHashMap<>();
        column.put("name", c.name());
        column.put("role", c.role());
        column.put("type", c.numeric() ? "num" : "cat");
        return column;
      }).toList());
      m.put("rows", rows);
      Map<String, Object> imp = new LinkedHashMap<>();
      imp.put("axes", importanceAxes);
      imp.put("entries", importance.stream().map(s -> {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("dataset", s.dataset());
        e.put("score", s.score());
        e.put("transform", s.log10() ? "log10" : "none");
        e.put("cells", s.cells());
        e.put("shares", s.shares().stream().map(v -> v == null ? null : round(v)).toList());
        return e;
      }).toList());
      m.put("importance", imp);
      m.put("curves", curves);
      return m;
    }
  }

  /** Whether a non-axis column is a detail (counts, interval ends, spreads) rather than a score to draw. */
  static boolean isDetail(String name) {
    return name.equals("networks") || name.equals("diverged") || name.endsWith("_ci_low")
        || name.endsWith("_ci_high") || name.startsWith("std_") || name.startsWith("min_") || name.startsWith("max_");
  }

  /** An error-like score (compared on a log scale: errors span decades). */
  static boolean logScore(String name) {
    return name.contains("error");
  }

  static Data of(ReportModel model, ToIntFunction<Cell> rungOf, Rungs rungs) {
    Table<Summary.Row> table = SummaryTable.table(rungOf, rungs, SummaryTable.validated(model.summary()),
        SummaryTable.bestEpochs(model.summary()));
    List<String> header = table.header();
    List<Summary.Row> summary = model.summary();
    List<List<Object>> cells = new ArrayList<>();
    for (Summary.Row r : summary) {
      List<Object> values = new ArrayList<>();
      for (Object o : table.record(r)) {
        values.add(value(o));
      }
      cells.add(values);
    }
    // keep the columns with a value somewhere; numeric when every value is a number
    List<Integer> kept = new ArrayList<>();
    List<Column> columns = new ArrayList<>();
    for (int c = 0; c < header.size(); c++) {
      boolean any = false;
      boolean numeric = true;
      for (List<Object> row : cells) {
        Object v = row.get(c);
        any |= v != null;
        numeric &= v == null || v instanceof Double;
      }
      if (!any) {
        continue;
      }
      String name = header.get(c);
      String role = AXES.contains(name) ? "axis" : isDetail(name) || !numeric ? "detail" : "score";
      kept.add(c);
      columns.add(new Column(name, role, numeric));
    }
    List<List<Object>> rows = new ArrayList<>();
    for (List<Object> row : cells) {
      List<Object> r = new ArrayList<>(kept.size());
      kept.forEach(c -> r.add(row.get(c) instanceof Double d ? round(d) : row.get(c)));
      rows.add(r);
    }
    List<String> axes = new ArrayList<>();
    for (Column c : columns) {
      if (c.role().equals("axis") && !c.name().equals("dataset")) {
        axes.add(c.name());
      }
    }
    return new Data(columns, rows, axes, importance(columns, rows, axes), curves(model, summary));
  }

  /** Per dataset (in study order) and score: eta squared of each axis over the dataset's cells. */
  static List<Shares> importance(List<Column> columns, List<List<Object>> rows, List<String> axes) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      index.put(columns.get(i).name(), i);
    }
    Map<Object, List<List<Object>>> byDataset = new LinkedHashMap<>();
    rows.forEach(r -> byDataset.computeIfAbsent(r.get(index.get("dataset")), d -> new ArrayList<>()).add(r));
    List<Shares> out = new ArrayList<>();
    for (var e : byDataset.entrySet()) {
      List<List<Object>> cells = e.getValue();
      for (Column score : columns) {
        if (!score.role().equals("score")) {
          continue;
        }
        int s = index.get(score.name());
        boolean log = logScore(score.name());
        double[] y = new double[cells.size()];
        int finite = 0;
        for (int i = 0; i < y.length; i++) {
          Object v = cells.get(i).get(s);
          double d = v instanceof Double x ? x : Double.NaN;
          y[i] = log ? (d > 0 ? Math.log10(d) : Double.NaN) : d;
          finite += Double.isFinite(y[i]) ? 1 : 0;
        }
        if (finite < 2) {
          continue;
        }
        List<Double> shares = new ArrayList<>();
        for (String axis : axes) {
          int a = index.get(axis);
          List<Object> levels = cells.stream().map(r -> r.get(a)).toList();
          double eta = levels.stream().distinct().count() < 2 ? Double.NaN : Importance.etaSquared(levels, y);
          shares.add(Double.isNaN(eta) ? null : eta);
        }
        out.add(new Shares(String.valueOf(e.getKey()), score.name(), log, finite, shares));
      }
    }
    return out;
  }

  /** The curves the charts draw (best, median, worst networks of a group), each with the row of its cell. */
  private static List<Map<String, Object>> curves(ReportModel model, List<Summary.Row> summary) {
    Map<Cell, Integer> rowOf = new HashMap<>();
    for (int i = 0; i < summary.size(); i++) {
      rowOf.put(summary.get(i).key(), i);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (DatasetReport d : model.datasets()) {
      for (DatasetReport.CurveGroup g : d.curveGroups()) {
        for (DatasetReport.Pick p : g.picks()) {
          TrainingResult r = model.drawn().get(p.id());
          Integer row = r == null ? null : rowOf.get(Cell.of(r.spec()));
          if (row == null) {
            continue;
          }
          List<double[]> points = new ArrayList<>();
          for (int i = 0; i < r.curveEpochs().length; i++) {
            double e = r.curve()[i];
            if (Double.isFinite(e) && e > 0) {
              points.add(new double[] {r.curveEpochs()[i] + 1.0, round(e)});
            }
          }
          Map<String, Object> c = new LinkedHashMap<>();
          c.put("row", row);
          c.put("label", p.which() + " of " + (g.hidden() > 0 ? "h = " + g.hidden() : "no hidden layer")
              + ": seed " + r.spec().seed() + ", final E = " + ReportFormat.error(r.finalError()));
          c.put("points", points);
          out.add(c);
        }
      }
    }
    return out;
  }

  /** A CSV cell as a JSON value: a number (null for NaN and infinities), true/false as text, text, or null. */
  static Object value(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof Number n) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? d : null;
    }
    if (o instanceof Boolean b) {
      return b.toString();
    }
    String s = o.toString();
    if (s.isEmpty()) {
      return null;
    }
    try {
      double d = Double.parseDouble(s);
      return Double.isFinite(d) && !s.endsWith("d") && !s.endsWith("f") && !s.endsWith("D") && !s.endsWith("F")
          ? d : s;
    } catch (NumberFormatException e) {
      return s;
    }
  }

  /** Seven significant digits are plenty on screen and keep the page small. */
  static double round(double v) {
    return Double.isFinite(v) ? Double.parseDouble(String.format(Locale.ROOT, "%.7g", v)) : v;
  }

  /**
   * JSON for a {@code <script type="application/json">} element: {@code <}, {@code >} and {@code &} written as
   * {@code \}{@code u} escapes (so no {@code </script>} or {@code <!--} can end or change the element, and the page
   * stays well-formed XML), and so are U+2028 and U+2029 (line terminators to JavaScript). The escapes occur only
   * inside strings, where JSON allows them, so {@code JSON.parse} reads back the same values.
   */
  static String scriptJson(Object value) {
    String json;
    try {
      json = new ObjectMapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the explore data cannot be written as JSON: " + e.getMessage(), e);
    }
    StringBuilder b = new StringBuilder(json.length() + 64);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<' -> b.append("\\u003c");
        case '>' -> b.append("\\u003e");
        case '&' -> b.append("\\u0026");
        case '\u2028' -> b.append("\\u2028");
        case '\u2029' -> b.append("\\u2029");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** For tests: the values of a row, by column name. */
  static Map<String, Object> byName(Data d, int row) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < d.columns().size(); i++) {
      m.put(d.columns().get(i).name(), d.rows().get(row).get(i));
    }
    return m;
  }
}
