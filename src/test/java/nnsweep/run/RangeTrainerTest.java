package nnsweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static nnsweep.testing.Results.withoutTiming;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  /**
   * The one step, in rungs: a range trained to 40 updates, continued to 120 and then to its budget, is the range
   * trained in one go, bit for bit (every number, the curve and the weights), for lockstep networks (some of which
   * reach the stop-error on the way) and for matrix-product groups.
   */
  @Test
  void aRangeContinuedInRungsIsTheRangeTrainedInOneGoBitForBit() {
    Study lockstep = Studies.builder(Studies.xor()).models(Model.NONE, Model.HIDDEN).hiddenSizes(2, 3)
        .learningRates(0.5, 4.0).epochs(300).bias(false, true).seeds(Seeds.range(0, 9)).curvePoints(12)
        .stopError(0.05).build();
    Study products = Studies.builder(Studies.wide()).models(Model.HIDDEN).hiddenSizes(8).learningRates(0.05, 0.5)
        .epochs(300).bias(true).seeds(Seeds.range(0, 10)).curvePoints(12).build();
    for (Study study : List.of(lockstep, products)) {
      nnsweep.data.Dataset data = study == lockstep ? Studies.xor() : Studies.wide();
      List<Problem> problems = List.of(new Problem(data, new double[][] {new double[data.inputCount()]}));
      Grid grid = Grid.expand(study, List.of(data));
      assertEquals(study == lockstep ? nnsweep.nn.Kernel.LOCKSTEP : nnsweep.nn.Kernel.GEMM, grid.kernel(0));
      RangeTrainer trainer = new RangeTrainer(grid, problems, true);
      IdRange all = new IdRange(0, grid.size());
      List<TrainingResult> oneGo = ResultCodec.decode(trainer.train(all), grid, problems);
      byte[] block = trainer.train(all, 40);
      block = trainer.train(block, spec -> true, 40, 120);
      List<TrainingResult> inRungs = ResultCodec.decode(trainer.train(block, spec -> true, 120, 300), grid,
          problems);
      assertEquals(withoutTiming(oneGo), withoutTiming(inRungs), grid.kernel(0).name());
      if (study == lockstep) {
        assertTrue(oneGo.stream().anyMatch(r -> r.epochsToTarget() > 0 && r.epochsToTarget() < 300),
            "some networks stop on the way");
      }
    }
  }

  /**
   * A rung continues the networks the predicate accepts and copies the others; a matrix-product network it
   * continues is still the grid's, bit for bit, although the predicate dropped some of its group's members.
   */
  @Test
  void aRungContinuesOnlyTheSurvivorsAndTheyStayTheGrids() {
    Study products = Studies.builder(Studies.wide()).models(Model.HIDDEN).hiddenSizes(8).learningRates(0.05, 0.5)
        .epochs(300).bias(true).seeds(Seeds.range(0, 5)).curvePoints(12).build();
    List<Problem> problems = List.of(new Problem(Studies.wide(), new double[0][]));
    Grid grid = Grid.expand(products, List.of(Studies.wide()));
    RangeTrainer trainer = new RangeTrainer(grid, problems, true);
    IdRange all = new IdRange(0, grid.size());
    assertEquals(new IdRange(4, 6), new IdRange(grid.groupStart(5), grid.groupEnd(5)), "a group across both rates");
    List<TrainingResult> oneGo = ResultCodec.decode(trainer.train(all), grid, problems);
    byte[] first = trainer.train(all, 40);
    java.util.function.Predicate<NetworkSpec> fast = spec -> spec.learningRate() == 0.5;
    byte[] second = trainer.train(first, fast, 40, 120);
    List<TrainingResult> last = ResultCodec.decode(trainer.train(second, fast, 120, 300), grid, problems);
    List<TrainingResult> before = ResultCodec.decode(first, grid, problems);
    for (TrainingResult r : last) {
      int i = (int) r.spec().id();
      if (fast.test(r.spec())) {
        assertEquals(withoutTiming(List.of(oneGo.get(i))), withoutTiming(List.of(r)), "survivor " + i);
      } else {
        assertEquals(before.get(i), r, "eliminated " + i + " copied unchanged");
      }
    }
  }
}
