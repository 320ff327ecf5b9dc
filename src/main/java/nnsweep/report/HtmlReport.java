package nnsweep.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nnsweep.data.Dataset;
import nnsweep.grid.Cell;
import nnsweep.nn.Model;
import nnsweep.run.Problem;
import nnsweep.stats.DatasetReport;
import nnsweep.stats.Rules;
import nnsweep.stats.Summary;
import nnsweep.study.DatasetSpec;
import nnsweep.study.HiddenRule;
import nnsweep.study.InitSpec;
import nnsweep.study.Seeds;
import nnsweep.study.Study;

/**
 * {@code report.html}: one self-contained page (inline CSS, the charts embedded as {@code data:} URIs, no external
 * URL) with the study as run, the findings in words, the explore view, the charts and the comparison tables. The
 * charts are also written as PNG files under {@code charts/}. An inline script ({@code report.js}, with the cells'
 * data as JSON, {@link ExploreData}) draws the explore view and makes the tables sortable; without it the page shows
 * everything else. The style sheet and the script are resources next to this class ({@code report.css},
 * {@code report.js}). The page is well-formed XML as well as HTML (void elements self-closed, numeric entities only,
 * the script in a CDATA section), so tests can parse it.
 */
public final class HtmlReport {
  /** The page's file name in the output folder. */
  public static final String FILE = "report.html";

  private HtmlReport() {}

  /** Writes the charts and report.html (each atomically); returns the names written, charts first. */
  public static List<String> write(Path folder, ReportModel model) {
    return write(folder, model, null);
  }

  /** As {@link #write(Path, ReportModel)}, with successive halving's ladder (charts and section; null: none). */
  public static List<String> write(Path folder, ReportModel model, nnsweep.search.Ladder ladder) {
    return write(folder, model, ladder, List.of());
  }

  /**
   * As {@link #write(Path, ReportModel, nnsweep.search.Ladder)}; {@code others} are the other files the run writes
   * (tables, ladder.csv, run.json), which the footer lists with the charts and the page.
   */
  public static List<String> write(Path folder, ReportModel model, nnsweep.search.Ladder ladder,
      List<String> others) {
    return write(folder, model, ladder, others, null);
  }

  /**
   * As {@link #write(Path, ReportModel, nnsweep.search.Ladder, List)}, with the rules verdict's section after the
   * findings ({@code verdict} null: none).
   */
  public static List<String> write(Path folder, ReportModel model, nnsweep.search.Ladder ladder,
      List<String> others, nnsweep.stats.Verdict.Result verdict) {
    List<Charts.Chart> charts = List.of();
    String chartProblem = null;
    try {
      charts = new ArrayList<>(Charts.render(model, LadderTable.rungOf(ladder),
          ladder == null ? null : ladder.rungs()));
      if (ladder != null) {
        charts.addAll(LadderTable.charts(ladder));
      }
    } catch (Throwable t) {
      // a machine whose Java cannot draw (no fonts, no AWT libraries) still gets its tables and page
      if (t instanceof VirtualMachineError && !(t instanceof InternalError)) {
        throw t;
      }
      chartProblem = t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
      System.err.println("nnsweep: warning: the charts could not be drawn (" + chartProblem
          + "); report.html is written without them");
    }
    List<String> written = new ArrayList<>(Charts.write(folder, charts));
    List<String> files = new ArrayList<>(others);
    files.addAll(written);
    files.add(FILE);
    String html = page(model, charts, chartProblem, ladder, files, verdict);
    CsvFiles.writeAtomically(folder.resolve(FILE), w -> w.write(html));
    written.add(FILE);
    return written;
  }

  /** The page. */
  static String page(ReportModel model, List<Charts.Chart> charts, String chartProblem) {
    return page(model, charts, chartProblem, null);
  }

  static String page(ReportModel model, List<Charts.Chart> charts, String chartProblem,
      nnsweep.search.Ladder ladder) {
    List<String> files = new ArrayList<>(charts.stream().map(Charts.Chart::file).toList());
    files.add(FILE);
    return page(model, charts, chartProblem, ladder, files);
  }

  /** The page; {@code files}: every file the run writes, listed in the footer. */
  static String page(ReportModel model, List<Charts.Chart> charts, String chartProblem,
      nnsweep.search.Ladder ladder, List<String> files) {
    return page(model, charts, chartProblem, ladder, files, null);
  }

