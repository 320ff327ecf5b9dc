package nnsweep.nn;

import static nnsweep.testing.Matrices.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import nnsweep.testing.ReferenceCase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every trainer against the independent numpy oracle's results: the fused and Breeze trainers, and the BLAS kernel on
 * netlib's Java BLAS and on this JVM's (native where installed), on the tutorial's cases, other shapes and cases the
 * size of real datasets.
 */
class ReferenceCasesTest {

  static Stream<Arguments> casesAndTrainers() {
    List<ReferenceCase> cases = new java.util.ArrayList<>(ReferenceCase.all());
    cases.addAll(ReferenceCase.real());
    return Stream.of(new FusedTrainer(), new BreezeTrainer(),
            new GemmTrainer(dev.ludovic.netlib.blas.JavaBLAS.getInstance()), new GemmTrainer())
        .flatMap(trainer -> cases.stream().map(c -> Arguments.of(c, trainer)));
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("casesAndTrainers")
  void agreesWithOracle(ReferenceCase c, Trainer trainer) {
    Network net = new Network(c.init());
    TrainingData data = TrainingData.of(c.inputs(), c.targets());

    TrainingOutcome outcome = trainer.train(net, data, TrainingOptions.of(c.learningRate(), c.epochs()));

    assertRelative(c.finalError(), outcome.finalError(), 1e-9, "final_error");
    assertRelative(c.errorBeforeLastUpdate(), outcome.errorBeforeLastUpdate(), 1e-9, "error_before_last_update");
    assertEquals(c.accuracy(), Metrics.accuracy(net, data), 0.0, "accuracy");
    assertEquals(c.epochs(), outcome.epochsRun());
    Weights w = net.weights();
    assertClose(c.finalWeights().hidden(), w.hidden(), "hidden");
    assertClose(c.finalWeights().output(), w.output(), "output");
    assertClose(new double[][] {c.finalWeights().hiddenBias()}, new double[][] {w.hiddenBias()}, "hidden-bias");
    assertClose(new double[][] {c.finalWeights().outputBias()}, new double[][] {w.outputBias()}, "output-bias");
    if (c.queries().length > 0) {
      assertClose(c.predictions(), Metrics.predictions(net, c.queries()), "predictions");
    }
  }

  static void assertRelative(double expected, double actual, double tolerance, String what) {
    double rel = Math.abs(actual - expected) / Math.max(Math.abs(expected), Double.MIN_NORMAL);
    if (!(rel <= tolerance)) {
      throw new AssertionError(what + ": expected " + expected + ", found " + actual + " (relative " + rel + ")");
    }
  }
}
