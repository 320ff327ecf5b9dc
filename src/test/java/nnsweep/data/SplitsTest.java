package nnsweep.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Seeded, stratified splits and scaling fitted on the training part only. */
class SplitsTest {
  private static final Dataset IRIS = CsvDatasetReader.read("iris", Path.of("data/iris.csv"), 3);

  @Test
  void stratifiedSplitKeepsEachClassShare() {
    Splits.Split s = Splits.split(IRIS, 0.2, 7);
    assertEquals(120, s.train().rows());
    assertEquals(30, s.test().rows());
    // 50 of each class: 10 of each in the test part
    assertEquals(Map.of("[1.0, 0.0, 0.0]", 10L, "[0.0, 1.0, 0.0]", 10L, "[0.0, 0.0, 1.0]", 10L),
        Arrays.stream(s.test().targets()).collect(Collectors.groupingBy(Arrays::toString, Collectors.counting())));
  }

  @Test
  void sameSeedSameSplitOtherSeedOtherSplit() {
    assertEquals(Splits.split(IRIS, 0.2, 7), Splits.split(IRIS, 0.2, 7));
    assertNotEquals(Splits.split(IRIS, 0.2, 7).test(), Splits.split(IRIS, 0.2, 8).test());
    assertNull(Splits.split(IRIS, 0.0, 7).test());
    assertEquals(IRIS, Splits.split(IRIS, 0.0, 7).train());
  }

  @Test
  void scalingIsFittedOnTrainingRowsOnly() {
    Dataset d = new Dataset("d", "d.csv", java.util.List.of("x"), java.util.List.of("y"),
        new double[][] {{0}, {10}, {20}, {30}}, new double[][] {{0}, {0}, {1}, {1}});
    Splits.Split s = Splits.split(d, 0.5, 1);
    Scaling.Fit minmax = Scaling.MINMAX.fit(s.train().inputs());
    double[] train = Arrays.stream(minmax.apply(s.train().inputs())).mapToDouble(r -> r[0]).sorted().toArray();
    assertArrayEquals(new double[] {0, 1}, train, 1e-15);
    Scaling.Fit standard = Scaling.STANDARD.fit(new double[][] {{1}, {3}});
    assertArrayEquals(new double[] {-1, 1, 3}, Arrays.stream(standard.apply(new double[][] {{1}, {3}, {5}}))
        .mapToDouble(r -> r[0]).toArray(), 1e-15);
    assertArrayEquals(new double[] {5}, Scaling.NONE.fit(new double[][] {{1}}).apply(new double[][] {{5}})[0]);
  }
}
