package nnsweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nnsweep.grid.Grid;
import nnsweep.grid.NetworkSpec;
import nnsweep.nn.Model;
import nnsweep.study.Seeds;
import nnsweep.study.Study;
import nnsweep.testing.Studies;
import org.junit.jupiter.api.Test;

/** The JIT warm-up: the grid's own groups of every shape, rotated until their speed is steady or the budget is spent. */
class WarmupTest {
  private static final List<Problem> PROBLEMS = List.of(new Problem(Studies.or(), new double[0][]),
      new Problem(Studies.xor(), new double[0][]));

  private static Grid grid(int seeds) {
    Study study = Studies.builder(Studies.or(), Studies.xor()).models(Model.NONE, Model.HIDDEN).hiddenSizes(2, 3)
        .learningRates(0.5).epochs(200_000).bias(false, true).seeds(Seeds.range(0, seeds)).build();
    return Grid.expand(study, List.of(Studies.or(), Studies.xor()));
  }

  @Test
  void groupsAreEachShapesFirstAndLastLockstepGroupSharingARotationsEpochs() {
    Grid grid = grid(80);
    List<List<NetworkSpec>> groups = Warmup.groups(grid);
    // 2 datasets x (none, 2, 3) x bias off/on = 12 shapes, each run of 80 networks trained as 64 + 16
    assertEquals(24, groups.size());
    assertEquals(List.of(0L, 63L, 64L, 79L, 80L, 143L, 144L, 159L), groups.subList(0, 4).stream()
        .flatMap(g -> List.of(g.get(0).id(), g.get(g.size() - 1).id()).stream()).toList());
    assertEquals(List.of(64, 16), List.of(groups.get(0).size(), groups.get(1).size()));
    // 6,000 epochs a rotation, shared by the 24 groups
    for (List<NetworkSpec> g : groups) {
      for (NetworkSpec s : g) {
        assertEquals(250, s.epochs());
        assertEquals(grid.spec(s.id()).withEpochs(250), s);
      }
    }
    assertEquals(500, Warmup.epochs(12));
    assertEquals(32, Warmup.epochs(1000));
    // 25 seeds: one group of 25 per shape
    assertEquals(12, Warmup.groups(grid(25)).size());
    assertTrue(Warmup.groups(grid(25)).stream().allMatch(g -> g.size() == 25));
  }

  @Test
  void aRotationOfLargeShapesIsCappedByItsEstimatedCost() {
    // the digits shape: 1797 rows, 64 inputs, 32 hidden, 10 outputs; 32 networks in groups of 4
    double[][] x = new double[1797][64];
    double[][] t = new double[1797][10];
    for (int i = 0; i < 1797; i++) {
      x[i][i % 64] = 1;
      t[i][i % 10] = 1;
    }
    List<String> in = java.util.stream.IntStream.range(0, 64).mapToObj(i -> "x" + i).toList();
    List<String> out = java.util.stream.IntStream.range(0, 10).mapToObj(i -> "y" + i).toList();
    nnsweep.data.Dataset digits = new nnsweep.data.Dataset("digits", "digits.csv", in, out, x, t);
    Grid grid = Grid.expand(Studies.builder(digits).models(Model.HIDDEN).hiddenSizes(32).learningRates(0.001)
        .epochs(200).bias(true).seeds(Seeds.range(0, 32)).build(), List.of(digits));
    List<nnsweep.grid.IdRange> ranges = Warmup.ranges(grid);
    assertEquals(List.of(new nnsweep.grid.IdRange(0, 4)), ranges, "the shape's first group of the grid");
    double perEpoch = 4 * grid.epochCost(0);
    int epochs = Warmup.epochs(grid, ranges);
    assertTrue(epochs >= Warmup.MIN_EPOCHS && epochs < Warmup.epochs(1), epochs + " epochs");
    assertTrue(epochs * perEpoch <= Warmup.ROTATION_COST, "within the rotation's cost");
    assertTrue((epochs + 1) * perEpoch > Warmup.ROTATION_COST, "and no fewer epochs than that allows");
    // its drill (8 rows) is cheap enough for every epoch of it
    assertEquals(Warmup.DRILL_EPOCHS, Warmup.drill(Warmup.groups(grid).get(0), Warmup.DRILL_ROWS).get(0).epochs());
    // many matrix-product shapes: only the cheapest group of each model and bias setting warms up
    Grid many = Grid.expand(Studies.builder(digits).models(Model.NONE, Model.HIDDEN).hiddenSizes(40, 8, 100)
        .learningRates(0.001).epochs(200).bias(false, true).seeds(Seeds.range(0, 3)).build(),
        List.of(digits));
    // ids: none (bias off 0-2, on 3-5), 8 hidden (6-8, 9-11), 40 (12-17), 100 (18-23); groups of 3
    assertEquals(List.of(new nnsweep.grid.IdRange(0, 3), new nnsweep.grid.IdRange(3, 6),
        new nnsweep.grid.IdRange(6, 9), new nnsweep.grid.IdRange(9, 12)), Warmup.ranges(many));
    // the tutorial-size grid above is not capped
    assertEquals(250, Warmup.epochs(grid(80), Warmup.ranges(grid(80))));
  }