  /** The page, with the rules verdict's section ({@code verdict} null: none). */
  static String page(ReportModel model, List<Charts.Chart> charts, String chartProblem,
      nnsweep.search.Ladder ladder, List<String> files, nnsweep.stats.Verdict.Result verdict) {
    Study study = model.study();
    java.util.function.ToIntFunction<Cell> rungOf = LadderTable.rungOf(ladder);
    nnsweep.search.Rungs rungs = ladder == null ? null : ladder.rungs();
    boolean layers = layersShown(model);
    Html h = new Html();
    h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
        .raw("<title>").text("nnsweep report: " + study.name()).raw("</title>\n")
        .raw("<style>\n").raw(css()).raw("</style>\n</head>\n<body>\n");

    long diverged = model.diverged();
    h.raw("<header>\n<h1>nnsweep report: <span class=\"name\">").text(study.name()).raw("</span></h1>\n")
        .raw("<p class=\"lede\">").text(ReportFormat.count(model.networks()) + " networks"
            + (diverged > 0 ? " (" + diverged + " diverged)" : "") + " trained from study file ")
        .raw("<code>").text(study.source()).raw("</code>").text(", " + datasetCount(model) + ".")
        .raw("</p>\n<nav>")
        .raw("<a href=\"#study\">The study as run</a> <a href=\"#findings\">Findings</a> ")
        .raw(verdict == null ? "" : "<a href=\"#verdict\">Rules verdict</a> ")
        .raw(ladder == null ? "" : "<a href=\"#ladder\">Successive halving</a> ")
        .raw("<a href=\"#explore\">Explore</a> ")
        .raw("<a href=\"#charts\">Charts</a> <a href=\"#summary\">Summary table</a> ")
        .raw(model.rules().isEmpty() ? "" : "<a href=\"#rules\">Rules of thumb</a> ")
        .raw(layers ? "<a href=\"#layers\">No hidden layer vs hidden layer</a>" : "")
        .raw("</nav>\n</header>\n<main>\n");

    studySection(h, model);
    findingsSection(h, model, ladder);
    if (verdict != null) {
      VerdictReport.html(h, verdict);
    }
    if (ladder != null) {
      LadderTable.section(h, ladder);
    }
    ExploreData.Data explore = ExploreData.of(model, rungOf, rungs);
    exploreSection(h, explore);
    chartsSection(h, model, charts, chartProblem);
    summarySection(h, model, rungOf, rungs);
    if (!model.rules().isEmpty()) {
      rulesSection(h, model, rungOf, rungs);
    }
    if (layers) {
      layersSection(h, model);
    }

    h.raw("</main>\n<footer><p>").text(footer(files)).raw("</p><p>")
        .text("Error E = \u00bd \u03a3 (O \u2212 T)\u00b2 over the"
            + " training rows after the last update; success = every training row classified right (each output"
            + " on the right side of 0.5); intervals are 95% Wilson score intervals. Made by nnsweep"
            + (RunInfo.version().equals(RunInfo.DEV) ? "" : " " + RunInfo.version()) + ".")
        .raw("</p></footer>\n");
    // the explore view's data (JSON escaped for a script element) and the page's script; the page is complete
    // without them
    h.raw("<script type=\"application/json\" id=\"explore-data\">").raw(ExploreData.scriptJson(explore.json()))
        .raw("</script>\n<script>//<![CDATA[\n").raw(script()).raw("\n//]]></script>\n</body>\n</html>\n");
    return h.toString();
  }

  /** The no-hidden-layer comparison needs both models in the study. */
  static boolean layersShown(ReportModel model) {
    return model.study().models().contains(Model.NONE) && model.study().models().contains(Model.HIDDEN);
  }

