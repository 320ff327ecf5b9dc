package nnsweep;

import static nnsweep.testing.Headers.assertHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nnsweep.nn.Model;
import nnsweep.testing.Csv;
import nnsweep.testing.Headers;
import nnsweep.testing.InProcessJob;
import nnsweep.testing.ReferenceCase;
import nnsweep.testing.StudyText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole job in-process on {@code local[2]}: study file -> Spark -> CSV reports, checked against the numpy
 * oracle's reference cases (each case written as a one-network study with fixed initial weights).
 */
@ExtendWith(InProcessJob.class)
class StudyJobTest {
  @TempDir static Path tmp;

  static Stream<ReferenceCase> cases() {
    return ReferenceCase.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void oneNetworkStudyMatchesTheOracle(ReferenceCase c) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(c.name()));
    Path csv = writeDataset(dir, c);
    Path conf = studyFor(c, csv).writeIn(dir);
    Path out = dir.resolve("out");

    InProcessJob.Run run = run("--config", conf.toString(), "--out", out.toString());

    assertEquals(0, run.status(), run.err());
    assertHeader(Headers.RESULTS, out.resolve("results.csv"));
    Csv.Table results = Csv.read(out.resolve("results.csv"));
    assertEquals(1, results.rows().size());
    Map<String, String> row = results.rows().get(0);
    double finalError = Double.parseDouble(row.get("final_error"));
    double relative = Math.abs(finalError - c.finalError()) / c.finalError();
    assertTrue(relative <= 1e-9, "final_error " + finalError + " vs oracle " + c.finalError());
    assertEquals(c.accuracy(), Double.parseDouble(row.get("accuracy")), 0.0, "accuracy");
    assertEquals(c.model().configName(), row.get("model"));
    assertEquals(Boolean.toString(c.bias()), row.get("bias"));
    assertEquals("fixed", row.get("init"));
    assertEquals(Integer.toString(c.init().count()), row.get("weights"));
    if (c.queries().length > 0) {
      assertHeader(Headers.PREDICTIONS, out.resolve("predictions.csv"));
      Csv.Table predictions = Csv.read(out.resolve("predictions.csv"));
      assertEquals(c.queries().length * c.outputCount(), predictions.rows().size());
      for (Map<String, String> p : predictions.rows()) {
        double expected = c.predictions()[Integer.parseInt(p.get("query"))][Integer.parseInt(p.get("output"))];
        assertEquals(expected, Double.parseDouble(p.get("prediction")), 1e-7);
      }
    }
    // the tutorial-style printout of a small study
    assertTrue(run.out().contains("final error:"), run.out());
  }

  @Test
  void tutorialStudyWritesEveryReportWithItsColumns() {
    Path out = tmp.resolve("tutorial");

    InProcessJob.Run run = run("--config", "conf/tutorial.conf", "--out", out.toString(), "--set", "seeds=[0, 1]",
        "--set", "epochs=[3000]", "--set", "learning-rates=[0.5]");

    assertEquals(0, run.status(), run.err());
    // every table's columns, in the order a user's script reads them
    assertHeader(Headers.RESULTS, out.resolve("results.csv"));
    assertHeader(Headers.SUMMARY, out.resolve("summary.csv"));
    assertHeader(Headers.RULES, out.resolve("rules.csv"));
    assertHeader(Headers.LAYERS, out.resolve("layers.csv"));
    assertHeader(Headers.PREDICTIONS, out.resolve("predictions.csv"));
    assertHeader(Headers.CURVES, out.resolve("curves.csv"));
    assertHeader(Headers.MODELS_INDEX, out.resolve("models/index.csv"));
    Csv.Table results = Csv.read(out.resolve("results.csv"));
    // 2 datasets x (none + hidden sizes {1, 2, 3, 4}) x 2 bias x 2 seeds
    assertEquals(2 * 5 * 2 * 2, results.rows().size());
    assertEquals(List.of("1", "2", "3", "4"), results.rows().stream().filter(r -> r.get("model").equals("hidden"))
        .map(r -> r.get("hidden")).distinct().sorted().toList());
    Map<String, String> rulesOfSize = results.rows().stream().filter(r -> r.get("dataset").equals("or"))
        .collect(Collectors.toMap(r -> r.get("model") + r.get("hidden"), r -> r.get("rules"), (a, b) -> a));
    assertEquals("", rulesOfSize.get("none0"));
    assertEquals("fewer-than-twice-inputs;between-inputs-and-outputs", rulesOfSize.get("hidden1"));
    assertEquals("fewer-than-twice-inputs;two-thirds-inputs-plus-outputs;between-inputs-and-outputs",
        rulesOfSize.get("hidden2"));
    assertEquals("fewer-than-twice-inputs", rulesOfSize.get("hidden3"));
    assertEquals("", rulesOfSize.get("hidden4"));

    Csv.Table summary = Csv.read(out.resolve("summary.csv"));
    assertEquals(2 * 5 * 2, summary.rows().size());
    assertTrue(summary.rows().stream().allMatch(r -> r.get("networks").equals("2")));
    // the analytic floor: XOR without a hidden layer never gets below E = 0.5
    summary.rows().stream().filter(r -> r.get("dataset").equals("xor") && r.get("model").equals("none"))
        .forEach(r -> assertTrue(Double.parseDouble(r.get("min_error")) >= 0.5 - 1e-9, r.toString()));
    Csv.Table predictions = Csv.read(out.resolve("predictions.csv"));
    // or: 3 queries, xor: 4 queries, one output each, 20 networks per dataset
    assertEquals(20 * 3 + 20 * 4, predictions.rows().size());
    try (Stream<Path> files = Files.list(out)) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertTrue(names.containsAll(List.of("results.csv", "summary.csv", "rules.csv", "layers.csv",
          "predictions.csv", "curves.csv", "run.json")), names.toString());
      for (String name : names) {
        Path p = out.resolve(name);
        assertTrue(Files.isRegularFile(p) || name.equals(".nnsweep") || name.equals("charts")
            || name.equals("models"),
            "single files a person can open, not part-file folders: " + name);
      }
      assertTrue(Files.exists(out.resolve(".nnsweep/complete")));
      assertTrue(Files.notExists(out.resolve(".nnsweep/parts")), "committed parts are cleaned up");
      // keep-models = best: one network per dataset (docs/models.md)
      assertEquals(List.of("or", "xor"), Csv.read(out.resolve("models/index.csv")).rows().stream()
          .map(r -> r.get("dataset")).toList());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void divergenceIsARecordedOutcomeNotACrash() throws IOException {
    // targets far outside (0, 1) and a huge rate: rate x gradient overflows, E becomes NaN
    Path dir = Files.createDirectories(tmp.resolve("diverge"));
    Path csv = Files.writeString(dir.resolve("far.csv"), "x1,x2,y\n0,0,0\n0,1,1e6\n1,0,1e6\n1,1,0\n");
    Path conf = StudyText.study("diverge").dataset("far", csv.toString(), 1).hiddenSizes(2)
        .learningRates(1e305, 0.1).epochs(100).bias(true).seeds(0, 1).writeIn(dir);
    Path out = dir.resolve("out");

    InProcessJob.Run run = run("--config", conf.toString(), "--out", out.toString());

    assertEquals(0, run.status(), run.err());
    List<Map<String, String>> rows = Csv.read(out.resolve("results.csv")).rows();
    assertEquals(4, rows.size());
    for (Map<String, String> r : rows) {
      boolean huge = Double.parseDouble(r.get("learning_rate")) > 1;
      assertEquals(Boolean.toString(huge), r.get("diverged"), r.toString());
      if (huge) {
        assertTrue(Integer.parseInt(r.get("epochs_run")) < 100, r.toString());
      }
    }
    Map<String, String> summary = Csv.read(out.resolve("summary.csv")).rows().get(0);
    assertEquals("2", summary.get("diverged"));
    assertEquals("", summary.get("median_error"), "error statistics leave diverged networks out");
  }

  private static Path writeDataset(Path dir, ReferenceCase c) throws IOException {
    StringBuilder sb = new StringBuilder();
    List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < c.inputCount(); i++) {
      names.add("x" + (i + 1));
    }
    for (int o = 0; o < c.outputCount(); o++) {
      names.add("t" + (o + 1));
    }
    sb.append(String.join(",", names)).append('\n');
    for (int i = 0; i < c.inputs().length; i++) {
      sb.append(Stream.concat(Arrays.stream(c.inputs()[i]).boxed(), Arrays.stream(c.targets()[i]).boxed())
          .map(String::valueOf).collect(Collectors.joining(","))).append('\n');
    }
    return Files.writeString(dir.resolve("data.csv"), sb);
  }

  /** The reference case as a study file, fixed weights in the tutorial's layout. */
  static StudyText studyFor(ReferenceCase c, Path csv) {
    boolean hidden = c.model() == Model.HIDDEN;
    StudyText study = StudyText.study(c.name())
        .dataset(StudyText.data("data", csv.toString(), c.outputCount()).queries(c.queries())).models(c.model());
    if (hidden) {
      study.hiddenSizes(c.hiddenUnits());
    }
    return study.learningRates(c.learningRate()).epochs(c.epochs()).bias(c.bias()).seeds(0)
        .fixedInit(hidden ? c.init().hidden() : null, c.init().hiddenBias(), c.init().output(), c.init().outputBias());
  }

  static InProcessJob.Run run(String... args) {
    return InProcessJob.run(args);
  }

}
