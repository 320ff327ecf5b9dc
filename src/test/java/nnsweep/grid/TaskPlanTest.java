package nnsweep.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nnsweep.nn.Model;
import nnsweep.study.Seeds;
import nnsweep.study.Study;
import nnsweep.testing.Studies;
import org.junit.jupiter.api.Test;

/** Task ranges: whole lockstep groups, every id once, cost-balanced merging, longest first. */
class TaskPlanTest {

  @Test
  void fewUnitsAreEachATaskLongestFirst() {
    // xor, none and hidden 2, bias off/on, 40 seeds: four shape runs of 40 = units of 32 + 8
    Study study = Studies.builder(Studies.xor()).models(Model.NONE, Model.HIDDEN).hiddenSizes(2).learningRates(0.5)
        .epochs(100).bias(false, true).seeds(Seeds.range(0, 40)).build();
    Grid grid = Grid.expand(study, List.of(Studies.xor()));
    List<IdRange> plan = TaskPlan.plan(grid, all(grid), 32, 64);
    // cost per epoch and row: hidden+bias 32 x (9 + 36) = 1440, hidden 32 x (6 + 36) = 1344, none+bias
    // 32 x (3 + 12) = 480, none 32 x (2 + 12) = 448, then the units of 8: 360, 336, 120, 112
    assertEquals(List.of(r(120, 152), r(80, 112), r(40, 72), r(0, 32), r(152, 160), r(112, 120), r(72, 80),
        r(32, 40)), plan);
  }

  @Test
  void manyUnitsAreMergedIntoAboutMaxTasksBalancedRanges() {
    Study study = Studies.builder(Studies.xor()).models(Model.HIDDEN).hiddenSizes(2).learningRates(0.5).epochs(100)
        .bias(true).seeds(Seeds.range(0, 10_000)).build();
    Grid grid = Grid.expand(study, List.of(Studies.xor()));
    List<IdRange> plan = TaskPlan.plan(grid, all(grid), 32, 8);
    assertEquals(8, plan.size());
    assertCoversOnce(grid, all(grid), plan);
    for (IdRange range : plan) {
      assertEquals(0, range.from() % 32, "cut at a group boundary: " + range);
      // one shape, so equal cost means an equal count: 10,000 / 8 = 1,250, rounded to whole groups of 32
      assertTrue(Math.abs(range.size() - 1250) <= 32, range.toString());
    }
  }

  @Test
  void skewedGridIsScheduledWithinTenPercentOfTotalOverCores() {
    // hidden 1..32 and epochs 100..100,000: costs differ by a factor of about 20,000
    List<Integer> sizes = new ArrayList<>();
    for (int h = 1; h <= 32; h++) {
      sizes.add(h);
    }
    Study study = Studies.builder(Studies.xor()).models(Model.HIDDEN).hiddenSizes(sizes).learningRates(0.5)
        .epochs(100, 1000, 10_000, 100_000).bias(false, true).seeds(Seeds.range(0, 5)).build();
    Grid grid = Grid.expand(study, List.of(Studies.xor()));
    for (int cores : new int[] {2, 4, 8}) {
      List<IdRange> plan = TaskPlan.plan(grid, all(grid), 32, TaskPlan.defaultMaxTasks(grid, all(grid), 32, cores));
      assertEquals(4 * cores, plan.size(), "the default: fewer tasks per core would make a longer schedule");
      assertCoversOnce(grid, all(grid), plan);
      double total = 0;
      double[] busy = new double[cores];
      // Spark's scheduler: tasks in partition order, each to the core that frees up first
      for (IdRange range : plan) {
        double cost = cost(grid, range);
        total += cost;
        int core = 0;
        for (int c = 1; c < cores; c++) {
          core = busy[c] < busy[core] ? c : core;
        }
        busy[core] += cost;
      }
      double makespan = java.util.Arrays.stream(busy).max().orElseThrow();
      assertTrue(makespan <= 1.10 * total / cores, cores + " cores: makespan " + makespan + " vs " + total / cores);
    }
  }

