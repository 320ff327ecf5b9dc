package nnsweep.nn;

import static nnsweep.nn.ReferenceCasesTest.assertRelative;
import static nnsweep.testing.Matrices.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The matrix-product kernel beyond the oracle's cases (those are in {@link ReferenceCasesTest}): groups against
 * networks trained alone; stopping, curves and divergence inside a group; continuing from saved weights; determinism.
 */
class GemmTrainerTest {

  @Test
  void aGroupTrainsEachNetworkAsItWouldAlone() {
    SplittableRandom random = new SplittableRandom(7);
    TrainingData data = TrainingData.of(matrix(random, 120, 9, 0, 1), onesAndZeros(random, 120, 3));
    int k = 6;
    Network[] together = new Network[k];
    Network[] alone = new Network[k];
    TrainingOptions[] options = new TrainingOptions[k];
    for (int i = 0; i < k; i++) {
      Weights w = Init.uniform(new Shape(Model.HIDDEN, 9, 5, 3, true), 100 + i);
      together[i] = new Network(w);
      alone[i] = new Network(w);
      options[i] = new TrainingOptions(0.01 * (i + 1), 50 + 25 * i, Double.NEGATIVE_INFINITY,
          TrainingOptions.logSpacedEpochs(50 + 25 * i, 6));
    }
    TrainingOutcome[] group = new GemmTrainer().train(together, data, options);
    for (int i = 0; i < k; i++) {
      TrainingOutcome one = new FusedTrainer().train(alone[i], data, options[i]);
      assertEquals(one.epochsRun(), group[i].epochsRun(), "network " + i);
      assertRelative(one.finalError(), group[i].finalError(), 1e-12, "final error " + i);
      assertRelative(one.errorBeforeLastUpdate(), group[i].errorBeforeLastUpdate(), 1e-12, "before last " + i);
      assertEquals(one.curve().length, group[i].curve().length);
      for (int p = 0; p < one.curve().length; p++) {
        assertRelative(one.curve()[p], group[i].curve()[p], 1e-12, "curve " + i + "[" + p + "]");
      }
      assertClose(alone[i].weights().hidden(), together[i].weights().hidden(), "hidden");
      assertClose(alone[i].weights().output(), together[i].weights().output(), "output");
    }
  }

  @Test
  void networksLeaveTheGroupWhereTheyWouldStopAlone() {
    SplittableRandom random = new SplittableRandom(11);
    TrainingData data = TrainingData.of(matrix(random, 40, 4, 0, 1), onesAndZeros(random, 40, 1));
    for (Model model : Model.values()) {
      int h = model == Model.NONE ? 0 : 3;
      // network 0's target lies halfway between its E after 50 and after 51 updates: it must stop at 51
      Network probe = new Network(Init.uniform(new Shape(model, 4, h, 1, false), 5));
      double e50 = new FusedTrainer().train(probe, data, TrainingOptions.of(0.5, 50)).finalError();
      double e51 = new FusedTrainer().train(probe, data, TrainingOptions.of(0.5, 1)).finalError();
      double[] stop = {(e50 + e51) / 2, Double.NEGATIVE_INFINITY, 0.0, 0.0};
      int[] epochs = {400, 90, 140, 0};
      Network[] together = new Network[4];
      Network[] alone = new Network[4];
      TrainingOptions[] options = new TrainingOptions[4];
      for (int i = 0; i < 4; i++) {
        Weights w = Init.uniform(new Shape(model, 4, h, 1, false), 5 + i);
        together[i] = new Network(w);
        alone[i] = new Network(w);
        options[i] = new TrainingOptions(0.5, epochs[i], stop[i], TrainingOptions.logSpacedEpochs(epochs[i], 5));
      }
      TrainingOutcome[] group = new GemmTrainer().train(together, data, options);
      for (int i = 0; i < 4; i++) {
        TrainingOutcome one = new FusedTrainer().train(alone[i], data, options[i]);
        assertEquals(one.epochsRun(), group[i].epochsRun(), model + " network " + i);
        assertEquals(one.epochsToTarget(), group[i].epochsToTarget(), model + " network " + i);
        assertEquals(one.diverged(), group[i].diverged());
        assertRelative(one.finalError(), group[i].finalError(), 1e-12, model + " final error " + i);
        if (one.epochsRun() > 0) {
          assertRelative(one.errorBeforeLastUpdate(), group[i].errorBeforeLastUpdate(), 1e-12, model + " " + i);
        } else {
          assertTrue(Double.isNaN(group[i].errorBeforeLastUpdate()), "no update, no error before it");
        }
      }
      assertEquals(51, group[0].epochsRun(), model + ": the target stops network 0");
      assertEquals(0, group[3].epochsRun());
    }
  }

