package nnsweep.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import nnsweep.report.Table.Column;
import nnsweep.stats.Verdict;

/**
 * The rules verdict's files ({@link Verdict}): {@code sizes.csv}, {@code rules-scores.csv}, {@code rules-verdict.csv},
 * {@code rules-pairs.csv} and {@code budget.csv}, each declared once as a {@link Table} (CSV and HTML), the
 * critical-difference diagram ({@link VerdictChart}) and the verdict in words ({@link #headlines}).
 */
public final class VerdictReport {
  /** The file names, in writing order. */
  public static final String SIZES = "sizes.csv";
  public static final String SCORES = "rules-scores.csv";
  public static final String VERDICT = "rules-verdict.csv";
  public static final String PAIRS = "rules-pairs.csv";
  public static final String BUDGET = "budget.csv";

  /** Significance level of the headlines' "beats". */
  public static final double ALPHA = 0.05;
  /** The headlines name at most this many significant pairs, the smallest Holm p first. */
  static final int MAX_PAIR_LINES = 6;

  static final Table<Verdict.Tuned> SIZES_TABLE = new Table<>(List.of(
      Column.<Verdict.Tuned>csv("dataset", Verdict.Tuned::dataset).text("dataset", Verdict.Tuned::dataset),
      Column.<Verdict.Tuned>csv("hidden", Verdict.Tuned::hidden).num("hidden", t -> Integer.toString(t.hidden())),
      Table.learningRate(Verdict.Tuned::learningRate),
      Table.epochs(Verdict.Tuned::epochs),
      Column.<Verdict.Tuned>csv("validation_error", t -> CsvFiles.num(t.validationError()))
          .num("validation E", t -> ReportFormat.error(t.validationError())),
      Column.<Verdict.Tuned>csv("test_error", t -> CsvFiles.num(t.testError()))
          .num("test E", t -> ReportFormat.error(t.testError())),
      Column.<Verdict.Tuned>csv("test_class_accuracy", t -> CsvFiles.num(t.testClassAccuracy()))
          .num("test class accuracy", t -> ReportFormat.percent(t.testClassAccuracy(), 1)),
      Column.<Verdict.Tuned>csv("late_optimum", t -> t.budgetKnown() ? Boolean.toString(t.lateOptimum()) : "")
          .text("late optimum", t -> !t.budgetKnown() ? "\u2013" : t.lateOptimum() ? "yes" : "no")),
      Verdict.Tuned::dataset);

  static final Table<Verdict.Score> SCORES_TABLE = new Table<>(List.of(
      Column.<Verdict.Score>csv("dataset", Verdict.Score::dataset).text("dataset", Verdict.Score::dataset),
      Column.<Verdict.Score>csv("rule", Verdict.Score::rule).text("rule", Verdict.Score::rule),
      Column.<Verdict.Score>csv("sizes",
          s -> Arrays.stream(s.sizes()).mapToObj(Integer::toString).collect(Collectors.joining(";")))
          .num("sizes searched", s -> ReportFormat.sizes(s.sizes())),
      Column.<Verdict.Score>csv("hidden", Verdict.Score::hidden).num("hidden", s -> Integer.toString(s.hidden())),
      Column.<Verdict.Score>csv("test_class_accuracy", s -> CsvFiles.num(s.testClassAccuracy()))
          .num("test class accuracy", s -> ReportFormat.percent(s.testClassAccuracy(), 1)),
      Column.<Verdict.Score>csv("test_error", s -> CsvFiles.num(s.testError()))
          .num("test E", s -> ReportFormat.error(s.testError())),
      Column.<Verdict.Score>csv("rank", s -> CsvFiles.num(s.rank()))
          .num("rank", s -> Double.isNaN(s.rank()) ? "\u2013" : ReportFormat.plain(s.rank()))),
      Verdict.Score::dataset);

