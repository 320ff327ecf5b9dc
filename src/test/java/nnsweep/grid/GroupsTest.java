package nnsweep.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import nnsweep.nn.Kernel;
import nnsweep.nn.Model;
import nnsweep.nn.Shape;
import nnsweep.study.Seeds;
import nnsweep.testing.Studies;
import org.junit.jupiter.api.Test;

/** Which kernel each shape gets, and the grid's groups: exact boundaries, fixed by the grid alone. */
class GroupsTest {

  @Test
  void kernelsByShapeAndRows() {
    assertEquals(Kernel.LOCKSTEP, Kernel.of(new Shape(Model.HIDDEN, 2, 3, 1, false), 4), "the tutorial");
    assertEquals(Kernel.LOCKSTEP, Kernel.of(new Shape(Model.HIDDEN, 3, 4, 2, true), 8), "the full adder");
    assertEquals(Kernel.LOCKSTEP, Kernel.of(new Shape(Model.NONE, 2, 0, 1, true), 4));
    assertEquals(Kernel.LOCKSTEP, Kernel.of(new Shape(Model.HIDDEN, 4, 8, 1, true), 16));
    assertEquals(Kernel.GEMM, Kernel.of(new Shape(Model.HIDDEN, 6, 9, 1, true), 64), "parity-6, 9 hidden");
    assertEquals(Kernel.GEMM, Kernel.of(new Shape(Model.HIDDEN, 8, 16, 4, true), 256));
    assertEquals(Kernel.GEMM, Kernel.of(new Shape(Model.HIDDEN, 64, 32, 10, true), 1797), "digits");
    assertEquals(Kernel.GEMM, Kernel.of(new Shape(Model.NONE, 64, 0, 10, true), 1797));
    assertEquals(Kernel.GEMM, Kernel.of(new Shape(Model.HIDDEN, 12, 8, 3, false), 200), "Studies.wide");
  }

  @Test
  void gemmGroupsAreCutFromEachShapeRunsStart() {
    // 2 bias values x 32 seeds: 2 runs of 32; 128 columns / 8 hidden = 16 per group, but at least 8 groups in all,
    // 4 a run: 8
    Grid grid = grid(32);
    assertEquals(Kernel.GEMM, grid.kernel(0));
    assertEquals(8, grid.groupSize(0));
    assertEquals(List.of(new IdRange(0, 8), new IdRange(0, 8), new IdRange(24, 32), new IdRange(32, 40),
        new IdRange(56, 64)), List.of(group(grid, 0), group(grid, 7), group(grid, 31), group(grid, 32),
        group(grid, 63)));
    // 10 seeds: groups of 3, the run's last group the 1 left over
    assertEquals(List.of(new IdRange(0, 3), new IdRange(9, 10), new IdRange(10, 13)),
        List.of(group(grid(10), 1), group(grid(10), 9), group(grid(10), 10)));
    // 1000 seeds: 16 a group, the run's last group the 8 left over
    assertEquals(List.of(new IdRange(16, 32), new IdRange(992, 1000), new IdRange(1000, 1016)),
        List.of(group(grid(1000), 20), group(grid(1000), 999), group(grid(1000), 1000)));
  }

  @Test
  void manyRunsNeedNoSmallerGroups() {
    // 12 hidden sizes x 2 bias values = 24 runs of 5 seeds: 8 groups are there already, each run is one group
    Grid grid = Grid.expand(Studies.builder(Studies.wide()).models(Model.HIDDEN)
        .hiddenSizes(5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16).learningRates(0.05).epochs(50).bias(false, true)
        .seeds(Seeds.range(0, 5)).build(), List.of(Studies.wide()));
    for (long id = 0; id < grid.size(); id += 5) {
      assertEquals(Kernel.GEMM, grid.kernel(id));
      assertEquals(new IdRange(id, id + 5), group(grid, id + 2));
    }
  }

  @Test
  void lockstepShapesKeepTheirGroupOfSixtyFour() {
    Grid grid = Grid.expand(Studies.builder(Studies.xor()).models(Model.HIDDEN).hiddenSizes(2).learningRates(0.5)
        .epochs(100).bias(false).seeds(Seeds.range(0, 80)).build(), List.of(Studies.xor()));
    assertEquals(Kernel.LOCKSTEP, grid.kernel(0));
    assertEquals(List.of(new IdRange(0, 64), new IdRange(64, 80)), List.of(group(grid, 5), group(grid, 79)));
  }

  @Test
  void aPlanCutsAGemmRunIntoItsGroupsSoThatEveryCoreGetsWork() {
    Grid grid = grid(16); // 32 networks: two runs of 16, 4 groups of 4 each
    List<IdRange> todo = List.of(new IdRange(0, 32));
    // eight groups of equal cost: one task per core by default, each of whole groups
    int tasks = TaskPlan.defaultMaxTasks(grid, todo, 32, 2);
    assertEquals(2, tasks);
    assertEquals(List.of(new IdRange(0, 16), new IdRange(16, 32)), TaskPlan.plan(grid, todo, 32, tasks).stream()
        .sorted(java.util.Comparator.comparingLong(IdRange::from)).toList());
    List<IdRange> plan = TaskPlan.plan(grid, todo, 32, 8);
    assertEquals(8, plan.size());
    List<IdRange> sorted = new ArrayList<>(plan);
    sorted.sort(java.util.Comparator.comparingLong(IdRange::from));
    for (int i = 0; i < 8; i++) {
      assertEquals(new IdRange(4 * i, 4 * i + 4), sorted.get(i));
    }
    // a resumed tail starting inside a group: the first unit ends where the grid's group ends
    assertEquals(List.of(new IdRange(3, 4), new IdRange(4, 8)),
        TaskPlan.plan(grid, List.of(new IdRange(3, 32)), 32, 1000).stream()
            .sorted(java.util.Comparator.comparingLong(IdRange::from)).limit(2).toList());
  }

  private static Grid grid(int seeds) {
    return Grid.expand(Studies.builder(Studies.wide()).models(Model.HIDDEN).hiddenSizes(8).learningRates(0.05)
        .epochs(50).bias(false, true).seeds(Seeds.range(0, seeds)).build(), List.of(Studies.wide()));
  }

  private static IdRange group(Grid grid, long id) {
    return new IdRange(grid.groupStart(id), grid.groupEnd(id));
  }
}
