package nnsweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nnsweep.grid.Grid;
import nnsweep.nn.Model;
import nnsweep.study.Seeds;
import nnsweep.study.Study;
import nnsweep.testing.Studies;
import org.junit.jupiter.api.Test;

/** The JIT warm-up: one full rotation over the grid's shapes at least, then as long as the budget allows. */
class WarmupTest {
  private static final List<Problem> PROBLEMS = List.of(new Problem(Studies.or(), new double[0][]),
      new Problem(Studies.xor(), new double[0][]));

  private static Grid grid() {
    Study study = Studies.study(List.of(Studies.or(), Studies.xor()), List.of(Model.NONE, Model.HIDDEN),
        List.of(2, 3), List.of(), List.of(0.5), List.of(200_000), List.of(false, true), Seeds.range(0, 25));
    return Grid.expand(study, List.of(Studies.or(), Studies.xor()));
  }

  @Test
  void noBudgetIsOneRotationOverEveryShapeInEveryGroupSize() {
    Grid grid = grid();
    // 2 datasets x (none, 2, 3) x bias off/on = 12 shapes, each as a group of 32, of 7 and alone
    assertEquals(12, grid.shapes().size());
    assertEquals(36, Warmup.run(grid, PROBLEMS, 0));
  }

  @Test
  void aBudgetKeepsRotatingUntilItIsSpent() {
    Warmup.run(grid(), PROBLEMS, 0); // the JVM's first use of Breeze alone can take longer than the budget
    long start = System.nanoTime();
    int groups = Warmup.run(grid(), PROBLEMS, 300);
    double millis = (System.nanoTime() - start) / 1e6;
    assertTrue(millis >= 300, "stopped after " + millis + " ms");
    assertTrue(groups > 36, "only " + groups + " groups in 300 ms");
  }
}