  static final Table<Verdict.Ranked> VERDICT_TABLE = new Table<>(List.of(
      Column.<Verdict.Ranked>csv("rule", Verdict.Ranked::rule).text("rule", Verdict.Ranked::rule),
      Column.<Verdict.Ranked>csv("datasets", Verdict.Ranked::datasets)
          .num("datasets", r -> Integer.toString(r.datasets())),
      Column.<Verdict.Ranked>csv("mean_rank", r -> CsvFiles.num(r.meanRank()))
          .num("mean rank", r -> fixed(r.meanRank(), 2)),
      Column.<Verdict.Ranked>csv("friedman_chi2", r -> CsvFiles.num(r.friedmanChi2())),
      Column.<Verdict.Ranked>csv("friedman_p", r -> CsvFiles.num(r.friedmanP())),
      Column.<Verdict.Ranked>csv("iman_davenport_f", r -> CsvFiles.num(r.imanDavenportF())),
      Column.<Verdict.Ranked>csv("iman_davenport_p", r -> CsvFiles.num(r.imanDavenportP())),
      Column.<Verdict.Ranked>csv("critical_difference", r -> CsvFiles.num(r.criticalDifference()))),
      r -> "");

  static final Table<Verdict.Pair> PAIRS_TABLE = new Table<>(List.of(
      Column.<Verdict.Pair>csv("rule_a", Verdict.Pair::ruleA).text("rule a", Verdict.Pair::ruleA),
      Column.<Verdict.Pair>csv("rule_b", Verdict.Pair::ruleB).text("rule b", Verdict.Pair::ruleB),
      Column.<Verdict.Pair>csv(List.of("wins", "ties", "losses"),
          p -> Arrays.asList(p.wins(), p.ties(), p.losses()))
          .num("a wins, ties, losses", p -> p.wins() + ", " + p.ties() + ", " + p.losses()),
      Column.<Verdict.Pair>csv("wilcoxon_p", p -> CsvFiles.num(p.wilcoxonP()))
          .num("Wilcoxon p", p -> pValue(p.wilcoxonP())),
      Column.<Verdict.Pair>csv("holm_p", p -> CsvFiles.num(p.holmP())).num("Holm p", p -> pValue(p.holmP()))),
      Verdict.Pair::ruleA);

  static final Table<Verdict.Budget> BUDGET_TABLE = new Table<>(List.of(
      Column.<Verdict.Budget>csv("dataset", Verdict.Budget::dataset).text("dataset", Verdict.Budget::dataset),
      Column.<Verdict.Budget>csv("cells", Verdict.Budget::cells).num("cells", b -> Integer.toString(b.cells())),
      Column.<Verdict.Budget>csv("late_optimum_share", b -> CsvFiles.num(b.lateOptimumShare()))
          .num("late optimum", b -> ReportFormat.percent(b.lateOptimumShare(), 1)),
      Column.<Verdict.Budget>csv("under_trained", b -> b.known() ? Boolean.toString(b.underTrained()) : "")
          .text("under-trained", b -> !b.known() ? "\u2013" : b.underTrained() ? "yes" : "no")),
      Verdict.Budget::dataset);

  private VerdictReport() {}

  /**
   * Writes the five CSV files into {@code folder} (each atomically) and the critical-difference diagram
   * ({@link VerdictChart#FILE}); returns the names written, in order.
   */
  public static List<String> write(Path folder, Verdict.Result v) {
    SIZES_TABLE.write(folder.resolve(SIZES), v.sizes());
    SCORES_TABLE.write(folder.resolve(SCORES), v.scores());
    VERDICT_TABLE.write(folder.resolve(VERDICT), v.ranked());
    PAIRS_TABLE.write(folder.resolve(PAIRS), v.pairs());
    BUDGET_TABLE.write(folder.resolve(BUDGET), v.budget());
    List<String> written = new ArrayList<>(List.of(SIZES, SCORES, VERDICT, PAIRS, BUDGET));
    if (v.ranked().stream().noneMatch(r -> Double.isNaN(r.meanRank()))) {
      try {
        java.nio.file.Files.createDirectories(folder.resolve(VerdictChart.FILE).getParent());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("cannot create " + folder.resolve(Charts.FOLDER), e);
      }
      CsvFiles.writeAtomically(folder.resolve(VerdictChart.FILE), VerdictChart.png(v));
      written.add(VerdictChart.FILE);
    }
    return written;
  }