  @Test
  void aMatrixProductGroupsDrillIsItsNetworksOnTheFirstRowsForThousandsOfEpochs() {
    double[][] x = new double[300][20];
    double[][] t = new double[300][3];
    for (int i = 0; i < 300; i++) {
      x[i][i % 20] = i / 300.0;
      t[i][i % 3] = 1;
    }
    List<String> in = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "x" + i).toList();
    nnsweep.data.Dataset data = new nnsweep.data.Dataset("wide", "wide.csv", in, List.of("a", "b", "c"), x, t);
    Grid grid = Grid.expand(Studies.builder(data).models(Model.HIDDEN).hiddenSizes(30).learningRates(0.01)
        .epochs(50).bias(true).seeds(Seeds.range(0, 16)).build(), List.of(data));
    assertEquals(nnsweep.nn.Kernel.GEMM, grid.kernel(0));
    List<NetworkSpec> group = Warmup.groups(grid).get(0);
    List<NetworkSpec> drill = Warmup.drill(group, Warmup.DRILL_ROWS);
    assertEquals(group.size(), drill.size());
    for (int i = 0; i < group.size(); i++) {
      assertEquals(grid.spec(group.get(i).id()).withEpochs(Warmup.DRILL_EPOCHS), drill.get(i));
    }
    // a shape so wide that 3,000 epochs of 8 rows would cost more than a rotation: capped by the same cost
    nnsweep.data.Dataset wide = wide(8, 2000, 10);
    Grid wideGrid = Grid.expand(Studies.builder(wide).models(Model.HIDDEN).hiddenSizes(500).learningRates(0.01)
        .epochs(50).bias(true).seeds(Seeds.range(0, 16)).build(), List.of(wide));
    List<NetworkSpec> wideGroup = Warmup.groups(wideGrid).get(0);
    int epochs = Warmup.drill(wideGroup, Warmup.DRILL_ROWS).get(0).epochs();
    double perEpoch = wideGroup.size() * nnsweep.nn.Kernel.GEMM.costUnits(wideGroup.get(0).shape(), Warmup.DRILL_ROWS);
    assertTrue(epochs >= Warmup.MIN_EPOCHS && epochs < Warmup.DRILL_EPOCHS, epochs + " epochs");
    assertTrue(epochs * perEpoch <= Warmup.ROTATION_COST || epochs == Warmup.MIN_EPOCHS, "within a rotation's cost");
    assertTrue((epochs + 1) * perEpoch > Warmup.ROTATION_COST, "and no fewer epochs than that allows");
    NetworkRun.Prepared head = Warmup.head(NetworkRun.prepare(new Problem(data, new double[0][])), Warmup.DRILL_ROWS);
    assertEquals(Warmup.DRILL_ROWS, head.data().rows());
    assertEquals(java.util.Arrays.deepToString(java.util.Arrays.copyOf(x, Warmup.DRILL_ROWS)),
        java.util.Arrays.deepToString(nnsweep.nn.Matrices.toRows(head.data().x())));
    assertEquals(java.util.Arrays.deepToString(java.util.Arrays.copyOf(t, Warmup.DRILL_ROWS)),
        java.util.Arrays.deepToString(nnsweep.nn.Matrices.toRows(head.data().t())));
    assertEquals(null, head.test());
    // a rotation trains the group and its drill
    assertEquals(1, Warmup.run(grid, List.of(new Problem(data, new double[0][])), 0));
  }

  private static nnsweep.data.Dataset wide(int rows, int inputs, int outputs) {
    double[][] x = new double[rows][inputs];
    double[][] t = new double[rows][outputs];
    for (int i = 0; i < rows; i++) {
      x[i][i % inputs] = 1;
      t[i][i % outputs] = 1;
    }
    List<String> in = java.util.stream.IntStream.range(0, inputs).mapToObj(i -> "x" + i).toList();
    List<String> out = java.util.stream.IntStream.range(0, outputs).mapToObj(i -> "y" + i).toList();
    return new nnsweep.data.Dataset("wide", "wide.csv", in, out, x, t);
  }

  @Test
  void noBudgetIsOneRotation() {
    assertEquals(1, Warmup.run(grid(25), PROBLEMS, 0));
  }

  @Test
  void rotationsOfSteadySpeedEndTheWarmUpBeforeItsBudget() {
    // a clock on which every rotation takes one second: the first sets the pace, the next STEADY match it
    SecondsClock clock = new SecondsClock();
    assertEquals(Warmup.STEADY + 1, Warmup.run(grid(25), PROBLEMS, 3_600_000, clock));
    assertTrue(clock.seconds < 3_600, "ended by its steady speed, at " + clock.seconds + " s");
  }

  @Test
  void theBudgetEndsTheWarmUpBeforeItsSpeedIsSteady() {
    SecondsClock clock = new SecondsClock();
    int rotations = Warmup.run(grid(25), PROBLEMS, 4_000, clock);
    assertTrue(rotations >= 1 && rotations <= Warmup.STEADY, rotations + " rotations");
    assertTrue(clock.seconds >= 4, "ended by its budget, at " + clock.seconds + " s");
  }

  /** A clock one second later at each reading. */
  private static final class SecondsClock implements java.util.function.LongSupplier {
    private long seconds;

    @Override
    public long getAsLong() {
      return seconds++ * 1_000_000_000L;
    }
  }
}