  /** The footer's list of the files the run wrote. */
  static String footer(List<String> files) {
    Map<String, String> what = Map.of("results.csv", "one row per network", "summary.csv", "the summary table",
        "rules.csv", "the rules table", "layers.csv", "the layers table", "curves.csv", "the training curves",
        "predictions.csv", "the predictions at the query points", "ladder.csv", "successive halving's ladder",
        "run.json", "how the run went", FILE, "this page");
    List<String> parts = new ArrayList<>();
    long charts = files.stream().filter(f -> f.startsWith(Charts.FOLDER + "/")).count();
    boolean chartsListed = false;
    for (String f : files) {
      if (f.startsWith(Charts.FOLDER + "/")) {
        if (!chartsListed) {
          parts.add(Charts.FOLDER + "/ (" + charts + " PNG chart" + (charts == 1 ? "" : "s") + ", each shown on"
              + " this page)");
          chartsListed = true;
        }
      } else {
        String base = f.endsWith("/") ? f.substring(0, f.length() - 1) : f;
        parts.add(what.containsKey(base) ? f + " (" + what.get(base) + ")" : f);
      }
    }
    return "This run wrote: " + String.join(", ", parts) + ". Every number on this page comes from these files.";
  }

  private static String script;
  private static String css;

  /** The page's script, from the jar's resources. */
  static synchronized String script() {
    if (script == null) {
      script = resource("report.js", "]]>", "</script");
    }
    return script;
  }

  /** The page's style sheet, from the jar's resources. */
  static synchronized String css() {
    if (css == null) {
      css = resource("report.css", "</style");
    }
    return css;
  }

