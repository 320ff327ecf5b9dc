package nnsweep;

import static nnsweep.testing.Headers.assertHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nnsweep.testing.Csv;
import nnsweep.testing.Headers;
import nnsweep.testing.InProcessJob;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * summary.csv, rules.csv and layers.csv follow from results.csv: each is recomputed here from results.csv alone,
 * with code written independently of the report package (its own Wilson formula, median, grouping). A second, small
 * study on one-hot iris (with a test split) and the full adder checks the argmax class-accuracy columns.
 */
@ExtendWith(InProcessJob.class)
class ReportTablesRecomputeTest {
  @TempDir static Path tmp;
  static Path out;
  static List<Map<String, String>> results;
  static Path classesOut;
  static List<Map<String, String>> classesResults;

  @BeforeAll
  static void runStudy() {
    out = tmp.resolve("out");
    InProcessJob.Run run = InProcessJob.run("--config", "conf/tutorial.conf", "--out", out.toString(),
        "--set", "seeds={ from = 0, count = 6 }", "--set", "epochs=[4000]", "--set", "learning-rates=[0.5, 2.0]");
    assertEquals(0, run.status(), run.err());
    results = Csv.read(out.resolve("results.csv")).rows();
    classesOut = tmp.resolve("classes");
    InProcessJob.Run classes = InProcessJob.run("--config", "conf/rules.conf", "--out", classesOut.toString(),
        "--set", "datasets=[{ name = iris, path = \"data/iris.csv\", outputs = 3, test-fraction = 0.2,"
            + " scale = standard }, { name = full-adder, path = \"data/full-adder.csv\", outputs = 2 }]",
        "--set", "epochs=[300]", "--set", "learning-rates=[0.05]", "--set", "seeds={ from = 0, count = 3 }",
        "--set", "curve-points=0");
    assertEquals(0, classes.status(), classes.err());
    classesResults = Csv.read(classesOut.resolve("results.csv")).rows();
  }

  @Test
  void headersAreExact() {
    assertHeader(Headers.RESULTS, classesOut.resolve("results.csv"));
    assertHeader(Headers.SUMMARY, classesOut.resolve("summary.csv"));
  }

  @Test
  void classAccuracyFollowsFromResults() {
    // the tutorial's OR and XOR have one output: no class accuracy anywhere
    assertTrue(results.stream().allMatch(r -> r.get("class_accuracy").isEmpty()
        && r.get("test_class_accuracy").isEmpty()));
    assertTrue(Csv.read(out.resolve("summary.csv")).rows().stream().allMatch(r -> r.get("mean_class_accuracy")
        .isEmpty() && r.get("mean_test_class_accuracy").isEmpty()));
    // iris is one-hot and has test rows; the full adder's two outputs are not one-hot
    for (Map<String, String> r : classesResults) {
      boolean iris = r.get("dataset").equals("iris");
      assertEquals(iris, !r.get("class_accuracy").isEmpty(), r.toString());
      assertEquals(iris, !r.get("test_class_accuracy").isEmpty(), r.toString());
      if (iris) {
        // 120 training rows, 30 test rows: whole numbers of rows; never below the threshold accuracy
        double train = Double.parseDouble(r.get("class_accuracy"));
        double test = Double.parseDouble(r.get("test_class_accuracy"));
        assertEquals(Math.rint(train * 120), train * 120, 1e-9, r.toString());
        assertEquals(Math.rint(test * 30), test * 30, 1e-9, r.toString());
        assertTrue(train >= Double.parseDouble(r.get("accuracy")), r.toString());
        assertTrue(test >= Double.parseDouble(r.get("test_accuracy")), r.toString());
      }
    }
    assertTrue(classesResults.stream().anyMatch(r -> r.get("dataset").equals("iris")
        && Double.parseDouble(r.get("class_accuracy")) > 0.9), "some networks learn iris in 300 epochs");
    Csv.Table summary = Csv.read(classesOut.resolve("summary.csv"));
    Map<String, List<Map<String, String>>> groups = classesResults.stream().collect(Collectors.groupingBy(
        r -> key(r, "dataset", "model", "hidden", "bias", "learning_rate", "epochs"), TreeMap::new,
        Collectors.toList()));
    assertEquals(groups.size(), summary.rows().size());
    for (Map<String, String> row : summary.rows()) {
      List<Map<String, String>> g = groups.get(key(row, "dataset", "model", "hidden", "bias", "learning_rate",
          "epochs"));
      for (String[] columns : new String[][] {{"class_accuracy", "mean_class_accuracy"},
          {"test_class_accuracy", "mean_test_class_accuracy"}}) {
        List<Double> values = g.stream().map(r -> r.get(columns[0])).filter(c -> !c.isEmpty())
            .map(Double::parseDouble).toList();
        if (values.isEmpty()) {
          assertEquals("", row.get(columns[1]), row.toString());
        } else {
          assertEquals(g.size(), values.size(), row.toString());
          close(values.stream().mapToDouble(d -> d).sum() / values.size(), row.get(columns[1]));
        }
      }
      assertEquals(row.get("dataset").equals("iris"), !row.get("mean_class_accuracy").isEmpty(), row.toString());
    }
  }

