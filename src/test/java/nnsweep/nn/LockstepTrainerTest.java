package nnsweep.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import nnsweep.testing.ReferenceCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every network trained in lockstep ends bit for bit where {@link FusedTrainer} takes it alone: the same outcome
 * (final error, error before the last update, epochs run, epochs to target, divergence, curve) and the same weights,
 * whatever the other lanes do.
 */
class LockstepTrainerTest {
  private static final TrainingData OR = TrainingData.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
      new double[][] {{0}, {1}, {1}, {1}});

  /**
   * 250 random groups of 1 to 40 networks of one shape (up to 6-9-5 on 14 rows: full and partial blocks of rows, one
   * or several groups of terms per sum), each network with its own initial weights, learning rate (some divergent),
   * epochs, stop-error and curve, trained with 1 to 20 lanes.
   */
  @Test
  void randomGroupsAreBitIdenticalToFusedTrainer() {
    SplittableRandom r = new SplittableRandom(77);
    int networks = 0;
    int diverged = 0;
    int stopped = 0;
    for (int c = 0; c < 250; c++) {
      KernelCases.Problem p = KernelCases.problem(r, 6, 9, 5, 14);
      int count = 1 + r.nextInt(40);
      int epochs = 1 + r.nextInt(400);
      Weights[] starts = new Weights[count];
      TrainingOptions[] options = new TrainingOptions[count];
      for (int l = 0; l < count; l++) {
        starts[l] = p.init(r);
        options[l] = KernelCases.options(r, r.nextInt(6) == 0 ? r.nextInt(epochs + 1) : epochs);
      }
      TrainingOutcome[] expected = compare(starts, p.data(), options, 1 + r.nextInt(20), "group " + c + ": " + p);
      for (int l = 0; l < count; l++) {
        networks++;
        diverged += expected[l].diverged() ? 1 : 0;
        stopped += !expected[l].diverged() && expected[l].epochsRun() < options[l].epochs() ? 1 : 0;
      }
    }
    assertTrue(diverged >= 50 && stopped >= 50,
        networks + " networks must include divergent and early-stopped ones: " + diverged + ", " + stopped);
  }

  /**
   * One group of the tutorial's shape (2-3-1, bias) whose lanes leave at different epochs: on OR, lanes with different
   * learning rates reach their stop-errors at different epochs while others run all their epochs (two epoch counts);
   * on data with targets of 1e6, lanes with huge rates diverge after one or two updates (and a lane whose initial
   * weights hold a NaN before any) while slow lanes creep to their stop-errors. Each lane must leave the lockstep
   * exactly where FusedTrainer stops it (weights, epochs run, error before the last update, curve), and the others
   * carry on unaffected.
   */
  @Test
  void lanesStopAndDivergeAtDifferentEpochs() {
    double[] orRates = {0.05, 0.5, 2.0, 8.0, 0.5, 0.5, 1.0, 1e305, 0.05, 3.0, 0.7, 1.5};
    double[] orStops = {Double.NEGATIVE_INFINITY, 0.05, 0.02, 0.01, 0.1, 0.003, Double.NEGATIVE_INFINITY,
        Double.NEGATIVE_INFINITY, 0.2, 0.001, 0.01, 0.004};
    int[] orEpochs = {3000, 3000, 3000, 3000, 3000, 3000, 1500, 3000, 3000, 3000, 3000, 3000};
    TrainingOutcome[] or = group(OR, starts(orRates.length), orRates, orStops, orEpochs);
    assertTrue(stopEpochs(or, orEpochs).size() >= 6, "lanes stop at different epochs: " + stopEpochs(or, orEpochs));

    TrainingData huge = TrainingData.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
        new double[][] {{0}, {1e6}, {1e6}, {0}});
    double[] hugeRates = {1e-9, 1e-8, 1e-7, 1e-6, 1e305, 1e303, 1e-8, 1e302, 1e-7, 1e304, 1e-9, 1e-6};
    double base = 1e12;
    double[] hugeStops = {base - 1.8e6, base - 1.9e6, base - 1.99e6, base - 1.9999e6, Double.NEGATIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, base - 1.9e6,
        Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, base - 1.999e6};
    int[] hugeEpochs = {3000, 3000, 3000, 3000, 3000, 3000, 3000, 3000, 2000, 3000, 1000, 3000};
    Weights[] hugeStarts = starts(hugeRates.length);
    Weights w = hugeStarts[6];
    double[][] nan = {w.hidden()[0].clone(), w.hidden()[1]};
    nan[0][1] = Double.NaN;
    hugeStarts[6] = new Weights(w.model(), w.bias(), nan, w.hiddenBias(), w.output(), w.outputBias());
    TrainingOutcome[] h = group(huge, hugeStarts, hugeRates, hugeStops, hugeEpochs);
    TreeSet<Integer> divergedAt = new TreeSet<>();
    for (TrainingOutcome o : h) {
      if (o.diverged()) {
        divergedAt.add(o.epochsRun());
      }
    }
    assertTrue(divergedAt.size() >= 3, "lanes diverge at different epochs: " + divergedAt);
    assertTrue(stopEpochs(h, hugeEpochs).size() >= 4, "lanes stop at different epochs: " + stopEpochs(h, hugeEpochs));
  }

  private static Weights[] starts(int count) {
    Weights[] starts = new Weights[count];
    for (int l = 0; l < count; l++) {
      starts[l] = Init.uniform(new Shape(Model.HIDDEN, 2, 3, 1, true), 10 + l);
    }
    return starts;
  }

  private static TrainingOutcome[] group(TrainingData data, Weights[] starts, double[] rates, double[] stops,
      int[] epochs) {
    TrainingOptions[] options = new TrainingOptions[rates.length];
    for (int l = 0; l < rates.length; l++) {
      options[l] = new TrainingOptions(rates[l], epochs[l], stops[l], TrainingOptions.logSpacedEpochs(epochs[l], 25));
    }
    return compare(starts, data, options, 16, "tutorial shape");
  }

  /** The epochs at which lanes stopped early without diverging. */
  private static TreeSet<Integer> stopEpochs(TrainingOutcome[] outcomes, int[] epochs) {
    TreeSet<Integer> at = new TreeSet<>();
    for (int l = 0; l < outcomes.length; l++) {
      if (!outcomes[l].diverged() && outcomes[l].epochsRun() < epochs[l]) {
        at.add(outcomes[l].epochsRun());
      }
    }
    return at;
  }

  /** Every row count from 1 to 9 (partial and full blocks of four rows), with sums of more than four terms. */
  @ParameterizedTest(name = "{0} bias={1}")
  @MethodSource("modelsAndBias")
  void everyRowCountAndWideSums(Model model, boolean bias) {
    SplittableRandom r = new SplittableRandom(model.ordinal() * 2 + (bias ? 1 : 0));
    for (int n = 1; n <= 9; n++) {
      double[][] x = new double[n][9];
      double[][] t = new double[n][6];
      for (int i = 0; i < n; i++) {
        for (int q = 0; q < 9; q++) {
          x[i][q] = r.nextDouble() * 2 - 1;
        }
        for (int o = 0; o < 6; o++) {
          t[i][o] = r.nextInt(2);
        }
      }
      TrainingData data = TrainingData.of(x, t);
      Weights[] starts = new Weights[5];
      TrainingOptions[] options = new TrainingOptions[5];
      for (int l = 0; l < 5; l++) {
        starts[l] = KernelCases.centred(Init.uniform(new Shape(model, 9, model == Model.NONE ? 0 : 7, 6, bias), r.nextLong()));
        options[l] = new TrainingOptions(0.1 * (l + 1), 300, Double.NEGATIVE_INFINITY, new int[] {0, 10, 300});
      }
      compare(starts, data, options, 8, n + " rows");
    }
  }

  static Stream<Arguments> modelsAndBias() {
    return Stream.of(Arguments.of(Model.HIDDEN, false), Arguments.of(Model.HIDDEN, true),
        Arguments.of(Model.NONE, false), Arguments.of(Model.NONE, true));
  }

  /** Each reference case, as a group of copies with different learning rates, and alone through Trainer. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("referenceCases")
  void referenceCases(ReferenceCase c) {
    TrainingData data = TrainingData.of(c.inputs(), c.targets());
    Weights[] starts = new Weights[6];
    TrainingOptions[] options = new TrainingOptions[6];
    for (int l = 0; l < 6; l++) {
      starts[l] = c.init();
      options[l] = TrainingOptions.of(c.learningRate() * (1 + l / 10.0), c.epochs());
    }
    compare(starts, data, options, 4, c.name());

    Network alone = new Network(c.init());
    TrainingOutcome outcome = new LockstepTrainer().train(alone, data, TrainingOptions.of(c.learningRate(),
        c.epochs()));
    ReferenceCasesTest.assertRelative(c.finalError(), outcome.finalError(), 1e-9, "final_error vs the oracle");
  }

  static Stream<Arguments> referenceCases() {
    return ReferenceCase.all().stream().map(Arguments::of);
  }

  @Test
  void rejectsGroupsItCannotTrainInLockstep() {
    Network a = new Network(Init.uniform(new Shape(Model.HIDDEN, 2, 3, 1, false), 1));
    Network b = new Network(Init.uniform(new Shape(Model.HIDDEN, 2, 4, 1, false), 2));
    Network c = new Network(Init.uniform(new Shape(Model.HIDDEN, 2, 3, 1, true), 3));
    Network d = new Network(Init.uniform(new Shape(Model.NONE, 2, 0, 1, false), 4));
    Network e = new Network(Init.uniform(new Shape(Model.HIDDEN, 3, 3, 1, false), 5));
    TrainingOptions o = TrainingOptions.of(0.1, 10);
    LockstepTrainer trainer = new LockstepTrainer();
    for (Network other : new Network[] {b, c, d}) {
      IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
          () -> trainer.train(new Network[] {a, other}, OR, new TrainingOptions[] {o, o}));
      assertTrue(ex.getMessage().contains("one shape"), ex.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> trainer.train(new Network[] {e}, OR, new TrainingOptions[] {o}));
    assertThrows(IllegalArgumentException.class, () -> trainer.train(new Network[] {a}, OR, new TrainingOptions[0]));
    assertThrows(IllegalArgumentException.class,
        () -> trainer.train(new Network[] {a, a}, OR, new TrainingOptions[] {o, o}));
    assertThrows(IllegalArgumentException.class, () -> new LockstepTrainer(0));
    assertEquals(0, trainer.train(new Network[0], OR, new TrainingOptions[0]).length);
  }

  /** Trains copies of {@code starts} with FusedTrainer one by one and in lockstep, and compares every network. */
  private static TrainingOutcome[] compare(Weights[] starts, TrainingData data, TrainingOptions[] options, int lanes,
      String what) {
    Network[] alone = Arrays.stream(starts).map(Network::new).toArray(Network[]::new);
    Network[] together = Arrays.stream(starts).map(Network::new).toArray(Network[]::new);
    TrainingOutcome[] expected = new TrainingOutcome[starts.length];
    for (int l = 0; l < starts.length; l++) {
      expected[l] = new FusedTrainer().train(alone[l], data, options[l]);
    }
    TrainingOutcome[] actual = new LockstepTrainer(lanes).train(together, data, options);
    assertEquals(starts.length, actual.length);
    for (int l = 0; l < starts.length; l++) {
      KernelCases.assertSame(expected[l], alone[l], actual[l], together[l],
          what + ", network " + l + " of " + starts.length + " (" + lanes + " lanes), " + options[l]);
    }
    return expected;
  }
}
