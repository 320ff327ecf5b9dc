package nnsweep.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportanceTest {
  @Test
  void etaSquaredAgainstHandComputedSums() {
    // y = 1, 2, 3, 4 in groups a, a, b, b: mean 2.5, SS_total = 2.25 + 0.25 + 0.25 + 2.25 = 5,
    // group means 1.5 and 3.5: SS_between = 2 * 1 + 2 * 1 = 4, eta^2 = 0.8
    assertEquals(0.8, Importance.etaSquared(List.of("a", "a", "b", "b"), new double[] {1, 2, 3, 4}), 1e-15);
    // the other split, a, b, a, b: group means 2 and 3, SS_between = 2 * 0.25 + 2 * 0.25 = 1, eta^2 = 0.2
    assertEquals(0.2, Importance.etaSquared(List.of(1, 2, 1, 2), new double[] {1, 2, 3, 4}), 1e-15);
    // three unequal groups: y = 0, 2 | 4 | 6, 8, 10; mean 5, SS_total = 25 + 9 + 1 + 1 + 9 + 25 = 70,
    // group means 1, 4, 8: SS_between = 2 * 16 + 1 * 1 + 3 * 9 = 60, eta^2 = 6/7
    assertEquals(60.0 / 70.0, Importance.etaSquared(List.of("x", "x", "y", "z", "z", "z"),
        new double[] {0, 2, 4, 6, 8, 10}), 1e-15);
  }

  @Test
  void eachCellItsOwnLevelExplainsEverythingOneLevelNothing() {
    assertEquals(1.0, Importance.etaSquared(List.of(1, 2, 3), new double[] {3, 1, 2}), 1e-15);
    assertEquals(0.0, Importance.etaSquared(List.of(true, true, true), new double[] {3, 1, 2}), 1e-15);
  }

  @Test
  void cellsWithoutAFiniteScoreAreLeftOut() {
    // the NaN and infinite cells dropped leave 1, 2, 3, 4 in a, a, b, b again
    assertEquals(0.8, Importance.etaSquared(List.of("a", "c", "a", "b", "c", "b"),
        new double[] {1, Double.NaN, 2, 3, Double.POSITIVE_INFINITY, 4}), 1e-15);
    assertTrue(Double.isNaN(Importance.etaSquared(List.of("a", "b"), new double[] {1, Double.NaN})));
    assertTrue(Double.isNaN(Importance.etaSquared(List.of("a", "b"), new double[] {2, 2})), "no variance");
    assertTrue(Double.isNaN(Importance.etaSquared(List.of(), new double[0])));
  }

  @Test
  void levelsAndScoresMustMatch() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Importance.etaSquared(Arrays.asList("a", "b"), new double[] {1}));
    assertEquals("levels and scores must have one entry per cell, found 2 levels and 1 scores", e.getMessage());
  }
}
