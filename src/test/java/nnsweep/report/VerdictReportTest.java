package nnsweep.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import nnsweep.stats.Verdict;
import nnsweep.study.HiddenRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verdict's files: exact headers and rows, the words, the critical-difference diagram. */
class VerdictReportTest {
  @TempDir Path dir;

  static Verdict.Tuned row(String d, int h, double validation, double accuracy, boolean late) {
    return new Verdict.Tuned(d, h, 0.1, 1000, validation, 1 - accuracy, accuracy, late);
  }

  /**
   * Three datasets (4 inputs, 3 outputs, 100 samples: the rules recommend 1-7, 5, 3-4, 3, 4, 2) and three rules
   * (sqrt: 3, two-thirds-of: 4, samples-over-weights: 2), five entries with none and tuned. Size 4 is the
   * validation-best and test-best on every dataset; none is worst everywhere.
   */
  static Verdict.Result verdict() {
    List<Verdict.Tuned> rows = new ArrayList<>();
    List<Verdict.Dataset> datasets = new ArrayList<>();
    for (String d : List.of("d1", "d2", "d3")) {
      double shift = d.equals("d2") ? 0.01 : 0;
      rows.add(row(d, 0, 0.9, 0.5 + shift, false));
      rows.add(row(d, 2, 0.5, 0.7 + shift, false));
      rows.add(row(d, 3, 0.4, 0.8 + shift, d.equals("d3")));
      rows.add(row(d, 4, 0.2, 0.9 + shift, false));
      datasets.add(new Verdict.Dataset(d, 100, 4, 3, 5));
    }
    return Verdict.of(rows, datasets, List.of(HiddenRule.SQRT_INPUTS_TIMES_OUTPUTS,
        HiddenRule.TWO_THIRDS_OF_INPUTS_PLUS_OUTPUTS, HiddenRule.SAMPLES_OVER_WEIGHTS));
  }

