package nnsweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import nnsweep.grid.Grid;
import nnsweep.grid.IdRange;
import nnsweep.grid.NetworkSpec;
import nnsweep.nn.Model;
import nnsweep.study.Seeds;
import nnsweep.study.Study;
import nnsweep.testing.Studies;
import org.junit.jupiter.api.Test;

/** What a task does: a range of ids in, the same numbers as training each network alone out. */
class RangeTrainerTest {
  private static final List<Problem> PROBLEMS = List.of(new Problem(Studies.xor(), new double[][] {{1, 0}}));

  private static Grid grid() {
    Study study = Studies.builder(Studies.xor()).models(Model.NONE, Model.HIDDEN).hiddenSizes(2).learningRates(0.5)
        .epochs(300).bias(false, true).seeds(Seeds.range(0, 40)).build();
    return Grid.expand(study, List.of(Studies.xor()));
  }

  @Test
  void aRangeAcrossShapesAndPartialGroupsGivesTheNumbersOfEachNetworkAlone() {
    Grid grid = grid();
    // 70..150: the tail of one shape run, a whole run of 40 (a group of 32 and one of 8), the head of the next
    IdRange range = new IdRange(70, 150);
    List<TrainingResult> results = ResultCodec.decode(new RangeTrainer(grid, PROBLEMS, true).train(range), grid,
        PROBLEMS);
    assertEquals(range.ids().boxed().toList(), results.stream().map(r -> r.spec().id()).toList());
    for (TrainingResult r : results) {
      TrainingResult alone = NetworkRun.train(r.spec(), PROBLEMS.get(0), grid.curvePoints(), grid.stopError());
      assertEquals(alone.finalError(), r.finalError(), "network " + r.spec().id());
      assertEquals(alone.errorBeforeLastUpdate(), r.errorBeforeLastUpdate(), "network " + r.spec().id());
      assertEquals(alone.finalWeights(), r.finalWeights(), "network " + r.spec().id());
    }
  }

  @Test
  void aRangeThatCutsMatrixProductGroupsTrainsThemWholeAndKeepsItsOwnNetworks() {
    List<Problem> problems = List.of(new Problem(Studies.wide(), new double[0][]));
    Grid grid = Grid.expand(Studies.builder(Studies.wide()).models(Model.HIDDEN).hiddenSizes(8).learningRates(0.05)
        .epochs(40).bias(false, true).seeds(Seeds.range(0, 10)).build(), List.of(Studies.wide()));
    assertEquals(3, grid.groupSize(0));
    List<TrainingResult> whole = ResultCodec.decode(new RangeTrainer(grid, problems, true).train(
        new IdRange(0, 20)), grid, problems);
    List<TrainingResult> cut = new java.util.ArrayList<>();
    for (IdRange r : List.of(new IdRange(0, 3), new IdRange(3, 4), new IdRange(4, 11), new IdRange(11, 20))) {
      List<TrainingResult> part = ResultCodec.decode(new RangeTrainer(grid, problems, true).train(r), grid,
          problems);
      assertEquals(r.ids().boxed().toList(), part.stream().map(x -> x.spec().id()).toList());
      cut.addAll(part);
    }
    for (int i = 0; i < 20; i++) {
      assertEquals(whole.get(i).finalError(), cut.get(i).finalError(), "network " + i);
      assertEquals(whole.get(i).finalWeights(), cut.get(i).finalWeights(), "network " + i);
    }
  }

  @Test
  void toEpochsCapsEveryNetwork() {
    Grid grid = grid();
    IdRange range = new IdRange(100, 140);
    List<TrainingResult> capped = ResultCodec.decode(new RangeTrainer(grid, PROBLEMS, false).train(range, 20),
        grid, PROBLEMS);
    for (TrainingResult r : capped) {
      NetworkSpec short20 = grid.spec(r.spec().id()).withEpochs(20);
      assertEquals(20, r.epochsRun());
      assertEquals(NetworkRun.train(short20, PROBLEMS.get(0)).finalError(), r.finalError());
    }
    assertEquals("toEpochs must be >= 1, found 0", assertThrows(IllegalArgumentException.class,
        () -> new RangeTrainer(grid, PROBLEMS, false).train(range, 0)).getMessage());
  }
}