  @Test
  void defaultIsTheFewestTasksPerCoreWithTheShortestScheduleUnlessATaskWouldExceedTheCaps() {
    // xor 2-2-1 with bias, 100 epochs: 100 x 4 rows x (9 + 6.75 x 3) = 11,700 per network
    Study small = Studies.builder(Studies.xor()).models(Model.HIDDEN).hiddenSizes(2).learningRates(0.5).epochs(100)
        .bias(true).seeds(Seeds.range(0, 1000)).build();
    Grid grid = Grid.expand(small, List.of(Studies.xor()));
    assertEquals(11_700.0, grid.cost(0));
    // one shape: 31 units of 32 and one of 8, as short on one task per core as on four
    assertEquals(2, TaskPlan.defaultMaxTasks(grid, all(grid), 32, 2));
    assertEquals(TaskPlan.makespan(grid, TaskPlan.plan(grid, all(grid), 32, 8), 2),
        TaskPlan.makespan(grid, TaskPlan.plan(grid, all(grid), 32, 2), 2));
    // 16 cores: two units of 32 networks per task, as on four tasks per core (each unit a task)
    assertEquals(16, TaskPlan.defaultMaxTasks(grid, all(grid), 32, 16));
    assertEquals(64.0 * 11_700, TaskPlan.makespan(grid, TaskPlan.plan(grid, all(grid), 32, 16), 16));
    assertEquals(64.0 * 11_700, TaskPlan.makespan(grid, TaskPlan.plan(grid, all(grid), 32, 64), 16));
    // 40 networks on 2 cores (units of 32 and 8): one task per core is the unit of 32 alone either way
    assertEquals(2, TaskPlan.defaultMaxTasks(grid, List.of(r(0, 40)), 32, 2));
    // 1,000 networks x 1e9 epochs: 1.17e14 in all, / 2.4e10 a task = 4,875 tasks
    Study big = Studies.builder(Studies.xor()).models(Model.HIDDEN).hiddenSizes(2).learningRates(0.5)
        .epochs(1_000_000_000).bias(true).seeds(Seeds.range(0, 1000)).build();
    Grid bigGrid = Grid.expand(big, List.of(Studies.xor()));
    assertEquals(4_875, TaskPlan.defaultMaxTasks(bigGrid, all(bigGrid), 32, 2));
    // only what is still to train counts (a resume): 10 networks of 1.17e11 = 48.75, so 49 tasks
    assertEquals(49, TaskPlan.defaultMaxTasks(bigGrid, List.of(new IdRange(990, 1000)), 32, 2));
    // a million of the small ones: 1.17e10 in all is under one task's cost, but 1e6 / 65,536 networks = 16 tasks
    Study million = Studies.builder(Studies.xor()).models(Model.HIDDEN).hiddenSizes(2).learningRates(0.5).epochs(100)
        .bias(true).seeds(Seeds.range(0, 1_000_000)).build();
    Grid millionGrid = Grid.expand(million, List.of(Studies.xor()));
    assertEquals(16, TaskPlan.defaultMaxTasks(millionGrid, all(millionGrid), 32, 2));
    // on 8 cores those 16 are two a core, as short a schedule as four a core
    assertEquals(16, TaskPlan.defaultMaxTasks(millionGrid, all(millionGrid), 32, 8));
    assertThrows(IllegalArgumentException.class, () -> TaskPlan.defaultMaxTasks(grid, all(grid), 32, 0));
  }

  @Test
  void resumedTodoRangesAreNeverSpannedAndGroupsStartAtEachRange() {
    Study study = Studies.builder(Studies.or(), Studies.xor()).models(Model.HIDDEN).hiddenSizes(3).learningRates(0.5)
        .epochs(100).bias(false, true).seeds(Seeds.range(0, 50)).build();
    Grid grid = Grid.expand(study, List.of(Studies.or(), Studies.xor()));
    List<IdRange> todo = List.of(r(10, 45), r(60, 170), r(199, 200));
    for (int maxTasks : new int[] {1, 3, 100}) {
      List<IdRange> plan = TaskPlan.plan(grid, todo, 32, maxTasks);
      assertCoversOnce(grid, todo, plan);
      for (IdRange range : plan) {
        assertTrue(todo.stream().anyMatch(t -> t.from() <= range.from() && range.to() <= t.to()),
            range + " inside one todo range");
      }
    }
    // 100 tasks allowed: each unit alone; [60, 170) has shape runs [50, 100), [100, 150), [150, 200)
    List<IdRange> units = TaskPlan.plan(grid, todo, 32, 100).stream()
        .sorted(Comparator.comparingLong(IdRange::from)).toList();
    assertEquals(List.of(r(10, 42), r(42, 45), r(60, 92), r(92, 100), r(100, 132), r(132, 150), r(150, 170),
        r(199, 200)), units);
  }

  @Test
  void badArgumentsAreRefused() {
    Study study = Studies.builder(Studies.xor()).models(Model.NONE).learningRates(0.5).epochs(10).bias(false)
        .seeds(Seeds.range(0, 2)).build();
    Grid grid = Grid.expand(study, List.of(Studies.xor()));
    assertEquals("groupSize must be >= 1, found 0", assertThrows(IllegalArgumentException.class,
        () -> TaskPlan.plan(grid, all(grid), 0, 4)).getMessage());
    assertEquals("maxTasks must be >= 1, found 0", assertThrows(IllegalArgumentException.class,
        () -> TaskPlan.plan(grid, all(grid), 32, 0)).getMessage());
    assertEquals(List.of(), TaskPlan.plan(grid, List.of(), 32, 4));
  }

  private static void assertCoversOnce(Grid grid, List<IdRange> todo, List<IdRange> plan) {
    List<IdRange> sorted = plan.stream().sorted(Comparator.comparingLong(IdRange::from)).toList();
    List<Long> ids = new ArrayList<>();
    sorted.forEach(r -> r.ids().forEach(ids::add));
    List<Long> expected = new ArrayList<>();
    todo.forEach(r -> r.ids().forEach(expected::add));
    assertEquals(expected, ids, "every id once");
    for (int i = 1; i < plan.size(); i++) {
      assertTrue(cost(grid, plan.get(i - 1)) >= cost(grid, plan.get(i)), "longest first at " + i);
    }
  }

  private static double cost(Grid grid, IdRange range) {
    return range.ids().mapToDouble(grid::cost).sum();
  }

  private static List<IdRange> all(Grid grid) {
    return List.of(new IdRange(0, grid.size()));
  }

  private static IdRange r(long from, long to) {
    return new IdRange(from, to);
  }
}
