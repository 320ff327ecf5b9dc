package nnsweep.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nnsweep.grid.Cell;
import nnsweep.grid.Grid;
import nnsweep.grid.IdRange;
import nnsweep.nn.Model;
import nnsweep.run.Problem;
import nnsweep.run.RangeTrainer;
import nnsweep.run.ResultCodec;
import nnsweep.run.TrainingResult;
import nnsweep.study.DatasetSpec;
import nnsweep.study.Search;
import nnsweep.study.Seeds;
import nnsweep.study.Study;
import nnsweep.testing.Studies;
import org.junit.jupiter.api.Test;

/**
 * Successive halving that continues training: rung sizes and budgets exact, and every network that reaches the top
 * rung has exactly (bit for bit) a full grid's results, curve included.
 */
class HalvingTest {

  static Study study(int epochs, double stopError, int curvePoints) {
    List<DatasetSpec> specs = List.of(new DatasetSpec("xor", "data/xor.csv", 1, List.of(new double[] {1, 0})),
        new DatasetSpec("full-adder", "data/full-adder.csv", 2, List.of()));
    return Study.builder().name("h").source("h.conf").datasets(specs).models(Model.NONE, Model.HIDDEN)
        .hiddenSizes(1, 2, 3).learningRates(0.5, 2.0).epochs(epochs).bias(false, true).seeds(Seeds.range(0, 5))
        .curvePoints(curvePoints).stopError(stopError).search(Search.halving(3, 100)).build();
  }

  static List<Problem> problems() {
    return List.of(new Problem(Studies.xor(), new double[][] {{1, 0}}),
        new Problem(Studies.fullAdder(), new double[0][]));
  }

  /** Ranges of uneven sizes, cutting through cells, as a real plan might. */
  static List<IdRange> ranges(long size) {
    List<IdRange> ranges = new ArrayList<>();
    long from = 0;
    long step = 37;
    while (from < size) {
      ranges.add(new IdRange(from, Math.min(size, from + step)));
      from += step;
      step = step == 37 ? 64 : 37;
    }
    return ranges;
  }

  static Map<Long, TrainingResult> byId(List<byte[]> blocks, Grid grid, List<Problem> problems) {
    Map<Long, TrainingResult> m = new HashMap<>();
    for (byte[] b : blocks) {
      ResultCodec.decode(b, grid, problems).forEach(r -> m.put(r.spec().id(), r));
    }
    return m;
  }

  @Test
  void rungPlanIsExact() {
    Rungs r = new Rungs(3, 300, 8100);
    assertEquals(4, r.count());
    assertArrayEquals(new int[] {300, 900, 2700, 8100}, new int[] {r.epochs(0), r.epochs(1), r.epochs(2),
        r.epochs(3)});
    assertArrayEquals(new int[] {24, 8, 3, 1}, r.sizes(24));
    // 24 x 300 + 8 x 600 + 3 x 1800 + 1 x 5400 epochs per seed, against 24 x 8100 for the full grid
    assertEquals(12L * (24 * 300 + 8 * 600 + 3 * 1800 + 5400), r.networkEpochs(24, 12));
    Rungs uneven = new Rungs(4, 100, 1000);
    assertArrayEquals(new int[] {100, 400, 1000}, new int[] {uneven.epochs(0), uneven.epochs(1), uneven.epochs(2)});
    assertArrayEquals(new int[] {1}, new int[] {new Rungs(2, 50, 50).count()});
  }

  @Test
  void survivorsEqualAFullGridBitForBitAndRungsAreExact() {
    check(study(900, Double.NEGATIVE_INFINITY, 20));
  }

  @Test
  void withAStopErrorStoppedNetworksAreNeverContinuedAndStillEqualTheGrid() {
    check(study(900, 0.05, 20));
  }

  /**
   * Matrix-product shapes, whose numbers depend on their group: with one bias value a group of the grid spans two
   * learning rates (two cells), so a rung continues eliminated networks beside the survivors, as the full grid
   * trains them; the top rung still equals the grid bit for bit.
   */
  @Test
  void matrixProductGroupsThatSpanCellsStillEqualTheGrid() {
    List<DatasetSpec> specs = List.of(new DatasetSpec("wide", "data/wide.csv", 3, List.of()));
    Study study = Study.builder().name("hw").source("hw.conf").datasets(specs).models(Model.HIDDEN)
        .hiddenSizes(4, 8).learningRates(0.05, 0.5).epochs(400).bias(true).seeds(Seeds.range(0, 5)).curvePoints(10)
        .search(Search.halving(3, 100)).build();
    List<Problem> problems = List.of(new Problem(Studies.wide(), new double[0][]));
    Grid grid = Grid.expand(study, List.of(Studies.wide()));
    assertEquals(nnsweep.nn.Kernel.GEMM, grid.kernel(0));
    assertEquals(new IdRange(3, 6), new IdRange(grid.groupStart(4), grid.groupEnd(4)), "a group across two rates");
    Rungs rungs = new Rungs(3, 100, 400);
    List<IdRange> plan = nnsweep.grid.TaskPlan.plan(grid, List.of(new IdRange(0, grid.size())), 32, 3);
    plan = plan.stream().sorted(java.util.Comparator.comparingLong(IdRange::from)).toList();
    Halving.Outcome h = Halving.runLocal(grid, problems, rungs, plan);
    Map<Long, TrainingResult> halved = byId(h.blocks(), grid, problems);
    Map<Long, TrainingResult> full = byId(List.of(new RangeTrainer(grid, problems, true)
        .train(new IdRange(0, grid.size()))), grid, problems);
    int top = 0;
    for (long id = 0; id < grid.size(); id++) {
      TrainingResult r = halved.get(id);
      if (h.ladder().rungOf(Cell.of(r.spec())) == rungs.last()) {
        top++;
        TrainingResult f = full.get(id);
        assertEquals(Double.doubleToRawLongBits(f.finalError()), Double.doubleToRawLongBits(r.finalError()),
            "final error " + id);
        assertEquals(f.finalWeights(), r.finalWeights(), "weights " + id);
        assertArrayEquals(f.curve(), r.curve(), "curve " + id);
      }
    }
    assertEquals(5, top, "one cell of five seeds reaches the top rung");
  }

