package nnsweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nnsweep.data.CsvDatasetReader;
import nnsweep.data.Dataset;
import nnsweep.data.Scaling;
import nnsweep.data.Splits;
import nnsweep.errors.InputException;
import nnsweep.grid.Grid;
import nnsweep.grid.NetworkSpec;
import nnsweep.nn.Model;
import nnsweep.run.Problem;
import nnsweep.run.Problems;
import nnsweep.study.HiddenRule;
import nnsweep.study.Study;
import nnsweep.study.StudyLoader;
import nnsweep.testing.Csv;
import nnsweep.testing.InProcessJob;
import nnsweep.testing.StudyText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** k-fold cross-validation: stratified folds, the fold axis of the grid, the tables, bad input. */
@ExtendWith(InProcessJob.class)
class FoldsTest {
  @TempDir Path tmp;

  private static StudyText.Data iris(int folds) {
    return StudyText.data("iris", "data/iris.csv", 3).folds(folds);
  }

  /** {@code iris} (its line: the third), hidden size 3, rate 0.1, 200 epochs, seeds 0 and 1. */
  private static StudyText study(StudyText.Data iris) {
    return StudyText.study("folds").dataset(iris).hiddenSizes(3).learningRates(0.1).epochs(200).seeds(0, 1);
  }

  @Test
  void foldsAreStratifiedDisjointAndCoverEveryRowOnce() {
    Dataset iris = CsvDatasetReader.read("iris", Path.of("data/iris.csv"), 3);
    List<Splits.Split> folds = Splits.folds(iris, 5, 0);
    assertEquals(5, folds.size());
    for (Splits.Split s : folds) {
      assertEquals(30, s.test().rows());
      assertEquals(120, s.train().rows());
      Map<String, Integer> perClass = new HashMap<>();
      for (int i = 0; i < s.test().rows(); i++) {
        perClass.merge(Arrays.toString(s.test().targets()[i]), 1, Integer::sum);
      }
      assertEquals(Map.of("[1.0, 0.0, 0.0]", 10, "[0.0, 1.0, 0.0]", 10, "[0.0, 0.0, 1.0]", 10), perClass);
    }
    // every row in exactly one test fold: the test folds together hold the dataset's rows, as a multiset
    List<String> all = new ArrayList<>();
    for (int i = 0; i < iris.rows(); i++) {
      all.add(Arrays.toString(iris.inputs()[i]) + Arrays.toString(iris.targets()[i]));
    }
    List<String> tested = new ArrayList<>();
    for (Splits.Split s : folds) {
      for (int i = 0; i < s.test().rows(); i++) {
        tested.add(Arrays.toString(s.test().inputs()[i]) + Arrays.toString(s.test().targets()[i]));
      }
    }
    all.sort(null);
    tested.sort(null);
    assertEquals(all, tested);
    // the same folds for the same seed, other folds for another
    assertTrue(Arrays.deepEquals(folds.get(2).test().inputs(), Splits.folds(iris, 5, 0).get(2).test().inputs()));
    assertTrue(!Arrays.deepEquals(folds.get(2).test().inputs(), Splits.folds(iris, 5, 1).get(2).test().inputs()));
  }

  @Test
  void theFoldAxisComesRightAfterTheDataset() throws IOException {
    Study study = StudyLoader.load(study(iris(3)).models(Model.NONE, Model.HIDDEN).writeIn(tmp), List.of());
    List<Problem> problems = Problems.load(study);
    Grid grid = Grid.expand(study, Problems.datasets(problems), Problems.trainingRows(problems));
    assertEquals(3 * 2 * 2, grid.size());
    List<String> order = grid.specs().map(s -> s.fold() + "/" + s.model().configName() + "/" + s.seed()).toList();
    assertEquals(List.of("0/none/0", "0/none/1", "0/hidden/0", "0/hidden/1", "1/none/0", "1/none/1",
        "1/hidden/0", "1/hidden/1", "2/none/0", "2/none/1", "2/hidden/0", "2/hidden/1"), order);
    // the same initial weights in every fold (only the rows differ)
    NetworkSpec a = grid.spec(2);
    NetworkSpec b = grid.spec(6);
    assertEquals(a.initialWeights(), b.initialWeights());
    assertEquals(100, problems.get(0).forFold(0).dataset().rows());
    assertEquals(50, problems.get(0).forFold(0).test().rows());
  }

