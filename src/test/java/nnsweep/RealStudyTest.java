package nnsweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import nnsweep.data.Scaling;
import nnsweep.grid.Grid;
import nnsweep.grid.NetworkSpec;
import nnsweep.nn.Model;
import nnsweep.run.Problem;
import nnsweep.run.Problems;
import nnsweep.study.HiddenRule;
import nnsweep.study.InitSpec;
import nnsweep.study.Seeds;
import nnsweep.study.Study;
import nnsweep.study.StudyLoader;
import org.junit.jupiter.api.Test;

/** The shipped study conf/real.conf: every rule on the four real datasets, its splits and its exact grid. */
class RealStudyTest {

  @Test
  void loadsAndExpandsToTheExpectedGrid() {
    Study study = StudyLoader.load(Path.of("conf/real.conf"), List.of());
    assertEquals("real", study.name());
    assertEquals(List.of("iris", "wine", "breast-cancer", "digits"),
        study.datasets().stream().map(d -> d.name()).toList());
    assertEquals(List.of(3, 3, 1, 10), study.datasets().stream().map(d -> d.outputs()).toList());
    study.datasets().forEach(d -> {
      assertEquals(0.25, d.testFraction(), d.name());
      assertEquals(Scaling.STANDARD, d.scale(), d.name());
    });
    assertEquals(List.of(Model.NONE, Model.HIDDEN), study.models());
    assertEquals(List.of(HiddenRule.values()), study.hiddenRules());
    assertEquals(List.of(0.002), study.learningRates());
    assertEquals(List.of(200), study.epochs());
    assertEquals(List.of(true), study.bias());
    assertEquals(Seeds.range(0, 3), study.seeds());
    assertEquals(new InitSpec.Xavier(), study.init());

    // each dataset split a quarter out per class (round(0.25 x class size) test rows)
    List<Problem> problems = Problems.load(study);
    int[][] trainTestInputsOutputs = {{111, 39, 4, 3}, {133, 45, 13, 3}, {427, 142, 30, 1}, {1346, 451, 64, 10}};
    for (int d = 0; d < 4; d++) {
      Problem p = problems.get(d);
      int[] expected = trainTestInputsOutputs[d];
      assertEquals(expected[0], p.dataset().rows(), p.dataset().name());
      assertEquals(expected[1], p.test().rows(), p.dataset().name());
      assertEquals(expected[2], p.dataset().inputCount(), p.dataset().name());
      assertEquals(expected[3], p.dataset().outputCount(), p.dataset().name());
      assertEquals(d != 2, p.oneHot(), p.dataset().name());
    }

    // fewer-than-twice-inputs spans every size from 1 to 2 x inputs - 1, and every other rule's size lies in it
    // (samples-over-weights: floor(111 / 35) = 3, floor(133 / 80) = 1, floor(427 / 155) = 2, floor(1346 / 370) = 3)
    Grid grid = Grid.expand(study, Problems.datasets(problems));
    int[] inputs = {4, 13, 30, 64};
    for (int d = 0; d < 4; d++) {
      int dataset = d;
      List<Integer> sizes = grid.specs().filter(s -> s.datasetIndex() == dataset && s.model() == Model.HIDDEN)
          .map(NetworkSpec::hidden).distinct().sorted().toList();
      assertEquals(IntStream.range(1, 2 * inputs[d]).boxed().toList(), sizes, problems.get(d).dataset().name());
    }
    List<String> digitRules = grid.specs().filter(s -> s.datasetIndex() == 3 && s.seed() == 0)
        .filter(s -> List.of(3, 25, 49, 52).contains(s.hidden())).map(s -> s.hidden() + ":" + s.rules()).toList();
    assertEquals(List.of("3:[fewer-than-twice-inputs, samples-over-weights]",
        "25:[fewer-than-twice-inputs, between-inputs-and-outputs, sqrt-inputs-times-outputs]",
        "49:[fewer-than-twice-inputs, between-inputs-and-outputs, two-thirds-of-inputs-plus-outputs]",
        "52:[fewer-than-twice-inputs, two-thirds-inputs-plus-outputs, between-inputs-and-outputs]"), digitRules);
    // (1 none + 7, 25, 59, 127 hidden sizes) x 3 seeds
    assertEquals((4 + 7 + 25 + 59 + 127) * 3, grid.size());
    assertEquals(666, grid.size());
    assertTrue(grid.specs().allMatch(s -> s.bias() && s.epochs() == 200 && s.learningRate() == 0.002));
  }
}
