package nnsweep.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The argmax class accuracy and the one-hot test, on hand-computed cases. */
class MetricsTest {

  @Test
  void classAccuracyCountsRowsWhoseLargestOutputIsTheTargetsOne() {
    double nan = Double.NaN;
    double[][] outputs = {
        {0.1, 0.7, 0.2},  // argmax 1, target 1: right
        {0.6, 0.3, 0.9},  // argmax 2, target 0: wrong
        {0.4, 0.4, 0.1},  // tie: the first largest, 0, target 1: wrong
        {nan, nan, nan},  // no largest output: wrong
        {0.2, 0.2, 0.2},  // tie: 0, target 0: right
        {0.4, 0.3, 0.1},  // argmax 0, target 0: right, although no output reaches 0.5
        {nan, 0.1, 0.05}, // NaN never wins: argmax 1, target 1: right
    };
    double[][] targets = {{0, 1, 0}, {1, 0, 0}, {0, 1, 0}, {1, 0, 0}, {1, 0, 0}, {1, 0, 0}, {0, 1, 0}};
    assertEquals(4.0 / 7.0, Metrics.classAccuracy(outputs, targets));
    assertEquals(1.0, Metrics.classAccuracy(new double[][] {outputs[0]}, new double[][] {targets[0]}));
    assertEquals(0.0, Metrics.classAccuracy(new double[][] {outputs[1]}, new double[][] {targets[1]}));
    assertThrows(IllegalArgumentException.class, () -> Metrics.classAccuracy(outputs, new double[1][3]));
    assertThrows(IllegalArgumentException.class, () -> Metrics.classAccuracy(new double[0][], new double[0][]));
  }

  @Test
  void classAccuracyOfANetworkDiffersFromThresholdAccuracy() {
    // no hidden layer, no bias: outputs s(x W) with W = [[2, -2], [-1, 1]] and [[0.2, -0.2], [-0.1, 0.1]]
    TrainingData data = TrainingData.of(new double[][] {{1, 0}, {0, 1}, {1, 1}},
        new double[][] {{1, 0}, {0, 1}, {0, 1}});
    Network strong = new Network(new Weights(Model.NONE, false, new double[0][], new double[0],
        new double[][] {{2, -2}, {-1, 1}}, new double[2]));
    // (1,0) -> (s(2), s(-2)): class 0 right; (0,1) -> (s(-1), s(1)): class 1 right; (1,1) -> (s(1), s(-1)): wrong
    assertEquals(2.0 / 3.0, Metrics.classAccuracy(strong, data));
    assertEquals(2.0 / 3.0, Metrics.accuracy(strong, data));
    // a tenth of the weights and a bias of -1 pull every output below 0.5: the same argmax, no row past 0.5
    Network weak = new Network(new Weights(Model.NONE, true, new double[0][], new double[0],
        new double[][] {{0.2, -0.2}, {-0.1, 0.1}}, new double[] {-1, -1}));
    assertEquals(2.0 / 3.0, Metrics.classAccuracy(weak, data));
    assertEquals(0.0, Metrics.accuracy(weak, data));
  }

  @Test
  void oneHotNeedsTwoColumnsAndExactlyOneOnePerRow() {
    assertTrue(Metrics.oneHot(new double[][] {{1, 0}, {0, 1}, {1, 0}}));
    assertTrue(Metrics.oneHot(new double[][] {{0, 0, 1}}));
    assertFalse(Metrics.oneHot(new double[][] {{1}, {0}}), "a single 0/1 column");
    assertFalse(Metrics.oneHot(new double[][] {{1, 0}, {1, 1}}), "two ones");
    assertFalse(Metrics.oneHot(new double[][] {{1, 0}, {0, 0}}), "no one");
    assertFalse(Metrics.oneHot(new double[][] {{0.5, 0.5}}), "soft labels");
    assertFalse(Metrics.oneHot(new double[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}}), "the full adder's targets");
    assertFalse(Metrics.oneHot(new double[0][]));
  }
}
