package nnsweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nnsweep.data.Scaling;
import nnsweep.nn.Model;
import nnsweep.study.HiddenRule;
import nnsweep.testing.Csv;
import nnsweep.testing.InProcessJob;
import nnsweep.testing.StudyText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The options beyond the tutorial, end to end through {@link Main}: a held-out test split with scaling, an init
 * axis, stop-error, the newer rules and plateau labels.
 */
@ExtendWith(InProcessJob.class)
class BeyondTutorialTest {
  @TempDir static Path tmp;
  static List<Map<String, String>> results;
  static Path out;

  @BeforeAll
  static void run() throws IOException {
    Path conf = StudyText.study("beyond")
        .dataset(StudyText.data("iris", "data/iris.csv", 3).testFraction(0.2).scale(Scaling.STANDARD)
            .queries(new double[] {5.1, 3.5, 1.4, 0.2}))
        .dataset("parity-3", "data/parity-3.csv", 1).models(Model.HIDDEN)
        .hiddenRules(HiddenRule.SQRT_INPUTS_TIMES_OUTPUTS, HiddenRule.SAMPLES_OVER_WEIGHTS).alpha(2)
        .learningRates(0.5).epochs(3000).bias(true).seeds(0, 1)
        .set("init", "[ { scheme = uniform }, { scheme = symmetric, range = 0.5 }, { scheme = xavier } ]")
        .stopError(0.05).curvePoints(10).writeIn(tmp);
    out = tmp.resolve("out");
    InProcessJob.Run run = InProcessJob.run(conf, "--out", out.toString());
    assertEquals(0, run.status(), run.err());
    results = Csv.read(out.resolve("results.csv")).rows();
  }

  @Test
  void rulesUseRowsAndAlpha() {
    // iris: 120 training rows / (2 * (4 + 3)) = 8.57 -> 8; sqrt(4 * 3) = 3.46 -> 3
    // parity-3: 8 rows / (2 * 4) = 1; sqrt(3) -> 2
    Map<String, Set<String>> sizes = results.stream().collect(Collectors.groupingBy(r -> r.get("dataset"),
        Collectors.mapping(r -> r.get("hidden") + ":" + r.get("rules"), Collectors.toSet())));
    assertEquals(Set.of("3:sqrt-inputs-times-outputs", "8:samples-over-weights"), sizes.get("iris"));
    assertEquals(Set.of("1:samples-over-weights", "2:sqrt-inputs-times-outputs"), sizes.get("parity-3"));
  }

  @Test
  void initAxisVariesFastest() {
    assertEquals(List.of("uniform", "symmetric(0.5)", "xavier", "uniform", "symmetric(0.5)", "xavier"),
        results.subList(0, 6).stream().map(r -> r.get("init")).toList());
    assertEquals(List.of("0", "0", "0", "1", "1", "1"), results.subList(0, 6).stream().map(r -> r.get("seed"))
        .toList());
  }

  @Test
  void testSplitGivesGeneralisationColumns() {
    for (Map<String, String> r : results) {
      boolean iris = r.get("dataset").equals("iris");
      assertEquals(iris, !r.get("test_error").isEmpty(), r.toString());
      assertEquals(iris, !r.get("test_accuracy").isEmpty(), r.toString());
      if (iris) {
        double acc = Double.parseDouble(r.get("test_accuracy"));
        // 30 test rows: accuracy is a multiple of 1/30
        assertEquals(0.0, acc * 30 - Math.rint(acc * 30), 1e-9, r.toString());
        assertTrue(r.get("plateau").isEmpty(), "plateaus are for truth tables only");
      }
    }
    Csv.Table summary = Csv.read(out.resolve("summary.csv"));
    assertTrue(summary.rows().stream().filter(r -> r.get("dataset").equals("iris"))
        .allMatch(r -> !r.get("median_test_error").isEmpty()));
    try {
      String html = Files.readString(out.resolve("report.html"));
      assertTrue(html.contains("median test E") && html.contains("mean test accuracy"),
          "the report shows generalisation next to training error");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void stopErrorStopsAndRecordsTheEpoch() {
    long stopped = 0;
    for (Map<String, String> r : results) {
      int run = Integer.parseInt(r.get("epochs_run"));
      if (!r.get("epochs_to_target").isEmpty()) {
        assertEquals(run, Integer.parseInt(r.get("epochs_to_target")), r.toString());
        assertTrue(Double.parseDouble(r.get("final_error")) <= 0.05, r.toString());
        stopped++;
      } else {
        assertEquals(3000, run, r.toString());
        assertTrue(Double.parseDouble(r.get("final_error")) > 0.05, r.toString());
      }
    }
    assertTrue(stopped > 0, "some networks reach E <= 0.05 within 3000 epochs");
  }
}
