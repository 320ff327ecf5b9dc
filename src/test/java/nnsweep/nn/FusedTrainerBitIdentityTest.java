package nnsweep.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import nnsweep.testing.ReferenceCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The optimised {@link FusedTrainer} gives bit for bit what the kernel gave before it was optimised
 * ({@link OriginalFusedTrainer}): the same outcome, every field, and the same final weights, to the last bit.
 */
class FusedTrainerBitIdentityTest {

  static Stream<Arguments> referenceCases() {
    return ReferenceCase.all().stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("referenceCases")
  void referenceCasesAreBitIdentical(ReferenceCase c) {
    TrainingData data = TrainingData.of(c.inputs(), c.targets());
    TrainingOptions options = new TrainingOptions(c.learningRate(), c.epochs(), Double.NEGATIVE_INFINITY,
        TrainingOptions.logSpacedEpochs(c.epochs(), 30));
    compare(c.init(), data, options, c.name());
  }

  /** 600 random problems: every shape up to 6-8-4 on 20 rows, both models, bias on and off, any options. */
  @Test
  void randomProblemsAreBitIdentical() {
    SplittableRandom r = new SplittableRandom(20260101);
    int diverged = 0;
    int stopped = 0;
    int curves = 0;
    for (int c = 0; c < 600; c++) {
      KernelCases.Problem p = KernelCases.problem(r, 6, 8, 4, 20);
      int epochs = r.nextInt(10) == 0 ? r.nextInt(3) : 1 + r.nextInt(600);
      TrainingOptions options = KernelCases.options(r, epochs);
      TrainingOutcome outcome = compare(p.init(r), p.data(), options, "case " + c + ": " + p + ", " + options);
      diverged += outcome.diverged() ? 1 : 0;
      stopped += !outcome.diverged() && outcome.epochsRun() < epochs ? 1 : 0;
      curves += options.curveEpochs().length > 0 ? 1 : 0;
    }
    assertTrue(diverged >= 10 && stopped >= 10 && curves >= 100,
        "the cases must exercise divergence, early stops and curves: " + diverged + ", " + stopped + ", " + curves);
  }

  /** Stops right at, right after and right before curve epochs, which is where the kernel consults its log. */
  @Test
  void stopsAndCurvesAroundTheLogsCheckpoints() {
    TrainingData or = TrainingData.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
        new double[][] {{0}, {1}, {1}, {1}});
    Weights start = Init.uniform(new Shape(Model.HIDDEN, 2, 3, 1, true), 3);
    TrainingOutcome free = new OriginalFusedTrainer().train(new Network(start), or, TrainingOptions.of(0.5, 3000));
    double[] e = new double[3001];
    int[] all = new int[3001];
    for (int k = 0; k <= 3000; k++) {
      all[k] = k;
    }
    TrainingOutcome everyEpoch =
        new OriginalFusedTrainer().train(new Network(start), or, new TrainingOptions(0.5, 3000,
            Double.NEGATIVE_INFINITY, all));
    System.arraycopy(everyEpoch.curve(), 0, e, 0, e.length);
    assertEquals(free.finalError(), e[3000], 0.0);
    for (int stopAt : new int[] {0, 1, 2, 57, 1000, 2999, 3000}) {
      double stop = e[stopAt];
      for (int[] curve : new int[][] {{}, {stopAt}, {Math.max(0, stopAt - 1)}, {Math.min(3000, stopAt + 1)},
          {0, Math.max(0, stopAt - 1), stopAt, 3000}, TrainingOptions.logSpacedEpochs(3000, 40)}) {
        int[] sorted = java.util.Arrays.stream(curve).distinct().sorted().toArray();
        compare(start, or, new TrainingOptions(0.5, 3000, stop, sorted), "stop at " + stopAt);
      }
    }
  }

  @Test
  void noEpochsAndNonFiniteStarts() {
    TrainingData or = TrainingData.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
        new double[][] {{0}, {1}, {1}, {1}});
    Weights start = Init.uniform(new Shape(Model.HIDDEN, 2, 2, 1, false), 1);
    compare(start, or, new TrainingOptions(0.05, 0, Double.NEGATIVE_INFINITY, new int[] {0}), "0 epochs");
    compare(start, or, new TrainingOptions(0.05, 0, 1.0, new int[0]), "0 epochs, target reached");
    compare(start, or, new TrainingOptions(0.05, 5, 1.0, new int[] {0, 5}), "target reached at once");
    Weights nan = new Weights(Model.HIDDEN, false, new double[][] {{Double.NaN, 1}, {1, 1}}, new double[2],
        new double[][] {{1}, {1}}, new double[1]);
    compare(nan, or, new TrainingOptions(0.05, 5, Double.NEGATIVE_INFINITY, new int[] {0, 1}), "NaN weight");
    Weights inf = new Weights(Model.NONE, true, new double[0][0], new double[0],
        new double[][] {{Double.POSITIVE_INFINITY}, {Double.NEGATIVE_INFINITY}}, new double[] {1});
    compare(inf, or, TrainingOptions.of(0.05, 5), "infinite weights");
  }

  @Test
  void signedZerosSurvive() {
    // zero inputs times negative weights make -0.0 products; -0.0 weights and biases (allowed when bias is off)
    TrainingData data = TrainingData.of(new double[][] {{0, -0.0}, {-0.0, 1}, {1, 0}},
        new double[][] {{0, 0}, {1, 0}, {1, 1}});
    Weights w = new Weights(Model.HIDDEN, false, new double[][] {{-0.0, -1}, {-0.5, -0.0}}, new double[] {-0.0, 0},
        new double[][] {{-0.0, -2}, {0.3, -0.0}}, new double[] {0, -0.0});
    compare(w, data, new TrainingOptions(0.7, 200, Double.NEGATIVE_INFINITY, new int[] {0, 1, 2, 200}), "zeros");
    Weights none = new Weights(Model.NONE, false, new double[0][0], new double[0],
        new double[][] {{-0.0, 0}, {-0.0, -0.0}}, new double[] {-0.0, -0.0});
    compare(none, data, TrainingOptions.of(0.7, 200), "zeros, no hidden layer");
  }

  private static TrainingOutcome compare(Weights start, TrainingData data, TrainingOptions options, String what) {
    Network expectedNet = new Network(start);
    Network actualNet = new Network(start);
    TrainingOutcome expected = new OriginalFusedTrainer().train(expectedNet, data, options);
    TrainingOutcome actual = new FusedTrainer().train(actualNet, data, options);
    KernelCases.assertSame(expected, expectedNet, actual, actualNet, what);
    return expected;
  }
}