  @Test
  void divergenceIsAnOutcomeAndLeavesTheOthersAlone() {
    // as in TrainerAgreementTest: targets far outside (0, 1) and a huge rate overflow the weights, then NaN
    TrainingData data = TrainingData.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
        new double[][] {{0}, {1e6}, {1e6}, {0}});
    Weights w = Init.uniform(new Shape(Model.HIDDEN, 2, 2, 1, true), 1);
    Network[] nets = {new Network(w), new Network(w)};
    TrainingOptions[] options = {TrainingOptions.of(1e305, 1000), TrainingOptions.of(1e-3, 1000)};
    TrainingOutcome[] outcomes = new GemmTrainer().train(nets, data, options);
    TrainingOutcome diverging = new FusedTrainer().train(new Network(w), data, options[0]);
    TrainingOutcome calm = new FusedTrainer().train(new Network(w), data, options[1]);
    assertTrue(outcomes[0].diverged(), "must report divergence: " + outcomes[0]);
    assertTrue(diverging.diverged());
    assertEquals(diverging.epochsRun(), outcomes[0].epochsRun());
    assertTrue(outcomes[0].epochsRun() < 1000);
    assertTrue(!outcomes[1].diverged() && outcomes[1].epochsRun() == 1000, outcomes[1].toString());
    assertRelative(calm.finalError(), outcomes[1].finalError(), 1e-12, "the other network");
  }

  @Test
  void aGroupContinuedFromSavedWeightsIsTheGroupTrainedInOneGo() {
    SplittableRandom random = new SplittableRandom(5);
    TrainingData data = TrainingData.of(matrix(random, 150, 10, 0, 1), onesAndZeros(random, 150, 2));
    int k = 5;
    Weights[] start = new Weights[k];
    for (int i = 0; i < k; i++) {
      start[i] = Init.xavier(new Shape(Model.HIDDEN, 10, 7, 2, true), 40 + i);
    }
    // network 1 stops at its target halfway through the first leg (its E after 30 updates, alone)
    double stop1 = new FusedTrainer().train(new Network(start[1]), data, TrainingOptions.of(0.05, 30)).finalError();
    double[] stop = {Double.NEGATIVE_INFINITY, stop1, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.NEGATIVE_INFINITY};
    Network[] full = new Network[k];
    Network[] legs = new Network[k];
    TrainingOptions[] whole = new TrainingOptions[k];
    TrainingOptions[] first = new TrainingOptions[k];
    for (int i = 0; i < k; i++) {
      full[i] = new Network(start[i]);
      legs[i] = new Network(start[i]);
      whole[i] = new TrainingOptions(0.05, 120, stop[i], new int[0]);
      first[i] = new TrainingOptions(0.05, 60, stop[i], new int[0]);
    }
    TrainingOutcome[] inOneGo = new GemmTrainer().train(full, data, whole);
    TrainingOutcome[] firstLeg = new GemmTrainer().train(legs, data, first);
    assertTrue(firstLeg[1].epochsRun() < 60, "network 1 stops in the first leg: " + firstLeg[1]);
    // the second leg: the networks still training, from their saved weights
    Network[] onward = {new Network(legs[0].weights()), new Network(legs[2].weights()),
        new Network(legs[3].weights()), new Network(legs[4].weights())};
    TrainingOptions leg = TrainingOptions.of(0.05, 60);
    TrainingOutcome[] secondLeg = new GemmTrainer().train(onward, data,
        new TrainingOptions[] {leg, leg, leg, leg});
    int[] which = {0, 2, 3, 4};
    for (int j = 0; j < 4; j++) {
      assertEquals(inOneGo[which[j]].finalError(), secondLeg[j].finalError(), "network " + which[j]);
      assertEquals(full[which[j]].weights(), onward[j].weights(), "network " + which[j]);
    }
    assertEquals(inOneGo[1].finalError(), firstLeg[1].finalError());
  }

  @Test
  void theSameGroupGivesTheSameBits() {
    SplittableRandom random = new SplittableRandom(3);
    TrainingData data = TrainingData.of(matrix(random, 77, 13, -1, 1), onesAndZeros(random, 77, 2));
    double[][] finals = new double[2][];
    for (int run = 0; run < 2; run++) {
      Network[] nets = new Network[5];
      TrainingOptions[] options = new TrainingOptions[5];
      for (int i = 0; i < 5; i++) {
        nets[i] = new Network(Init.uniform(new Shape(Model.HIDDEN, 13, 6, 2, true), i));
        options[i] = TrainingOptions.of(0.05, 40);
      }
      TrainingOutcome[] outcomes = new GemmTrainer().train(nets, data, options);
      finals[run] = Stream.of(outcomes).mapToDouble(TrainingOutcome::finalError).toArray();
    }
    assertArrayEquals(finals[0], finals[1]);
  }

  @Test
  void rowBlocksAgreeWithTheBreezeReference() {
    // 1,100 rows: four full blocks of 256 and a ragged one; blocks of 7 rows: 157 blocks and a ragged one
    SplittableRandom random = new SplittableRandom(17);
    TrainingData data = TrainingData.of(matrix(random, 1_100, 7, 0, 1), onesAndZeros(random, 1_100, 4));
    for (Model model : Model.values()) {
      int h = model == Model.NONE ? 0 : 6;
      for (int rowsPerBlock : new int[] {GemmTrainer.ROWS_PER_BLOCK, 7, 5_000}) {
        boolean bias = rowsPerBlock != 7;
        int k = 3;
        Network[] nets = new Network[k];
        TrainingOptions[] options = new TrainingOptions[k];
        for (int i = 0; i < k; i++) {
          nets[i] = new Network(Init.xavier(new Shape(model, 7, h, 4, bias), 60 + i));
          options[i] = new TrainingOptions(0.002 * (i + 1), 40 + 20 * i, Double.NEGATIVE_INFINITY,
              TrainingOptions.logSpacedEpochs(40 + 20 * i, 5));
        }
        Weights[] start = Stream.of(nets).map(Network::weights).toArray(Weights[]::new);
        TrainingOutcome[] group = new GemmTrainer(Blas.get(), rowsPerBlock).train(nets, data, options);
        for (int i = 0; i < k; i++) {
          String what = model + (bias ? " with bias" : "") + ", blocks of " + rowsPerBlock + ", network " + i;
          Network reference = new Network(start[i]);
          TrainingOutcome one = new BreezeTrainer().train(reference, data, options[i]);
          assertEquals(one.epochsRun(), group[i].epochsRun(), what);
          assertRelative(one.finalError(), group[i].finalError(), 1e-9, what + " final error");
          for (int p = 0; p < one.curve().length; p++) {
            assertRelative(one.curve()[p], group[i].curve()[p], 1e-9, what + " curve[" + p + "]");
          }
          assertWeightsClose(reference.weights(), nets[i].weights(), 1e-9, what);
        }
      }
    }
  }

  @Test
  void rowBlocksGiveTheSameBitsEveryRun() {
    SplittableRandom random = new SplittableRandom(23);
    TrainingData data = TrainingData.of(matrix(random, 700, 11, -1, 1), onesAndZeros(random, 700, 5));
    Weights[][] finals = new Weights[3][];
    double[][] errors = new double[3][];
    for (int run = 0; run < 3; run++) {
      Network[] nets = new Network[4];
      TrainingOptions[] options = new TrainingOptions[4];
      for (int i = 0; i < 4; i++) {
        nets[i] = new Network(Init.uniform(new Shape(Model.HIDDEN, 11, 9, 5, true), i));
        options[i] = TrainingOptions.of(0.01, 30 + 10 * i);
      }
      TrainingOutcome[] outcomes = new GemmTrainer().train(nets, data, options);
      finals[run] = Stream.of(nets).map(Network::weights).toArray(Weights[]::new);
      errors[run] = Stream.of(outcomes).mapToDouble(TrainingOutcome::finalError).toArray();
    }
    for (int run = 1; run < 3; run++) {
      assertArrayEquals(errors[0], errors[run]);
      assertArrayEquals(finals[0], finals[run]);
    }
    // and more than one block was used: blocks of all 700 rows give other bits (the same numbers within rounding)
    Network[] whole = new Network[4];
    TrainingOptions[] options = new TrainingOptions[4];
    for (int i = 0; i < 4; i++) {
      whole[i] = new Network(Init.uniform(new Shape(Model.HIDDEN, 11, 9, 5, true), i));
      options[i] = TrainingOptions.of(0.01, 30 + 10 * i);
    }
    TrainingOutcome[] oneBlock = new GemmTrainer(Blas.get(), 700).train(whole, data, options);
    for (int i = 0; i < 4; i++) {
      assertRelative(oneBlock[i].finalError(), errors[0][i], 1e-12, "network " + i);
    }
  }

  private static void assertWeightsClose(Weights expected, Weights actual, double tolerance, String what) {
    assertMatrixClose(expected.hidden(), actual.hidden(), tolerance, what + " hidden weights");
    assertMatrixClose(new double[][] {expected.hiddenBias()}, new double[][] {actual.hiddenBias()}, tolerance,
        what + " hidden bias");
    assertMatrixClose(expected.output(), actual.output(), tolerance, what + " output weights");
    assertMatrixClose(new double[][] {expected.outputBias()}, new double[][] {actual.outputBias()}, tolerance,
        what + " output bias");
  }

  /** Each entry within {@code tolerance} relative to the matrix's largest entry (weights near 0 have no scale). */
  private static void assertMatrixClose(double[][] expected, double[][] actual, double tolerance, String what) {
    assertEquals(expected.length, actual.length, what);
    double scale = Double.MIN_NORMAL;
    for (double[] row : expected) {
      for (double v : row) {
        scale = Math.max(scale, Math.abs(v));
      }
    }
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i].length, actual[i].length, what);
      for (int j = 0; j < expected[i].length; j++) {
        assertEquals(expected[i][j], actual[i][j], tolerance * scale, what + " [" + i + "][" + j + "]");
      }
    }
  }

  static double[][] matrix(SplittableRandom random, int rows, int cols, double lo, double hi) {
    double[][] m = new double[rows][cols];
    for (double[] row : m) {
      for (int j = 0; j < cols; j++) {
        row[j] = random.nextDouble(lo, hi);
      }
    }
    return m;
  }

  static double[][] onesAndZeros(SplittableRandom random, int rows, int cols) {
    double[][] m = new double[rows][cols];
    for (double[] row : m) {
      for (int j = 0; j < cols; j++) {
        row[j] = random.nextBoolean() ? 1 : 0;
      }
    }
    return m;
  }
}
