package nnsweep.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The validation part of the training rows: stratified, seeded, exact, disjoint from what networks train on. */
class ValidationSplitTest {
  /** 16 rows whose one input is the row's index: class A (y = 0) at rows 0-9, class B (y = 1) interleaved. */
  private static final int[] CLASS = {0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 1};

  private static Dataset rows() {
    double[][] x = new double[CLASS.length][];
    double[][] t = new double[CLASS.length][];
    for (int i = 0; i < x.length; i++) {
      x[i] = new double[] {i};
      t[i] = new double[] {CLASS[i]};
    }
    return new Dataset("d", "d.csv", List.of("x"), List.of("y"), x, t);
  }

  private static int[] ids(Dataset d) {
    return Arrays.stream(d.inputs()).mapToInt(r -> (int) r[0]).toArray();
  }

  /**
   * The documented rule, recomputed here: each class's rows in file order, in order of first appearance, shuffled
   * (Fisher-Yates, from the last position down) by one SplittableRandom of the seed; the first round(share x n)
   * of each are held out.
   */
  private static int[] expectedValidation(double share, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Integer> held = new ArrayList<>();
    for (int c : new int[] {0, 1}) {
      int[] order = java.util.stream.IntStream.range(0, CLASS.length).filter(i -> CLASS[i] == c).toArray();
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int tmp = order[i];
        order[i] = order[j];
        order[j] = tmp;
      }
      for (int i = 0; i < Math.round(share * order.length); i++) {
        held.add(order[i]);
      }
    }
    return held.stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  @Test
  void holdsOutEachClassShareExactlyAsTheRuleSays() {
    Splits.Split s = Splits.validation(rows(), 0.25, 42);
    // 10 rows of A: round(2.5) = 3 held out; 6 of B: round(1.5) = 2
    assertArrayEquals(expectedValidation(0.25, 42), ids(s.test()));
    assertArrayEquals(new int[] {4, 5, 6, 11, 13}, ids(s.test()), "the split of seed 42, pinned");
    assertEquals(3, Arrays.stream(ids(s.test())).filter(i -> CLASS[i] == 0).count());
    assertEquals(2, Arrays.stream(ids(s.test())).filter(i -> CLASS[i] == 1).count());
    // disjoint, together every row once, each part in file order
    int[] all = java.util.stream.IntStream.concat(Arrays.stream(ids(s.train())), Arrays.stream(ids(s.test())))
        .sorted().toArray();
    assertArrayEquals(java.util.stream.IntStream.range(0, CLASS.length).toArray(), all);
    assertTrue(isSorted(ids(s.train())) && isSorted(ids(s.test())));
    for (long seed = 0; seed < 20; seed++) {
      assertArrayEquals(expectedValidation(0.4, seed), ids(Splits.validation(rows(), 0.4, seed).test()));
    }
  }

  @Test
  void sameSeedSameRowsOtherSeedOtherRows() {
    assertEquals(Splits.validation(rows(), 0.3, 5), Splits.validation(rows(), 0.3, 5));
    assertNotEquals(Splits.validation(rows(), 0.3, 5).test(), Splits.validation(rows(), 0.3, 6).test());
    assertNotEquals(Splits.validationSeed(0, -1), Splits.validationSeed(0, 0));
    assertNotEquals(Splits.validationSeed(0, 0), Splits.validationSeed(0, 1));
    assertNotEquals(Splits.validationSeed(0, 0), Splits.validationSeed(1, 0));
  }

  @Test
  void aShareThatLeavesAClassWithoutRowsNamesTheClassAndTheShare() {
    // B has 6 rows: 0.05 x 6 rounds to 0
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Splits.validation(rows(), 0.05, 1));
    assertEquals("validation-fraction 0.05 leaves class 'y = 1' of 'd' without validation rows (0 of its 6"
        + " training rows held out), expected a share that keeps at least one of each", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Splits.validation(rows(), 0.95, 1));
    assertTrue(e.getMessage().contains("without training rows (10 of its 10 training rows held out)"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Splits.validation(rows(), 0.0, 1));
    assertThrows(IllegalArgumentException.class, () -> Splits.validation(rows(), 1.0, 1));
  }

  @Test
  void oneHotClassesAreNamedByTheirColumn() {
    Dataset iris = CsvDatasetReader.read("iris", java.nio.file.Path.of("data/iris.csv"), 3);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Splits.validation(iris, 0.005, 1));
    assertTrue(e.getMessage().startsWith("validation-fraction 0.005 leaves class '" + iris.targetNames().get(0)
        + "' of 'iris' without validation rows (0 of its 50"), e.getMessage());
    Splits.Split s = Splits.validation(iris, 0.2, 3);
    assertEquals(30, s.test().rows());
    assertEquals(120, s.train().rows());
  }

  private static boolean isSorted(int[] a) {
    for (int i = 1; i < a.length; i++) {
      if (a[i] <= a[i - 1]) {
        return false;
      }
    }
    return true;
  }
}
