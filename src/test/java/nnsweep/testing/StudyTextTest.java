package nnsweep.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nnsweep.data.Scaling;
import nnsweep.nn.Model;
import nnsweep.study.DatasetSpec;
import nnsweep.study.HiddenRule;
import nnsweep.study.Search;
import nnsweep.study.Seeds;
import nnsweep.study.Study;
import nnsweep.study.StudyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link StudyText}: its text, read back by the loader, is the study its methods name; unknown keys fail at once. */
class StudyTextTest {
  @TempDir Path tmp;

  @Test
  void theTextIsOneKeyALine() {
    assertEquals("""
        study {
          name = "t"
          datasets = [ { name = "or", path = "data/or.csv", outputs = 1 } ]
          hidden { sizes = [2, 3], alpha = 1.5 }
          learning-rates = [0.5, 2]
          seeds { from = 0, count = 3 }
        }
        """, StudyText.study("t").dataset("or", "data/or.csv", 1).hiddenSizes(2, 3).learningRates(0.5, 2.0)
        .alpha(1.5).seedRange(0, 3).text());
  }

  @Test
  void theLoaderReadsTheStudyTheMethodsName() throws IOException {
    Path conf = StudyText.study("all-keys")
        .dataset(StudyText.data("iris", "data/iris.csv", 3).testFraction(0.2).validationFraction(0.25)
            .scale(Scaling.STANDARD).queries(new double[] {5.1, 3.5, 1.4, 0.2}))
        .dataset(StudyText.data("xor", "data/a \"quoted\" \\name.csv", 1).folds(2))
        .models(Model.NONE, Model.HIDDEN).hiddenSizes(2, 3).hiddenRules(HiddenRule.SAMPLES_OVER_WEIGHTS).alpha(1.5)
        .rangeSizes(9).learningRatesPerRow(9, 90).epochs(90).bias(false, true).seedRange(5, 3).init("xavier")
        .curvePoints(7).curveSeeds(2).keepModels(Study.KeepModels.CELLS).halving(3, 5, "dataset", "hidden")
        .set("stop-error", "0.01").set("partitions", "3")
        .writeIn(Files.createDirectories(tmp.resolve("d")));
    assertEquals(tmp.resolve("d/all-keys.conf"), conf);
    Study s = StudyLoader.load(conf, List.of());
    assertEquals("all-keys", s.name());
    assertEquals(2, s.datasets().size());
    DatasetSpec iris = s.datasets().get(0);
    assertEquals(List.of("iris", "data/iris.csv", 3, 0.2, 0.25, Scaling.STANDARD), List.of(iris.name(), iris.path(),
        iris.outputs(), iris.testFraction(), iris.validationFraction(), iris.scale()));
    assertArrayEquals(new double[] {5.1, 3.5, 1.4, 0.2}, iris.queries().get(0));
    assertEquals(List.of("data/a \"quoted\" \\name.csv", 2), List.of(s.datasets().get(1).path(),
        s.datasets().get(1).folds()));
    assertEquals(List.of(Model.NONE, Model.HIDDEN), s.models());
    assertEquals(List.of(2, 3), s.hiddenSizes());
    assertEquals(List.of(HiddenRule.SAMPLES_OVER_WEIGHTS), s.hiddenRules());
    assertEquals(1.5, s.ruleAlpha());
    assertEquals(9, s.rangeSizes());
    assertEquals(List.of(9.0, 90.0), s.learningRates());
    assertTrue(s.learningRatesPerRow());
    assertEquals(List.of(90), s.epochs());
    assertEquals(List.of(false, true), s.bias());
    assertEquals(Seeds.range(5, 3), s.seeds());
    assertEquals("xavier", s.init().scheme());
    assertEquals(List.of(7, 2, 3, 0.01), List.of(s.curvePoints(), s.curveSeeds(), s.partitions(), s.stopError()));
    assertEquals(Study.KeepModels.CELLS, s.keepModels());
    assertEquals(new Search(Search.Strategy.HALVING, 3, 5, List.of("dataset", "hidden")), s.search());
    Study es = StudyLoader.load(StudyText.study("es")
        .dataset(StudyText.data("iris", "data/iris.csv", 3).validationFraction(0.2)).hiddenSizes(2)
        .earlyStopping(4, 1).writeIn(tmp), List.of());
    assertEquals(List.of(4, 1), List.of(es.earlyStopping().checks(), es.earlyStopping().patience()));
  }

  @Test
  void listSeedsAndFixedWeightsAreRead() throws IOException {
    double[][] hidden = {{0.1, 0.2}, {0.3, 0.4}};
    double[][] output = {{0.5}, {0.6}};
    Study s = StudyLoader.load(StudyText.study("fixed").dataset("or", "data/or.csv", 1).hiddenSizes(2)
        .seeds(7, 3).fixedInit(hidden, new double[] {0.7, 0.8}, output, new double[] {0.9}).writeIn(tmp), List.of());
    assertEquals(Seeds.of(7, 3), s.seeds());
    assertEquals("fixed", s.init().scheme());
    assertEquals(StudyText.study("x").fixedInit(hidden, new double[] {0.7, 0.8}, output, new double[] {0.9}).text(),
        """
        study {
          name = "x"
          init { scheme = fixed, hidden = [[0.1, 0.2], [0.3, 0.4]], hidden-bias = [0.7, 0.8], \
        output = [[0.5], [0.6]], output-bias = [0.9] }
        }
        """);
  }

  @Test
  void aKeyTheLoaderDoesNotKnowFailsWhenItIsSet() {
    String m = assertThrows(IllegalArgumentException.class, () -> StudyText.study("t").set("epoch", "[1]"))
        .getMessage();
    assertTrue(m.startsWith("study.epoch: not a key of StudyLoader.KEYS, expected one of [name, datasets, "), m);
    assertThrows(IllegalArgumentException.class, () -> StudyText.study("t").set("hidden", "size", "[1]"));
    assertThrows(IllegalArgumentException.class, () -> StudyText.data("d", "d.csv", 1).set("output", "1"));
  }
}
