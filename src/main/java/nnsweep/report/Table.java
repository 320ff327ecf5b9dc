package nnsweep.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import nnsweep.stats.Rules;
import nnsweep.stats.Stats;

/**
 * An aggregate table (summary, rules, layers) defined once, column by column, for both of its renderings: the CSV
 * file's header and records (exact numbers) and the HTML page's table (numbers for people, {@link ReportFormat}).
 *
 * @param columns the columns in CSV order (the HTML table shows them in the same order)
 * @param dataset a row's dataset: the HTML table draws a line where it changes
 */
record Table<R>(List<Column<R>> columns, Function<R, String> dataset) {
  /** An HTML header cell: its label and whether the column holds numbers (right-aligned). */
  record Head(String label, boolean num) {}

  /**
   * One column, or a few that belong together: its CSV names and cells, and its HTML headers and cells. A column
   * may be several CSV columns shown as one HTML cell (a success rate and its interval), several HTML cells under a
   * group heading, or CSV only (no HTML headers); {@code shown} says, from the rows, whether the HTML table shows
   * it.
   */
  record Column<R>(List<String> csv, Function<R, List<Object>> cells, String group, List<Head> heads,
      BiConsumer<HtmlReport.Html, R> html, Predicate<List<R>> shown) {
    /** Only in the CSV file: {@code names}, their cells. */
    static <R> Column<R> csv(List<String> names, Function<R, List<Object>> cells) {
      return new Column<>(List.copyOf(names), cells, null, List.of(), (h, r) -> {}, rows -> false);
    }

    /** Only in the CSV file: one column. */
    static <R> Column<R> csv(String name, Function<R, Object> cell) {
      return csv(List.of(name), r -> Arrays.asList(cell.apply(r)));
    }

    /** In the HTML table as one cell of text under {@code label}. */
    Column<R> text(String label, Function<R, String> text) {
      return cell(new Head(label, false), (h, r) -> h.raw("<td>").text(text.apply(r)).raw("</td>"));
    }

    /** In the HTML table as one right-aligned cell under {@code label}. */
    Column<R> num(String label, Function<R, String> text) {
      return cell(new Head(label, true), (h, r) -> Table.num(h, text.apply(r)));
    }

    /** In the HTML table as one cell under {@code head}, written by {@code cell}. */
    Column<R> cell(Head head, BiConsumer<HtmlReport.Html, R> cell) {
      return new Column<>(csv, cells, null, List.of(head), cell, rows -> true);
    }

    /** In the HTML table as the cells of {@code heads}, under the heading {@code group} (null: none). */
    Column<R> cells(String group, List<Head> heads, BiConsumer<HtmlReport.Html, R> cells) {
      return new Column<>(csv, this.cells, group, List.copyOf(heads), cells, rows -> true);
    }

    /** Shown in the HTML table only when {@code shown} holds for its rows. */
    Column<R> when(Predicate<List<R>> when) {
      return new Column<>(csv, cells, group, heads, html, when);
    }
  }

  /** {@code learning_rate}, in the HTML table in its plain decimal form. */
  static <R> Column<R> learningRate(Function<R, Double> rate) {
    return Column.<R>csv("learning_rate", rate::apply).num("learning rate", r -> ReportFormat.plain(rate.apply(r)));
  }

  /** {@code epochs}, in the HTML table with thousands separators. */
  static <R> Column<R> epochs(Function<R, Integer> epochs) {
    return Column.<R>csv("epochs", epochs::apply).num("epochs", r -> ReportFormat.count(epochs.apply(r)));
  }

  /** {@code init}, in the HTML table only when the rows cross several init schemes. */
  static <R> Column<R> init(Function<R, String> init) {
    return Column.<R>csv("init", init::apply).text("init", init)
        .when(rows -> rows.stream().map(init).distinct().count() > 1);
  }

  /** The CSV file's header. */
  List<String> header() {
    return columns.stream().flatMap(c -> c.csv().stream()).toList();
  }

  /** A row's CSV cells. */
  List<Object> record(R row) {
    List<Object> cells = new ArrayList<>();
    columns.forEach(c -> cells.addAll(c.cells().apply(row)));
    return cells;
  }

  /** Writes the CSV file. */
  void write(Path file, List<R> rows) {
    CsvFiles.write(file, header(), printer -> {
      for (R r : rows) {
        printer.printRecord(record(r));
      }
    });
  }

  /** Writes the HTML table: headers (two rows when some columns are grouped) and a row per row. */
  void html(HtmlReport.Html h, List<R> rows) {
    List<Column<R>> shown = columns.stream().filter(c -> !c.heads().isEmpty() && c.shown().test(rows)).toList();
    boolean grouped = shown.stream().anyMatch(c -> c.group() != null);
    h.raw("<div class=\"scroll\"><table class=\"sortable\">\n<thead><tr>");
    for (Column<R> c : shown) {
      if (c.group() != null) {
        h.raw("<th colspan=\"" + c.heads().size() + "\" class=\"group\">").text(c.group()).raw("</th>");
      } else {
        c.heads().forEach(head -> th(h, head, grouped ? " rowspan=\"2\"" : ""));
      }
    }
    if (grouped) {
      h.raw("</tr>\n<tr>");
      shown.stream().filter(c -> c.group() != null).forEach(c -> c.heads().forEach(head -> th(h, head, "")));
    }
    h.raw("</tr></thead>\n<tbody>\n");
    String previous = null;
    for (R r : rows) {
      String dataset = dataset().apply(r);
      h.raw(previous != null && !previous.equals(dataset) ? "<tr class=\"first\">" : "<tr>");
      shown.forEach(c -> c.html().accept(h, r));
      h.raw("</tr>\n");
      previous = dataset;
    }
    h.raw("</tbody></table></div>\n");
  }

  private static void th(HtmlReport.Html h, Head head, String span) {
    h.raw("<th" + span + (head.num() ? " class=\"num\">" : ">")).text(head.label()).raw("</th>");
  }

  /** Right-aligned HTML headers. */
  static List<Head> heads(String... labels) {
    return Arrays.stream(labels).map(l -> new Head(l, true)).toList();
  }

  /** A right-aligned cell. */
  static void num(HtmlReport.Html h, String value) {
    h.raw("<td class=\"num\">").text(value).raw("</td>");
  }

  /** A success rate with its interval, coloured: reliable, none, or between. */
  static void rate(HtmlReport.Html h, Stats.Rate r) {
    if (r == null || r.trials() == 0) {
      num(h, "\u2013");
      return;
    }
    String cls = r.rate() >= Rules.RELIABLE ? "good" : r.rate() == 0 ? "bad" : "mid";
    h.raw("<td class=\"num ").raw(cls).raw("\" title=\"").text(r.successes() + " of " + r.trials()
        + " networks").raw("\">").text(ReportFormat.rate(r)).raw("</td>");
  }

  /** Yes (good), no (bad) or a dash for null. */
  static void yesNo(HtmlReport.Html h, Boolean b) {
    if (b == null) {
      h.raw("<td>\u2013</td>");
    } else {
      h.raw(b ? "<td class=\"good\">yes</td>" : "<td class=\"bad\">no</td>");
    }
  }
}
