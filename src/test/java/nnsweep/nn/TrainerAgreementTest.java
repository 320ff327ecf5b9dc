package nnsweep.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The fused kernel and the readable Breeze trainer agree, including stopping, curves and divergence. */
class TrainerAgreementTest {

  static Stream<Arguments> shapes() {
    return Stream.of(
        Arguments.of(Model.HIDDEN, false, 2, 3, 1, 8, 3000),
        Arguments.of(Model.HIDDEN, true, 2, 2, 1, 4, 3000),
        Arguments.of(Model.HIDDEN, true, 3, 7, 2, 8, 3000),
        // random targets on 20 rows: around epoch 150 the trajectory leaves a plateau and amplifies last-bit
        // differences in summation order (measured 1e-16 at epoch 100, 1e-4 at epoch 300), so compare before that
        Arguments.of(Model.HIDDEN, false, 6, 4, 3, 20, 100),
        Arguments.of(Model.NONE, true, 2, 0, 1, 4, 3000),
        Arguments.of(Model.NONE, false, 5, 0, 2, 9, 3000));
  }

  @ParameterizedTest(name = "{0} bias={1} {2}-{3}-{4} on {5} rows, {6} epochs")
  @MethodSource("shapes")
  void fusedMatchesBreeze(Model model, boolean bias, int in, int h, int out, int rows, int epochs) {
    SplittableRandom r = new SplittableRandom(rows * 31L + in);
    TrainingData data = TrainingData.of(random(rows, in, r), binary(rows, out, r));
    Weights start = Init.uniform(new Shape(model, in, h, out, bias), 42);
    TrainingOptions options =
        new TrainingOptions(0.5, epochs, Double.NEGATIVE_INFINITY, TrainingOptions.logSpacedEpochs(epochs, 20));

    Network fused = new Network(start);
    Network breeze = new Network(start);
    TrainingOutcome a = new FusedTrainer().train(fused, data, options);
    TrainingOutcome b = new BreezeTrainer().train(breeze, data, options);

    ReferenceCasesTest.assertRelative(b.finalError(), a.finalError(), 1e-12, "final error");
    assertEquals(b.epochsRun(), a.epochsRun());
    double[] pa = GradientCheckTest.flatten(fused.weights());
    double[] pb = GradientCheckTest.flatten(breeze.weights());
    for (int i = 0; i < pa.length; i++) {
      assertEquals(pb[i], pa[i], 1e-11 * Math.max(1, Math.abs(pb[i])), "parameter " + i);
    }
    double[][] points = Matrices.toRows(data.x());
    double[][] loops = fused.outputs(points);
    double[][] matrices = Matrices.toRows(fused.forward(data.x()));
    for (int i = 0; i < points.length; i++) {
      assertArrayEquals(matrices[i], loops[i], 1e-15, "forward pass, row " + i);
    }
    for (int i = 0; i < a.curve().length; i++) {
      ReferenceCasesTest.assertRelative(b.curve()[i], a.curve()[i], 1e-12, "curve point " + i);
    }
  }

  @Test
  void curveRecordsErrorAfterKUpdates() {
    TrainingData data = TrainingData.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
        new double[][] {{0}, {1}, {1}, {1}});
    Weights start = Init.uniform(new Shape(Model.HIDDEN, 2, 3, 1, false), 7);
    TrainingOptions options = new TrainingOptions(0.05, 100, Double.NEGATIVE_INFINITY, new int[] {0, 1, 10, 100});

    TrainingOutcome outcome = new FusedTrainer().train(new Network(start), data, options);

    for (int i = 0; i < 4; i++) {
      int k = options.curveEpochs()[i];
      Network probe = new Network(start);
      TrainingOutcome partial = new FusedTrainer().train(probe, data, TrainingOptions.of(0.05, k));
      assertEquals(partial.finalError(), outcome.curve()[i], 0.0, "E after " + k + " updates");
    }
    assertEquals(outcome.finalError(), outcome.curve()[3], 0.0);
  }

  @Test
  void stopErrorStopsAtFirstEpochBelowTarget() {
    TrainingData data = TrainingData.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
        new double[][] {{0}, {1}, {1}, {1}});
    Weights start = Init.uniform(new Shape(Model.HIDDEN, 2, 3, 1, true), 3);
    TrainingOptions options = new TrainingOptions(0.5, 100_000, 0.01, new int[0]);

    for (Trainer trainer : new Trainer[] {new FusedTrainer(), new BreezeTrainer()}) {
      TrainingOutcome outcome = trainer.train(new Network(start), data, options);
      assertTrue(outcome.epochsRun() < 100_000);
      assertEquals(outcome.epochsRun(), outcome.epochsToTarget());
      assertTrue(outcome.finalError() <= 0.01);
      TrainingOutcome oneLess = trainer.train(new Network(start), data, TrainingOptions.of(0.5,
          outcome.epochsRun() - 1));
      assertTrue(oneLess.finalError() > 0.01, "the epoch before was still above target");
    }
  }

  @Test
  void hugeLearningRateDivergesAsAnOutcome() {
    // targets far outside (0, 1) make the gradient ~1e6, so rate * gradient overflows to -infinity and the next
    // forward pass computes 0 * -inf = NaN
    TrainingData data = TrainingData.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
        new double[][] {{0}, {1e6}, {1e6}, {0}});
    Weights start = Init.uniform(new Shape(Model.HIDDEN, 2, 2, 1, true), 1);
    for (Trainer trainer : new Trainer[] {new FusedTrainer(), new BreezeTrainer()}) {
      TrainingOutcome outcome = trainer.train(new Network(start), data, TrainingOptions.of(1e305, 1000));
      assertTrue(outcome.diverged(), trainer + " should report divergence");
      assertTrue(outcome.epochsRun() < 1000);
      assertFalse(Double.isFinite(outcome.finalError()));
    }
  }

  @Test
  void logSpacedEpochsAreSortedAndBounded() {
    int[] ks = TrainingOptions.logSpacedEpochs(200_000, 50);
    assertEquals(0, ks[0]);
    assertEquals(200_000, ks[ks.length - 1]);
    assertTrue(ks.length <= 50 && ks.length >= 40, "about 50 points, found " + ks.length);
    assertArrayEquals(new int[] {0, 1, 2, 3}, TrainingOptions.logSpacedEpochs(3, 50));
  }

  private static double[][] random(int rows, int cols, SplittableRandom r) {
    double[][] m = new double[rows][cols];
    for (double[] row : m) {
      for (int j = 0; j < cols; j++) {
        row[j] = r.nextDouble();
      }
    }
    return m;
  }

  private static double[][] binary(int rows, int cols, SplittableRandom r) {
    double[][] m = new double[rows][cols];
    for (double[] row : m) {
      for (int j = 0; j < cols; j++) {
        row[j] = r.nextBoolean() ? 1 : 0;
      }
    }
    return m;
  }
}