  @Test
  void summaryFollowsFromResults() {
    Csv.Table summary = Csv.read(out.resolve("summary.csv"));
    assertHeader(Headers.SUMMARY, out.resolve("summary.csv"));
    Map<String, List<Map<String, String>>> groups = results.stream().collect(Collectors.groupingBy(
        r -> key(r, "dataset", "model", "hidden", "bias", "learning_rate", "epochs"), TreeMap::new,
        Collectors.toList()));
    assertEquals(groups.size(), summary.rows().size());
    for (Map<String, String> row : summary.rows()) {
      List<Map<String, String>> g = groups.get(key(row, "dataset", "model", "hidden", "bias", "learning_rate",
          "epochs"));
      assertEquals(g.size(), Integer.parseInt(row.get("networks")));
      List<Double> errors = errors(g);
      close(median(errors), row.get("median_error"));
      close(errors.stream().mapToDouble(d -> d).min().orElse(Double.NaN), row.get("min_error"));
      long ok = successes(g);
      double[] ci = wilson(ok, g.size());
      close((double) ok / g.size(), row.get("success_rate"));
      close(ci[0], row.get("success_ci_low"));
      close(ci[1], row.get("success_ci_high"));
    }
  }

  @Test
  void rulesFollowFromResults() {
    Csv.Table rules = Csv.read(out.resolve("rules.csv"));
    assertHeader(Headers.RULES, out.resolve("rules.csv"));
    // tutorial.conf: 2 datasets x 3 rules
    assertEquals(6, rules.rows().size());
    for (Map<String, String> row : rules.rows()) {
      String dataset = row.get("dataset");
      List<Integer> sizes = List.of(row.get("recommended_sizes").split(";")).stream().map(Integer::parseInt)
          .toList();
      // both datasets have 2 inputs and 1 output
      List<Integer> expectedSizes = switch (row.get("rule")) {
        case "fewer-than-twice-inputs" -> List.of(1, 2, 3);
        case "two-thirds-inputs-plus-outputs" -> List.of(2);
        case "between-inputs-and-outputs" -> List.of(1, 2);
        default -> throw new AssertionError(row.get("rule"));
      };
      assertEquals(expectedSizes, sizes);
      List<Map<String, String>> hidden = results.stream().filter(r -> r.get("dataset").equals(dataset)
          && r.get("model").equals("hidden")).toList();
      List<Map<String, String>> inRule = hidden.stream()
          .filter(r -> sizes.contains(Integer.parseInt(r.get("hidden")))).toList();
      assertEquals(inRule.size(), Integer.parseInt(row.get("networks")));
      close(median(errors(inRule)), row.get("median_error"));
      long ok = successes(inRule);
      close(wilson(ok, inRule.size())[0], row.get("success_ci_low"));
      close(wilson(ok, inRule.size())[1], row.get("success_ci_high"));
      // per size over the whole sweep
      Map<Integer, List<Map<String, String>>> bySize = hidden.stream().collect(Collectors.groupingBy(
          r -> Integer.parseInt(r.get("hidden")), TreeMap::new, Collectors.toList()));
      int bestOverall = bySize.keySet().stream()
          .min(Comparator.comparingDouble((Integer h) -> median(errors(bySize.get(h)))).thenComparing(h -> h))
          .orElseThrow();
      int bestInRule = sizes.stream()
          .min(Comparator.comparingDouble((Integer h) -> median(errors(bySize.get(h)))).thenComparing(h -> h))
          .orElseThrow();
      assertEquals(Integer.toString(bestOverall), row.get("best_size_overall"));
      assertEquals(Integer.toString(bestInRule), row.get("best_size_in_rule"));
      assertEquals(Boolean.toString(sizes.contains(bestOverall)), row.get("contains_best_size"));
      Integer reliable = bySize.entrySet().stream()
          .filter(e -> successes(e.getValue()) >= 0.95 * e.getValue().size()).map(Map.Entry::getKey).findFirst()
          .orElse(null);
      assertEquals(reliable == null ? "" : reliable.toString(), row.get("smallest_reliable_size"));
      assertEquals(reliable == null ? "" : Boolean.toString(sizes.contains(reliable)),
          row.get("contains_smallest_reliable_size"));
    }
  }