  /** A text file of the resources next to this class, without the strings that would end its element early. */
  private static String resource(String name, String... forbidden) {
    String text;
    try (java.io.InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the application's resources");
      }
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + name + " from the resources", e);
    }
    for (String f : forbidden) {
      if (text.toLowerCase(java.util.Locale.ROOT).contains(f)) {
        throw new IllegalStateException(name + " must not contain " + String.join(" or ", forbidden));
      }
    }
    return text;
  }

  // ---------------------------------------------------------------------------------------------- sections

  private static void studySection(Html h, ReportModel model) {
    Study study = model.study();
    h.raw("<section id=\"study\">\n<h2>The study as run</h2>\n<table class=\"kv\">\n");
    kv(h, "study", study.name());
    kv(h, "study file", study.source());
    kv(h, "networks", ReportFormat.count(model.networks()) + " (every combination of the axes below)");
    kv(h, "models", study.models().stream().map(m -> m == Model.NONE ? "none (no hidden layer)"
        : "hidden (one hidden layer)").collect(Collectors.joining(", ")));
    kv(h, "hidden sizes", (study.hiddenSizes().isEmpty() ? "no explicit sizes"
        : "explicit " + ReportFormat.list(study.hiddenSizes())) + (study.hiddenRules().isEmpty() ? ""
        : "; plus the sizes of the rules " + study.hiddenRules().stream().map(HiddenRule::configName)
            .collect(Collectors.joining(", ")) + " (per dataset, below)"));
    kv(h, "learning rates", study.learningRates().stream().map(ReportFormat::plain)
        .collect(Collectors.joining(", ")) + (study.learningRatesPerRow() ? " per row (each divided by the dataset's"
        + " row count)" : ""));
    kv(h, "epochs (full-batch updates)", study.epochs().stream().map(e -> ReportFormat.count(e))
        .collect(Collectors.joining(", ")));
    kv(h, "bias", study.bias().stream().map(ReportFormat::onOff).collect(Collectors.joining(", ")));
    kv(h, "seeds", seeds(study.seeds()));
    kv(h, study.inits().size() == 1 ? "initial weights" : "initial weights (an axis)", study.inits().stream()
        .map(HtmlReport::describe).collect(Collectors.joining("; ")));
    if (study.hiddenRules().contains(HiddenRule.SAMPLES_OVER_WEIGHTS)) {
      kv(h, "samples-over-weights alpha", ReportFormat.plain(study.ruleAlpha()));
    }
    kv(h, "stop error", Double.isInfinite(study.stopError()) ? "none: every network makes all its epochs"
        : "a network stops once E \u2264 " + ReportFormat.error(study.stopError()));
    kv(h, "curve points", study.curvePoints() == 0 ? "none recorded"
        : "about " + study.curvePoints() + " log-spaced epochs per network");
    h.raw("</table>\n");

    h.raw("<h3>Datasets</h3>\n<div class=\"scroll\"><table>\n<thead><tr><th>dataset</th><th>file</th>")
        .raw("<th class=\"num\">rows</th><th>inputs</th><th>outputs</th><th>hidden sizes trained</th>")
        .raw("<th class=\"num\">query points</th><th class=\"num\">networks</th></tr></thead>\n<tbody>\n");
    List<Problem> problems = model.problems();
    for (int i = 0; i < problems.size(); i++) {
      Dataset d = problems.get(i).dataset();
      String name = i < study.datasets().size() ? study.datasets().get(i).name() : d.name();
      String path = i < study.datasets().size() ? study.datasets().get(i).path() : d.source();
      long networks = 0;
      List<Integer> sizes = List.of();
      for (DatasetReport r : model.datasets()) {
        if (r.dataset().equals(name)) {
          networks = r.networks();
          sizes = r.hiddenSizes();
        }
      }
      h.raw("<tr><td>").text(name).raw("</td><td><code>").text(path).raw("</code></td><td class=\"num\">")
          .text(Integer.toString(d.rows())).raw("</td><td>")
          .text(d.inputCount() + " (" + String.join(", ", d.inputNames()) + ")").raw("</td><td>")
          .text(d.outputCount() + " (" + String.join(", ", d.targetNames()) + ")").raw("</td><td>")
          .text(sizes.isEmpty() ? "\u2013" : ReportFormat.sizes(sizes.stream().mapToInt(Integer::intValue)
              .toArray())).raw("</td><td class=\"num\">").text(Integer.toString(problems.get(i).queries().length))
          .raw("</td><td class=\"num\">").text(ReportFormat.count(networks)).raw("</td></tr>\n");
    }
    h.raw("</tbody></table></div>\n");

    h.raw("<details><summary>The resolved study (file, defaults and --set overrides), as hashed for --resume")
        .raw("</summary>\n<pre>").text(pretty(study.canonical())).raw("</pre></details>\n</section>\n");
  }

  private static void findingsSection(Html h, ReportModel model, nnsweep.search.Ladder ladder) {
    h.raw("<section id=\"findings\">\n<h2>Findings</h2>\n");
    List<String> headlines = Headlines.of(model, ladder);
    if (headlines.isEmpty()) {
      h.raw("<p>No findings: the study trained no networks.</p>\n");
    } else {
      h.raw("<ul class=\"findings\">\n");
      for (String line : headlines) {
        h.raw("<li>").text(line).raw("</li>\n");
      }
      h.raw("</ul>\n");
    }
    h.raw("<p class=\"note\">").text("Generated from the numbers below. Success = every training row classified"
        + " right; the bracket is the 95% Wilson interval of the success rate. \u201cReliable\u201d = success in"
        + " at least 95% of the networks of a hidden size, every setting pooled.").raw("</p>\n</section>\n");
  }

  private static void chartsSection(Html h, ReportModel model, List<Charts.Chart> charts, String problem) {
    h.raw("<section id=\"charts\">\n<h2>Charts</h2>\n");
    if (problem != null) {
      h.raw("<p class=\"warning\">").text("The charts could not be drawn on this machine: " + problem
          + ". The tables below hold every number.").raw("</p>\n");
    }
    Map<String, List<Charts.Chart>> byDataset = new LinkedHashMap<>();
    charts.forEach(c -> byDataset.computeIfAbsent(c.dataset(), d -> new ArrayList<>()).add(c));
    Base64.Encoder base64 = Base64.getEncoder();
    for (var e : byDataset.entrySet()) {
      h.raw("<h3>").text(ReportFormat.title(e.getKey())).raw("</h3>\n<div class=\"figures\">\n");
      for (Charts.Chart c : e.getValue()) {
        String id = c.file().replaceAll("[^A-Za-z0-9_-]", "-");
        h.raw("<figure id=\"").text(id).raw("\">\n")
            .raw("<img src=\"data:image/png;base64,").raw(base64.encodeToString(c.png()))
            .raw(c.areas().isEmpty() ? "" : "\" usemap=\"#map-" + id).raw("\" width=\"")
            .raw(Integer.toString(c.width())).raw("\" height=\"").raw(Integer.toString(c.height()))
            .raw("\" alt=\"").text(c.title()).raw("\" />\n<figcaption>").text(c.caption()).raw(" <a href=\"")
            .text(c.file()).raw("\">").text(c.file()).raw("</a></figcaption>\n");
        if (!c.areas().isEmpty()) {
          // the value under the pointer, as a tooltip (the page's script scales the regions with the image)
          h.raw("<map name=\"map-").raw(id).raw("\">");
          for (ChartKit.Area a : c.areas()) {
            h.raw("<area shape=\"").text(a.shape()).raw("\" coords=\"").text(a.coords()).raw("\" href=\"#")
                .raw(id).raw("\" title=\"")
                .text(a.title()).raw("\" alt=\"").text(a.title()).raw("\" />");
          }
          h.raw("</map>\n");
        }
        h.raw("</figure>\n");
      }
      h.raw("</div>\n");
    }
    if (charts.isEmpty() && problem == null) {
      h.raw("<p>No charts: the study trained no networks.</p>\n");
    }
    h.raw("</section>\n");
  }

  private static void exploreSection(Html h, ExploreData.Data data) {
    h.raw("<section id=\"explore\">\n<h2>Explore the cells</h2>\n<p class=\"note\">")
        .text("One line per row of the summary table (a cell: every axis but the seed), across its axes and scores."
            + " Drag along an axis to keep the cells in a range (brushing; several axes combine), colour the lines"
            + " by a score, click a line for the cell's numbers and training curves. Axes with one value are left"
            + " out.").raw("</p>\n<div id=\"explore-view\"><p class=\"note\">")
        .text("This view is drawn by the page's script; with JavaScript off, the summary table below holds the same"
            + " numbers.").raw("</p></div>\n");
    h.raw("<h3>Which axes matter</h3>\n<p class=\"note\">")
        .text("Importance of an axis for a score, per dataset: the share of the score's variance across the"
            + " dataset's cells that the axis explains on its own (eta squared = between-level sum of squares /"
            + " total sum of squares). Error scores are compared as log10 of the error, cells with a zero or"
            + " missing score left out. Each axis is measured alone, so on an unbalanced grid the shares need not add"
            + " up to 100%.").raw("</p>\n<div id=\"importance-view\">");
    if (data.importance().isEmpty()) {
      h.raw("<p class=\"note\">No score varies across the cells of a dataset.</p>");
    } else {
      h.raw("<div class=\"scroll\"><table class=\"sortable\">\n<thead><tr><th>dataset</th><th>score</th>")
          .raw("<th class=\"num\">cells</th>");
      data.importanceAxes().forEach(a -> h.raw("<th class=\"num\">").text(a).raw("</th>"));
      h.raw("</tr></thead>\n<tbody>\n");
      for (ExploreData.Shares s : data.importance()) {
        h.raw("<tr><td>").text(s.dataset()).raw("</td><td>").text((s.log10() ? "log10 " : "") + s.score())
            .raw("</td><td class=\"num\">").text(Integer.toString(s.cells())).raw("</td>");
        s.shares().forEach(v -> Table.num(h, v == null ? "\u2013" : ReportFormat.percent(v, 1)));
        h.raw("</tr>\n");
      }
      h.raw("</tbody></table></div>");
    }
    h.raw("</div>\n</section>\n");
  }

  private static void summarySection(Html h, ReportModel model,
      java.util.function.ToIntFunction<Cell> rungOf, nnsweep.search.Rungs rungs) {
    h.raw("<section id=\"summary\">\n<h2>Summary: every configuration over its seeds</h2>\n")
        .raw("<p class=\"note\">").text("One row per dataset, model, hidden size, bias, learning rate, epochs and"
            + " init (summary.csv). Error statistics leave out diverged networks; success counts them as failures.")
        .raw("</p>\n");
    if (rungs != null) {
      h.raw("<p class=\"note\">").text("Successive halving: each cell's networks were trained to the epochs of the"
          + " rung the cell reached (epochs reached, rung); cells of different rungs had different budgets.")
          .raw("</p>\n");
    }
    SummaryTable.table(rungOf, rungs, SummaryTable.validated(model.summary()),
        SummaryTable.bestEpochs(model.summary())).html(h, model.summary());
    h.raw("</section>\n");
  }

  private static void rulesSection(Html h, ReportModel model,
      java.util.function.ToIntFunction<Cell> rungOf, nnsweep.search.Rungs rungs) {
    h.raw("<section id=\"rules\">\n<h2>Rules of thumb: do they point at hidden sizes that work?</h2>\n")
        .raw("<p class=\"note\">").text("Per dataset and rule (rules.csv): the hidden sizes the rule recommends"
            + " and how the hidden-layer networks of those sizes did, every bias, learning-rate, epochs and init"
            + " setting pooled. Best size = lowest median error; smallest reliable size = the smallest whose success"
            + " rate is at least 95%.").raw("</p>\n");
    if (rungs != null) {
      h.raw("<p class=\"note\">").text("Successive halving: these rows pool the networks of a rule's sizes at the"
          + " rungs their cells reached, different budgets together; highest rung = the highest rung a cell of the"
          + " rule's sizes reached. The ladder above compares cells at equal budgets.").raw("</p>\n");
    }
    RulesTable.table(Reports.sizeRungs(model, rungOf, rungs)).html(h, model.rules());
    h.raw("</section>\n");
  }

  private static void layersSection(Html h, ReportModel model) {
    h.raw("<section id=\"layers\">\n<h2>No hidden layer vs a hidden layer</h2>\n")
        .raw("<p class=\"note\">").text("Per dataset, bias, learning rate, epochs and init (layers.csv). The hidden"
            + " side pools every hidden size; ratio = median E without a hidden layer / median E with one (above 1: the"
            + " hidden layer is better). Error statistics leave out diverged networks.")
        .raw("</p>\n");
    LayersTable.TABLE.html(h, model.layers());
    h.raw("</section>\n");
  }

  // ---------------------------------------------------------------------------------------------- pieces

  private static void kv(Html h, String key, String value) {
    h.raw("<tr><th>").text(key).raw("</th><td>").text(value).raw("</td></tr>\n");
  }

  private static String datasetCount(ReportModel model) {
    List<DatasetSpec> ds = model.study().datasets();
    return ds.size() == 1 ? "1 dataset (" + ds.get(0).name() + ")"
        : ds.size() + " datasets (" + ds.stream().map(DatasetSpec::name).collect(Collectors.joining(", ")) + ")";
  }

  /** An init scheme in words. */
  static String describe(InitSpec init) {
    String how;
    if (init instanceof InitSpec.Fixed) {
      how = "the weights given in the study file";
    } else if (init instanceof InitSpec.Symmetric sym) {
      how = "every weight and bias uniform in [\u2212" + ReportFormat.plain(sym.range()) + ", "
          + ReportFormat.plain(sym.range()) + ")";
    } else if (init instanceof InitSpec.Xavier) {
      how = "weights uniform in \u00b1\u221a(6 / (fan-in + fan-out)) (Glorot and Bengio), biases 0";
    } else if (init instanceof InitSpec.Uniform) {
      how = "every weight and bias uniform in [0, 1), as the tutorial";
    } else {
      return init.label();
    }
    return init.label() + ": " + how;
  }

  static String seeds(Seeds seeds) {
    if (seeds.explicit() != null) {
      long[] s = seeds.explicit();
      String list = Arrays.stream(s).limit(20).mapToObj(Long::toString).collect(Collectors.joining(", "));
      return list + (s.length > 20 ? ", \u2026 (" + s.length + " seeds)" : s.length == 1 ? "" : " (" + s.length
          + " seeds)");
    }
    long last = seeds.from() + seeds.count() - 1;
    return seeds.count() == 1 ? Long.toString(seeds.from())
        : seeds.from() + "-" + last + " (" + ReportFormat.count(seeds.count()) + " seeds)";
  }

  /** The canonical JSON, indented; as it is when it is not JSON. */
  static String pretty(String json) {
    try {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      return mapper.writeValueAsString(mapper.readTree(json));
    } catch (Exception | LinkageError e) {
      return json;
    }
  }

  /** A string builder whose {@code text} escapes for HTML (and XML). */
  static final class Html {
    private final StringBuilder sb = new StringBuilder(1 << 16);

    Html raw(String s) {
      sb.append(s);
      return this;
    }

    Html text(String s) {
      sb.append(escape(s));
      return this;
    }

    @Override
    public String toString() {
      return sb.toString();
    }
  }

  /** Escapes {@code & < > " '}; drops control characters XML does not allow. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            b.append('\ufffd');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