  /**
   * The verdict's section of report.html: the headlines, the critical-difference diagram (inline) and the five
   * tables. {@link HtmlReport} places it.
   */
  static void html(HtmlReport.Html h, Verdict.Result v) {
    h.raw("<section id=\"verdict\">\n<h2>The rules verdict: ranks over the datasets</h2>\n<ul class=\"headlines\">\n");
    headlines(v).forEach(line -> h.raw("<li>").text(line).raw("</li>\n"));
    h.raw("</ul>\n");
    if (v.ranked().stream().noneMatch(r -> Double.isNaN(r.meanRank()))) {
      byte[] png = VerdictChart.png(v);
      h.raw("<figure id=\"critical-difference\">\n<img src=\"data:image/png;base64,")
          .raw(java.util.Base64.getEncoder().encodeToString(png)).raw("\" width=\"")
          .raw(Integer.toString(Charts.WIDTH)).raw("\" height=\"").raw(Integer.toString(VerdictChart.height(v)))
          .raw("\" alt=\"critical-difference diagram\" />\n<figcaption>").text("Mean ranks (1 = best test class"
              + " accuracy); lines join entries whose mean ranks differ by less than Nemenyi's critical difference. ")
          .raw("<a href=\"").text(VerdictChart.FILE).raw("\">").text(VerdictChart.FILE)
          .raw("</a></figcaption>\n</figure>\n");
    }
    section(h, "Mean ranks and the Friedman test (" + VERDICT + ")", VERDICT_TABLE, v.ranked());
    section(h, "Every pair: Wilcoxon signed-rank with Holm's adjustment (" + PAIRS + ")", PAIRS_TABLE, v.pairs());
    section(h, "Each rule's size and test score per dataset (" + SCORES + ")", SCORES_TABLE, v.scores());
    section(h, "Training budget (" + BUDGET + ")", BUDGET_TABLE, v.budget());
    section(h, "Every hidden size at its tuned setting (" + SIZES + ")", SIZES_TABLE, v.sizes());
    h.raw("</section>\n");
  }

  private static <R> void section(HtmlReport.Html h, String title, Table<R> table, List<R> rows) {
    h.raw("<h3>").text(title).raw("</h3>\n");
    table.html(h, rows);
  }

