package nnsweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nnsweep.data.Scaling;
import nnsweep.nn.Model;
import nnsweep.testing.Csv;
import nnsweep.testing.InProcessJob;
import nnsweep.testing.StudyText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study with a validation split end to end on Spark (local[2]): the tables' validation columns, halving racing
 * each hidden size on validation error, the summary's validation statistics recomputed from results.csv, and the
 * same numbers whatever the partitioning.
 */
@ExtendWith(InProcessJob.class)
class ValidationJobTest {
  @TempDir static Path tmp;
  static Path conf;

  @BeforeAll
  static void study() throws IOException {
    conf = StudyText.study("validation-test")
        .dataset(StudyText.data("iris", "data/iris.csv", 3).testFraction(0.2).validationFraction(0.25)
            .scale(Scaling.STANDARD))
        .models(Model.HIDDEN).hiddenSizes(2, 3).learningRates(0.02, 0.2).epochs(80).bias(true).seedRange(0, 3)
        .init("xavier").curvePoints(5).halving(2, 20, "dataset", "hidden").writeIn(tmp);
  }

  private static double median(List<Double> v) {
    double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return s.length % 2 == 1 ? s[s.length / 2] : s[s.length / 2 - 1] / 2 + s[s.length / 2] / 2;
  }

  @Test
  void halvingRacesEachSizeOnValidationAndTheTablesCarryValidationColumns() throws IOException {
    Path out = tmp.resolve("halved");
    InProcessJob.Run run = InProcessJob.run(conf, "--out", out.toString());
    assertEquals(0, run.status(), run.err());
    // 2 sizes x 2 rates; each size keeps 1 of its 2 cells at each rung
    assertTrue(run.out().contains("nnsweep: successive halving: 4 cells to 20 epochs, 2 cells to 40 epochs, 2 cells"
        + " to 80 epochs"), run.out());

    Csv.Table results = Csv.read(out.resolve("results.csv"));
    assertEquals(List.of("network_id", "dataset", "model", "hidden", "rules", "inputs", "outputs", "weights",
        "bias", "learning_rate", "epochs", "seed", "init", "final_error", "error_before_last_update", "mse",
        "accuracy", "diverged", "test_error", "test_accuracy", "class_accuracy", "test_class_accuracy", "epochs_run",
        "epochs_to_target", "plateau", "train_ms", "rung", "fold", "validation_error", "validation_accuracy",
        "validation_class_accuracy"), results.header());
    Csv.Table summary = Csv.read(out.resolve("summary.csv"));
    assertEquals(List.of("dataset", "model", "hidden", "bias", "learning_rate", "epochs", "init", "networks",
        "diverged", "mean_error", "std_error", "min_error", "median_error", "max_error", "success_rate",
        "success_ci_low", "success_ci_high", "median_test_error", "mean_test_accuracy", "mean_class_accuracy",
        "mean_test_class_accuracy", "rung", "rung_epochs", "mean_test_error", "std_test_error",
        "median_validation_error", "mean_validation_error", "std_validation_error", "mean_validation_accuracy",
        "mean_validation_class_accuracy"), summary.header());

    // iris: 150 rows, 30 tested, 30 of the other 120 validate: accuracies are multiples of 1/30
    for (Map<String, String> r : results.rows()) {
      double v = Double.parseDouble(r.get("validation_class_accuracy"));
      assertEquals(Math.round(v * 30), v * 30, 1e-9, r.toString());
      assertTrue(Double.parseDouble(r.get("validation_error")) > 0, r.toString());
    }

    // the ladder's score is the cell's median validation error; at the top rung, as results.csv has it
    Map<String, List<Double>> byCell = new TreeMap<>();
    for (Map<String, String> r : results.rows()) {
      if (r.get("rung").equals("2")) {
        byCell.computeIfAbsent(r.get("hidden") + "@" + r.get("learning_rate"), k -> new ArrayList<>())
            .add(Double.parseDouble(r.get("validation_error")));
      }
    }
    assertEquals(2, byCell.size(), byCell.toString());
    int top = 0;
    for (Map<String, String> l : Csv.read(out.resolve("ladder.csv")).rows()) {
      if (l.get("rung").equals("2")) {
        top++;
        assertEquals(median(byCell.get(l.get("hidden") + "@" + l.get("learning_rate"))),
            Double.parseDouble(l.get("score")), 0, l.toString());
        assertEquals("1", l.get("rank"), "each size is its own race: " + l);
      }
    }
    assertEquals(2, top);
    assertEquals(List.of("2", "3"), byCell.keySet().stream().map(k -> k.split("@")[0]).toList(),
        "both sizes reach the top rung");

    // summary.csv's validation statistics from results.csv's rows
    for (Map<String, String> s : summary.rows()) {
      List<Double> errors = new ArrayList<>();
      List<Double> classAccuracies = new ArrayList<>();
      for (Map<String, String> r : results.rows()) {
        if (r.get("hidden").equals(s.get("hidden")) && r.get("learning_rate").equals(s.get("learning_rate"))) {
          errors.add(Double.parseDouble(r.get("validation_error")));
          classAccuracies.add(Double.parseDouble(r.get("validation_class_accuracy")));
        }
      }
      assertEquals(3, errors.size());
      assertEquals(median(errors), Double.parseDouble(s.get("median_validation_error")), 0);
      assertEquals(errors.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
          Double.parseDouble(s.get("mean_validation_error")), 1e-12);
      assertEquals(classAccuracies.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
          Double.parseDouble(s.get("mean_validation_class_accuracy")), 1e-12);
    }
    assertTrue(Files.readString(out.resolve("report.html")).contains("median validation E"));
  }

  @Test
  void theSameNumbersOnAnyPartitioning() {
    List<List<Map<String, String>>> tables = new ArrayList<>();
    for (String partitions : List.of("1", "5")) {
      Path out = tmp.resolve("grid-" + partitions);
      InProcessJob.Run run = InProcessJob.run(conf, "--out", out.toString(), "--set", "search.strategy=grid", "--set",
          "search.reduction=null", "--set", "search.min-epochs=null", "--set", "search.race-by=null", "--set",
          "partitions=" + partitions);
      assertEquals(0, run.status(), run.err());
      tables.add(Csv.rowsWithoutTrainMs(out.resolve("results.csv")));
    }
    assertEquals(12, tables.get(0).size());
    assertEquals(tables.get(0), tables.get(1));
    assertTrue(tables.get(0).stream().allMatch(r -> !r.get("validation_error").isEmpty()
        && Arrays.asList(r.keySet().toArray()).contains("validation_accuracy")));
  }
}