  @Test
  void rulesAndPerRowRatesCountTheRowsAFoldTrainsOn() throws IOException {
    // iris, 4 folds with a 0.2 validation share: 112 or 113 training rows per fold, less the validation rows; the
    // smallest fold's count is what samples-over-weights (alpha 1: rows / (4 + 3)) and the per-row rate divide
    Path f = StudyText.study("rows").dataset(iris(4).validationFraction(0.2))
        .hiddenRules(HiddenRule.SAMPLES_OVER_WEIGHTS).alpha(1).learningRatesPerRow(9).epochs(20).seeds(0).writeIn(tmp);
    Study study = StudyLoader.load(f, List.of());
    List<Problem> problems = Problems.load(study);
    int smallest = Integer.MAX_VALUE;
    for (int fold = 0; fold < 4; fold++) {
      smallest = Math.min(smallest, problems.get(0).forFold(fold).dataset().rows());
    }
    // stratified: 37-38 training rows per class and fold, 7-8 of them held out: 30 per class
    assertEquals(90, smallest, "150 rows: folds of 112-113 training rows, a fifth of each class held out");
    assertArrayEquals(new int[] {smallest}, Problems.trainingRows(problems));
    Path out = tmp.resolve("rows-out");
    InProcessJob.Run run = InProcessJob.run("--config", f.toString(), "--out", out.toString());
    assertEquals(0, run.status(), run.err());
    for (Map<String, String> r : Csv.read(out.resolve("results.csv")).rows()) {
      assertEquals(Integer.toString(90 / 7), r.get("hidden"), r.toString());
      assertEquals(9.0 / 90, Double.parseDouble(r.get("learning_rate")), 1e-15, r.toString());
    }
  }

  @Test
  void resultsHaveTheFoldAndTheSummaryTheMeanAndSpreadOverFolds() throws IOException {
    Path out = tmp.resolve("out");
    InProcessJob.Run run = InProcessJob.run(study(iris(5).scale(Scaling.STANDARD)).writeIn(tmp), "--out",
        out.toString());
    assertEquals(0, run.status(), run.err());
    Csv.Table results = Csv.read(out.resolve("results.csv"));
    assertEquals(10, results.rows().size());
    List<Double> tests = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Map<String, String> r = results.rows().get(i);
      assertEquals(Integer.toString(i / 2), r.get("fold"));
      assertTrue(!r.get("test_error").isEmpty() && !r.get("test_accuracy").isEmpty(), r.toString());
      tests.add(Double.parseDouble(r.get("test_error")));
    }
    Csv.Table summary = Csv.read(out.resolve("summary.csv"));
    assertEquals(1, summary.rows().size());
    Map<String, String> s = summary.rows().get(0);
    assertEquals("10", s.get("networks"));
    double mean = tests.stream().mapToDouble(Double::doubleValue).sum() / 10;
    assertEquals(mean, Double.parseDouble(s.get("mean_test_error")), 1e-12);
    double ss = tests.stream().mapToDouble(t -> (t - mean) * (t - mean)).sum();
    assertEquals(Math.sqrt(ss / 9), Double.parseDouble(s.get("std_test_error")), 1e-12);
  }

  @Test
  void badFolds() throws IOException {
    Path f1 = study(iris(1)).writeIn(tmp);
    String m1 = assertThrows(InputException.class, () -> StudyLoader.load(f1, List.of())).getMessage();
    assertTrue(m1.startsWith(f1 + ":3: study.datasets[0].folds: must be >= 2, found 1, expected"), m1);
    Path f2 = study(iris(5).testFraction(0.2)).writeIn(tmp);
    String m2 = assertThrows(InputException.class, () -> StudyLoader.load(f2, List.of())).getMessage();
    assertTrue(m2.contains("study.datasets[0].folds: folds given with test-fraction = 0.2, expected either folds"),
        m2);
    Path f3 = study(iris(151)).writeIn(tmp);
    Study study = StudyLoader.load(f3, List.of());
    String m3 = assertThrows(InputException.class, () -> Problems.load(study)).getMessage();
    assertEquals(f3 + ": study.datasets[0].folds: more folds than rows, found 151, expected at most 150 (the rows"
        + " of data/iris.csv)", m3);
  }
}