  /**
   * The verdict in words: which entry ranks best and worst, whether the ranks differ (Friedman, Iman-Davenport),
   * which pairs differ after Holm's adjustment (at {@link #ALPHA}), how far each rule's test class accuracy is
   * from tuning's, and the budget check.
   */
  public static List<String> headlines(Verdict.Result v) {
    List<String> lines = new ArrayList<>();
    List<Verdict.Ranked> ranked = v.ranked();
    if (ranked.isEmpty() || ranked.get(0).datasets() == 0) {
      return lines;
    }
    Verdict.Ranked best = ranked.get(0);
    Verdict.Ranked worst = ranked.get(ranked.size() - 1);
    int n = best.datasets();
    lines.add(String.format(Locale.ROOT, "%s ranks best (mean rank %s of %d entries over %d datasets); %s ranks"
        + " worst (%s).", best.rule(), fixed(best.meanRank(), 2), ranked.size(), n, worst.rule(),
        fixed(worst.meanRank(), 2)));
    if (!Double.isNaN(best.friedmanP())) {
      boolean differ = best.imanDavenportP() < ALPHA;
      lines.add(String.format(Locale.ROOT, "The entries' ranks %s (Friedman chi2 = %s, p = %s; Iman-Davenport"
          + " F = %s, p = %s); ranks %s apart or more differ by Nemenyi's test (critical difference at 0.05).",
          differ ? "differ" : "do not differ significantly", fixed(best.friedmanChi2(), 2),
          pValue(best.friedmanP()), fixed(best.imanDavenportF(), 2), pValue(best.imanDavenportP()),
          fixed(best.criticalDifference(), 2)));
    }
    List<Verdict.Pair> significant = v.pairs().stream().filter(p -> p.holmP() < ALPHA)
        .sorted(Comparator.comparingDouble(Verdict.Pair::holmP)).toList();
    if (significant.isEmpty()) {
      v.pairs().stream().min(Comparator.comparingDouble(Verdict.Pair::holmP)).ifPresent(p -> lines.add(
          "No pair differs after Holm's adjustment; the closest: " + beats(p, n) + "."));
    } else {
      significant.stream().limit(MAX_PAIR_LINES).forEach(p -> lines.add(beats(p, n) + "."));
      if (significant.size() > MAX_PAIR_LINES) {
        lines.add(String.format(Locale.ROOT, "%d more pairs differ after Holm's adjustment (rules-pairs.csv).",
            significant.size() - MAX_PAIR_LINES));
      }
    }
    List<String> gaps = new ArrayList<>();
    for (String rule : v.entries()) {
      if (!rule.equals(Verdict.TUNED)) {
        double gap = meanAccuracy(v, Verdict.TUNED) - meanAccuracy(v, rule);
        gaps.add(String.format(Locale.ROOT, "%s %s", rule, points(gap)));
      }
    }
    lines.add("Mean test class accuracy below tuning's, in percentage points: " + String.join(", ", gaps) + ".");
    List<String> under = v.budget().stream().filter(Verdict.Budget::underTrained).map(Verdict.Budget::dataset)
        .toList();
    String rule = String.format(Locale.ROOT, "over %s of tuned sizes had their validation optimum in the last %s"
        + " of the epochs", percent(Verdict.UNDER_TRAINED_SHARE), percent(Verdict.LATE_FRACTION));
    List<String> unknown = v.budget().stream().filter(b -> !b.known()).map(Verdict.Budget::dataset).toList();
    if (!unknown.isEmpty()) {
      lines.add("The training budget is not checked" + (unknown.size() == v.budget().size() ? ""
          : " on " + String.join(", ", unknown)) + ": without validation-based early stopping the epoch of each"
          + " tuned cell's validation optimum is not recorded, so budget.csv leaves the late-optimum share empty.");
    }
    if (unknown.size() < v.budget().size()) {
      lines.add(under.isEmpty() ? "No dataset is under-trained (none where " + rule + ")."
          : "Under-trained (" + rule + "): " + String.join(", ", under) + ".");
    }
    return lines;
  }

  /** "a beats b on w of n datasets (t ties; Holm p = ...)", or "b beats a ..." when b wins more. */
  static String beats(Verdict.Pair p, int n) {
    boolean aAhead = p.wins() >= p.losses();
    String winner = aAhead ? p.ruleA() : p.ruleB();
    String loser = aAhead ? p.ruleB() : p.ruleA();
    int wins = aAhead ? p.wins() : p.losses();
    return String.format(Locale.ROOT, "%s beats %s on %d of %d datasets (%d %s; Wilcoxon p = %s, Holm p = %s)",
        winner, loser, wins, n, p.ties(), p.ties() == 1 ? "tie" : "ties", pValue(p.wilcoxonP()),
        pValue(p.holmP()));
  }

  private static double meanAccuracy(Verdict.Result v, String rule) {
    return v.scores().stream().filter(s -> s.rule().equals(rule))
        .mapToDouble(Verdict.Score::testClassAccuracy).average().orElse(Double.NaN);
  }

  /** A p-value for people: two decimals from 0.01 up, three to 0.001, then scientific with two digits; 0 as 0. */
  static String pValue(double p) {
    if (Double.isNaN(p)) {
      return "\u2013";
    }
    if (p == 0) {
      return "0";
    }
    if (p >= 0.01) {
      return String.format(Locale.ROOT, "%.2f", p);
    }
    if (p >= 0.001) {
      return String.format(Locale.ROOT, "%.3f", p);
    }
    return String.format(Locale.ROOT, "%.1e", p);
  }

  private static String fixed(double v, int decimals) {
    return Double.isNaN(v) ? "\u2013" : Double.isInfinite(v) ? "inf"
        : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  private static String points(double gap) {
    return String.format(Locale.ROOT, "%.1f", 100 * gap + 0.0); // + 0.0: no "-0.0"
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * share);
  }
}
