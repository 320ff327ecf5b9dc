package nnsweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nnsweep.data.CsvDatasetReader;
import nnsweep.data.Dataset;
import nnsweep.grid.Grid;
import nnsweep.grid.NetworkSpec;
import nnsweep.nn.Weights;
import nnsweep.study.Study;
import nnsweep.study.StudyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study with a validation split: the rows a network trains on, its validation rows and its test rows are disjoint
 * and together the dataset (per outer fold too), and the validation metrics equal an independent recomputation from
 * the trained weights.
 */
class ValidationRunTest {
  @TempDir Path tmp;

  private Study study(String datasets) throws IOException {
    Path f = Files.writeString(tmp.resolve("v.conf"), """
        study {
          name = "v"
          datasets = [ DATASETS ]
          models = [hidden]
          hidden { sizes = [3] }
          learning-rates = [0.05]
          epochs = [60]
          bias = [true]
          seeds = [0, 1]
          init { scheme = xavier }
          curve-points = 0
        }
        """.replace("DATASETS", datasets));
    return StudyLoader.load(f, List.of());
  }

  /** Each row of the parts as text, counted: the parts together must count every row of the dataset once. */
  private static Map<String, Integer> count(Dataset... parts) {
    Map<String, Integer> n = new HashMap<>();
    for (Dataset d : parts) {
      for (int i = 0; i < d.rows(); i++) {
        n.merge(Arrays.toString(d.inputs()[i]) + Arrays.toString(d.targets()[i]), 1, Integer::sum);
      }
    }
    return n;
  }

  @Test
  void trainValidationAndTestRowsAreDisjointAndCoverTheDataset() throws IOException {
    Dataset iris = CsvDatasetReader.read("iris", Path.of("data/iris.csv"), 3);
    Dataset wine = CsvDatasetReader.read("wine", Path.of("data/wine.csv"), 3);
    List<Problem> problems = Problems.load(study("""
        { name = "iris", path = "data/iris.csv", outputs = 3, test-fraction = 0.2, validation-fraction = 0.25 }
        { name = "wine", path = "data/wine.csv", outputs = 3, folds = 3, validation-fraction = 0.2 }
        { name = "plain", path = "data/iris.csv", outputs = 3, test-fraction = 0.2 }"""));
    Problem p = problems.get(0);
    assertEquals(90, p.dataset().rows());
    assertEquals(30, p.validation().rows());
    assertEquals(30, p.test().rows());
    assertEquals(count(iris), count(p.dataset(), p.validation(), p.test()));
    for (Dataset part : List.of(p.dataset(), p.validation(), p.test())) {
      // stratified twice: 50 of each class -> 10 test, 10 validation, 30 trained on
      assertEquals(part.rows() / 3, Arrays.stream(part.targets()).filter(t -> t[0] == 1).count());
    }
    Problem w = problems.get(1);
    assertNull(w.validation(), "the folds' stand-in has no rows of its own to validate on");
    assertTrue(w.validated());
    Map<String, Integer> tested = new HashMap<>();
    for (Problem f : w.folds()) {
      assertEquals(count(wine).values().stream().mapToInt(Integer::intValue).sum(),
          f.dataset().rows() + f.validation().rows() + f.test().rows());
      Map<String, Integer> whole = count(f.dataset(), f.validation(), f.test());
      assertEquals(count(wine), whole);
      count(f.test()).forEach((k, v) -> tested.merge(k, v, Integer::sum));
    }
    assertEquals(count(wine), tested, "each row is tested in exactly one outer fold");
    // another fold's validation rows are other rows
    assertFalse(w.folds().get(0).validation().equals(w.folds().get(1).validation()));
    assertNull(problems.get(2).validation());
    assertFalse(problems.get(2).validated());
    // the same study gives the same rows
    assertEquals(problems, Problems.load(study("""
        { name = "iris", path = "data/iris.csv", outputs = 3, test-fraction = 0.2, validation-fraction = 0.25 }
        { name = "wine", path = "data/wine.csv", outputs = 3, folds = 3, validation-fraction = 0.2 }
        { name = "plain", path = "data/iris.csv", outputs = 3, test-fraction = 0.2 }""")));
  }

  @Test
  void scalingIsFittedOnTheRowsTrainedOnOnly() throws IOException {
    Problem p = Problems.load(study("""
        { name = "iris", path = "data/iris.csv", outputs = 3, test-fraction = 0.2, validation-fraction = 0.25,
          scale = standard }""")).get(0);
    for (int j = 0; j < 4; j++) {
      int col = j;
      double mean = Arrays.stream(p.dataset().inputs()).mapToDouble(r -> r[col]).average().orElseThrow();
      assertEquals(0, mean, 1e-12);
      double validationMean = Arrays.stream(p.validation().inputs()).mapToDouble(r -> r[col]).average()
          .orElseThrow();
      assertTrue(Math.abs(validationMean) > 1e-9, "validation rows are scaled with the training rows' fit");
    }
  }

  @Test
  void validationMetricsEqualAnIndependentRecomputation() throws IOException {
    Study study = study("""
        { name = "iris", path = "data/iris.csv", outputs = 3, test-fraction = 0.2, validation-fraction = 0.25,
          scale = standard }""");
    List<Problem> problems = Problems.load(study);
    Grid grid = Grid.expand(study, Problems.datasets(problems), Problems.trainingRows(problems));
    List<NetworkSpec> specs = grid.specs().toList();
    List<TrainingResult> results = new ArrayList<>();
    for (NetworkSpec s : specs) {
      results.add(NetworkRun.train(s, problems.get(0)));
    }
    Dataset v = problems.get(0).validation();
    Dataset t = problems.get(0).test();
    for (TrainingResult r : results) {
      double[] onValidation = measure(r.finalWeights(), v);
      double[] onTest = measure(r.finalWeights(), t);
      assertEquals(onValidation[0], r.validationError(), 1e-12 * onValidation[0]);
      assertEquals(onValidation[1], r.validationAccuracy(), 0);
      assertEquals(onValidation[2], r.validationClassAccuracy(), 0);
      assertEquals(onTest[0], r.testError(), 1e-12 * onTest[0]);
      assertEquals(onTest[2], r.testClassAccuracy(), 0);
      assertTrue(r.validated());
      // the codec carries them exactly
      TrainingResult back = ResultCodec.decode(ResultCodec.encode(new TrainingResult[] {r}, true), grid, problems)
          .get(0);
      assertEquals(r.evaluation(), back.evaluation());
    }
    assertTrue(Double.isNaN(new Evaluation(0, 0, 0, 0, 0, 0, "").validationError()));
  }

  /** E = 1/2 sum (O - T)^2, accuracy (every output on the right side of 0.5) and argmax class accuracy. */
  private static double[] measure(Weights w, Dataset d) {
    double error = 0;
    int right = 0;
    int classRight = 0;
    for (int n = 0; n < d.rows(); n++) {
      double[] o = nnsweep.testing.Forward.outputs(w, d.inputs()[n]);
      double[] t = d.targets()[n];
      boolean all = true;
      int argmax = 0;
      for (int k = 0; k < t.length; k++) {
        error += 0.5 * (o[k] - t[k]) * (o[k] - t[k]);
        all &= (o[k] >= 0.5) == (t[k] >= 0.5);
        argmax = o[k] > o[argmax] ? k : argmax;
      }
      right += all ? 1 : 0;
      classRight += t[argmax] == 1 ? 1 : 0;
    }
    return new double[] {error, right / (double) d.rows(), classRight / (double) d.rows()};
  }
}