  private void check(Study study) {
    List<Problem> problems = problems();
    Grid grid = Grid.expand(study, List.of(Studies.xor(), Studies.fullAdder()));
    Rungs rungs = new Rungs(3, 100, 900);
    assertArrayEquals(new int[] {16, 6, 2}, rungs.sizes(16));
    Halving.Outcome h = Halving.runLocal(grid, problems, rungs, ranges(grid.size()));
    Map<Long, TrainingResult> halved = byId(h.blocks(), grid, problems);
    Map<Long, TrainingResult> full = byId(List.of(new RangeTrainer(grid, problems, true)
        .train(new IdRange(0, grid.size()))), grid, problems);

    // rung sizes per dataset: 16 cells, then 6, then 2
    for (int d = 0; d < 2; d++) {
      int[] perRung = new int[3];
      for (Ladder.Step s : h.ladder().steps()) {
        if (s.datasetIndex() == d) {
          for (int k = 0; k <= s.rung(); k++) {
            perRung[k]++;
            assertTrue(!Double.isNaN(s.scores()[k]), "a score at every rung reached");
          }
          assertEquals(5, s.networks());
        }
      }
      assertArrayEquals(new int[] {16, 6, 2}, perRung, "dataset " + d);
    }

    int top = 0;
    for (long id = 0; id < grid.size(); id++) {
      TrainingResult r = halved.get(id);
      TrainingResult f = full.get(id);
      Cell key = Cell.of(r.spec());
      int rung = h.ladder().rungOf(key);
      int budget = rungs.epochs(rung);
      // every network ran its cell's rung's budget, unless it stopped (target reached) first, as the grid's did
      if (f.epochsToTarget() >= 0 && f.epochsToTarget() <= budget) {
        assertEquals(f.epochsRun(), r.epochsRun(), "stopped like the grid: " + id);
      } else {
        assertEquals(budget, r.epochsRun(), "network " + id + " at rung " + rung);
      }
      assertEquals(900, r.spec().epochs(), "the spec keeps the budget");
      if (rung == rungs.last() || r.epochsRun() == f.epochsRun()) {
        top += rung == rungs.last() ? 1 : 0;
        assertEquals(f.finalError(), r.finalError(), "final error " + id);
        assertEquals(Double.doubleToRawLongBits(f.finalError()), Double.doubleToRawLongBits(r.finalError()));
        assertEquals(f.errorBeforeLastUpdate(), r.errorBeforeLastUpdate(), "error before last update " + id);
        assertEquals(f.mse(), r.mse());
        assertEquals(f.accuracy(), r.accuracy());
        assertEquals(f.diverged(), r.diverged());
        assertEquals(f.epochsRun(), r.epochsRun());
        assertEquals(f.epochsToTarget(), r.epochsToTarget());
        assertEquals(f.plateau(), r.plateau(), "plateau " + id);
        assertEquals(f.finalWeights(), r.finalWeights(), "weights " + id);
        assertArrayEquals(f.curveEpochs(), r.curveEpochs());
        assertArrayEquals(f.curve(), r.curve(), "curve " + id);
        assertTrue(java.util.Arrays.deepEquals(f.predictions(), r.predictions()));
      } else {
        // an eliminated network: its curve is the grid's up to where it stopped, nothing after
        for (int i = 0; i < r.curve().length; i++) {
          if (r.curveEpochs()[i] < r.epochsRun()) {
            assertEquals(f.curve()[i], r.curve()[i], "curve point " + r.curveEpochs()[i] + " of " + id);
          } else if (r.curveEpochs()[i] > r.epochsRun()) {
            assertTrue(Double.isNaN(r.curve()[i]));
          }
        }
      }
    }
    assertEquals(2 * 2 * 5, top, "two cells of five seeds per dataset reach the top rung");
  }
}