  @Test
  void writesTheFiveTablesWithTheirExactColumns() throws IOException {
    List<String> written = VerdictReport.write(dir, verdict());
    assertEquals(List.of("sizes.csv", "rules-scores.csv", "rules-verdict.csv", "rules-pairs.csv", "budget.csv",
        "charts/critical-difference.png"), written);
    List<String> sizes = Files.readAllLines(dir.resolve("sizes.csv"));
    assertEquals("dataset,hidden,learning_rate,epochs,validation_error,test_error,test_class_accuracy,late_optimum",
        sizes.get(0));
    assertEquals("d1,0,0.1,1000,0.9,0.5,0.5,false", sizes.get(1));
    assertEquals(13, sizes.size());
    List<String> scores = Files.readAllLines(dir.resolve("rules-scores.csv"));
    assertEquals("dataset,rule,sizes,hidden,test_class_accuracy,test_error,rank", scores.get(0));
    assertEquals(List.of("d1,sqrt-inputs-times-outputs,3,3,0.8,0.19999999999999996,3.0",
        "d1,two-thirds-of-inputs-plus-outputs,4,4,0.9,0.09999999999999998,1.5",
        "d1,samples-over-weights,2,2,0.7,0.30000000000000004,4.0",
        "d1,none,0,0,0.5,0.5,5.0",
        "d1,tuned,0;2;3;4,4,0.9,0.09999999999999998,1.5",
        "d1,hindsight,0;2;3;4,4,0.9,0.09999999999999998,"), scores.subList(1, 7));
    List<String> verdict = Files.readAllLines(dir.resolve("rules-verdict.csv"));
    assertEquals("rule,datasets,mean_rank,friedman_chi2,friedman_p,iman_davenport_f,iman_davenport_p,"
        + "critical_difference", verdict.get(0));
    // every dataset ranks the entries alike: chi2 = 12 (tie-corrected; scipy: 12.000000000000007, p =
    // 0.01735126523666446), Iman-Davenport F infinite, CD = 2.728 sqrt(5 * 6 / (6 * 3))
    assertEquals("two-thirds-of-inputs-plus-outputs,3,1.5,12.000000000000007,0.017351265236664457,Infinity,0.0,"
        + "3.5218328561512777", verdict.get(1));
    assertEquals(6, verdict.size());
    List<String> pairs = Files.readAllLines(dir.resolve("rules-pairs.csv"));
    assertEquals("rule_a,rule_b,wins,ties,losses,wilcoxon_p,holm_p", pairs.get(0));
    assertEquals("sqrt-inputs-times-outputs,two-thirds-of-inputs-plus-outputs,0,0,3,0.25,1.0", pairs.get(1));
    assertEquals(11, pairs.size());
    List<String> budget = Files.readAllLines(dir.resolve("budget.csv"));
    assertEquals(List.of("dataset,cells,late_optimum_share,under_trained", "d1,4,0.0,false", "d2,4,0.0,false",
        "d3,4,0.25,true"), budget);
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(dir.resolve(
        "charts/critical-difference.png"))));
    assertEquals(Charts.WIDTH, png.getWidth());
    assertEquals(140 + 34 * 5, png.getHeight());
  }

  @Test
  void headlinesComeFromTheNumbers() {
    assertEquals(List.of(
        "two-thirds-of-inputs-plus-outputs ranks best (mean rank 1.50 of 5 entries over 3 datasets); none ranks"
            + " worst (5.00).",
        "The entries' ranks differ (Friedman chi2 = 12.00, p = 0.02; Iman-Davenport F = inf, p = 0); ranks"
            + " 3.52 apart or more differ by Nemenyi's test (critical difference at 0.05).",
        "No pair differs after Holm's adjustment; the closest: two-thirds-of-inputs-plus-outputs beats"
            + " sqrt-inputs-times-outputs on 3 of 3 datasets (0 ties; Wilcoxon p = 0.25, Holm p = 1.00).",
        "Mean test class accuracy below tuning's, in percentage points: sqrt-inputs-times-outputs 10.0,"
            + " two-thirds-of-inputs-plus-outputs 0.0, samples-over-weights 20.0, none 40.0.",
        "Under-trained (over 10% of tuned sizes had their validation optimum in the last 20% of the epochs): d3."),
        VerdictReport.headlines(verdict()));
  }

  @Test
  void htmlSectionHasTheWordsTheDiagramAndTheTables() {
    HtmlReport.Html h = new HtmlReport.Html();
    VerdictReport.html(h, verdict());
    String html = h.toString();
    assertTrue(html.startsWith("<section id=\"verdict\">"), html.substring(0, 40));
    assertTrue(html.contains("<li>two-thirds-of-inputs-plus-outputs ranks best (mean rank 1.50 of 5 entries"));
    assertTrue(html.contains("<img src=\"data:image/png;base64,iVBORw0KGgo"));
    assertTrue(html.contains("<h3>Every pair: Wilcoxon signed-rank with Holm&#39;s adjustment (rules-pairs.csv)"));
    assertEquals(5, html.split("<table class=\"sortable\">", -1).length - 1);
  }

  @Test
  void aSignificantPairIsNamedWithItsCounts() {
    Verdict.Pair p = new Verdict.Pair("none", "tuned", 1, 1, 10, 0.004, 0.03);
    assertEquals("tuned beats none on 10 of 12 datasets (1 tie; Wilcoxon p = 0.004, Holm p = 0.03)",
        VerdictReport.beats(p, 12));
    assertEquals("1.2e-05", VerdictReport.pValue(1.23e-5));
  }

  @Test
  void diagramGroupsAreMaximalRunsWithinTheCriticalDifference() {
    double[] means = {1.0, 1.5, 2.9, 3.2, 5.0, 5.5};
    List<int[]> groups = VerdictChart.groups(means, 2.0);
    assertEquals(4, groups.size()); // {2.9, 3.2} lies inside {1.5 .. 3.2}: not drawn again
    assertArrayEquals(new int[] {0, 2}, groups.get(0)); // 1.0 .. 2.9
    assertArrayEquals(new int[] {1, 3}, groups.get(1)); // 1.5 .. 3.2
    assertArrayEquals(new int[] {3, 4}, groups.get(2)); // 3.2 .. 5.0
    assertArrayEquals(new int[] {4, 5}, groups.get(3)); // 5.0 .. 5.5
    assertTrue(VerdictChart.groups(means, 0.1).isEmpty());
  }
}