  @Test
  void layersFollowFromResults() {
    Csv.Table layers = Csv.read(out.resolve("layers.csv"));
    assertHeader(Headers.LAYERS, out.resolve("layers.csv"));
    // 2 datasets x 2 bias x 2 learning rates x 1 epochs
    assertEquals(8, layers.rows().size());
    for (Map<String, String> row : layers.rows()) {
      List<Map<String, String>> group = results.stream().filter(r -> key(r, "dataset", "bias", "learning_rate",
          "epochs").equals(key(row, "dataset", "bias", "learning_rate", "epochs"))).toList();
      List<Map<String, String>> none = group.stream().filter(r -> r.get("model").equals("none")).toList();
      List<Map<String, String>> hidden = group.stream().filter(r -> r.get("model").equals("hidden")).toList();
      assertEquals(none.size(), Integer.parseInt(row.get("none_networks")));
      assertEquals(hidden.size(), Integer.parseInt(row.get("hidden_networks")));
      close(median(errors(none)), row.get("none_median_error"));
      close(median(errors(hidden)), row.get("hidden_median_error"));
      close(errors(hidden).stream().mapToDouble(d -> d).min().orElseThrow(), row.get("hidden_best_error"));
      close(median(errors(none)) / median(errors(hidden)), row.get("median_error_ratio"));
      close(wilson(successes(none), none.size())[1], row.get("none_success_ci_high"));
      if (row.get("dataset").equals("xor")) {
        // the analytic floor: no hidden layer never below E = 0.5 on XOR
        assertTrue(Double.parseDouble(row.get("none_best_error")) >= 0.5 - 1e-9, row.toString());
        assertEquals("0.0", row.get("none_success_rate"));
      }
      if (row.get("dataset").equals("or") && row.get("bias").equals("false")) {
        // (0,0) always outputs 0.5 without bias: E >= 0.125
        assertTrue(Double.parseDouble(row.get("none_best_error")) >= 0.125, row.toString());
      }
    }
  }

  private static String key(Map<String, String> row, String... columns) {
    List<String> parts = new ArrayList<>();
    for (String c : columns) {
      parts.add(c.equals("learning_rate") ? Double.toString(Double.parseDouble(row.get(c))) : row.get(c));
    }
    return String.join("|", parts);
  }

  private static List<Double> errors(List<Map<String, String>> rows) {
    return rows.stream().filter(r -> r.get("diverged").equals("false"))
        .map(r -> Double.parseDouble(r.get("final_error"))).sorted().toList();
  }

  private static long successes(List<Map<String, String>> rows) {
    return rows.stream().filter(r -> Double.parseDouble(r.get("accuracy")) == 1.0).count();
  }

  private static double median(List<Double> sorted) {
    int n = sorted.size();
    return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** Wilson score interval, 95%, from its textbook form. */
  private static double[] wilson(long k, long n) {
    double z = 1.959963984540054;
    double p = (double) k / n;
    double denominator = 1 + z * z / n;
    double centre = p + z * z / (2 * n);
    double spread = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
    return new double[] {Math.max(0, (centre - spread) / denominator), Math.min(1, (centre + spread) / denominator)};
  }

  private static void close(double expected, String cell) {
    double actual = Double.parseDouble(cell);
    assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), "expected " + expected + ", cell "
        + cell);
  }
}
