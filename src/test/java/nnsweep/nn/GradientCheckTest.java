package nnsweep.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ludovic.netlib.blas.JavaBLAS;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Finite-difference check of backpropagation: the step each trainer takes must be -rate times the gradient of
 * E = 1/2 sum((O - T)^2), estimated by central differences, for every parameter, bias on and off, both models;
 * {@link GemmTrainer} on netlib's Java BLAS and on this JVM's choice (native where installed), and in row blocks.
 */
class GradientCheckTest {
  private static final double H = 1e-6;

  static Stream<Arguments> shapes() {
    // blocks of 2 rows: the 5 rows below in three row blocks, the gradients summed over them
    return Stream.of(new FusedTrainer(), new BreezeTrainer(), new GemmTrainer(JavaBLAS.getInstance()),
        new GemmTrainer(), new GemmTrainer(JavaBLAS.getInstance(), 2)).flatMap(trainer -> Stream.of(
        Arguments.of(trainer, Model.HIDDEN, false, 2, 3, 1),
        Arguments.of(trainer, Model.HIDDEN, true, 2, 3, 1),
        Arguments.of(trainer, Model.HIDDEN, true, 3, 4, 2),
        Arguments.of(trainer, Model.HIDDEN, false, 4, 1, 3),
        Arguments.of(trainer, Model.NONE, false, 2, 0, 1),
        Arguments.of(trainer, Model.NONE, true, 3, 0, 2),
        Arguments.of(trainer, Model.HIDDEN, true, 12, 7, 4),
        Arguments.of(trainer, Model.NONE, true, 9, 0, 3)));
  }

  @ParameterizedTest(name = "{0} {1} bias={2} {3}-{4}-{5}")
  @MethodSource("shapes")
  void stepIsMinusRateTimesNumericalGradient(Trainer trainer, Model model, boolean bias, int in, int h, int out) {
    SplittableRandom random = new SplittableRandom(in * 100 + h * 10 + out + (bias ? 7 : 0));
    double[][] x = randomMatrix(5, in, random, 0, 1);
    double[][] t = randomMatrix(5, out, random, 0, 1);
    TrainingData data = TrainingData.of(x, t);
    Weights start = symmetric(Init.uniform(new Shape(model, in, h, out, bias), random.nextLong()));
    double rate = 1.0;

    Network net = new Network(start);
    trainer.train(net, data, TrainingOptions.of(rate, 1));
    double[] analytic = difference(flatten(start), flatten(net.weights()), rate);

    double[] params = flatten(start);
    Function<double[], Double> error = p -> {
      Network probe = new Network(unflatten(start, p));
      return FusedTrainer.error(probe, Matrices.data(data.x()), Matrices.data(data.t()), data.rows());
    };
    int checked = 0;
    for (int p = 0; p < params.length; p++) {
      if (!bias && isBias(start, p)) {
        assertEquals(0.0, analytic[p], 0.0, "bias off: bias " + p + " must not move");
        continue;
      }
      double[] plus = params.clone();
      double[] minus = params.clone();
      plus[p] += H;
      minus[p] -= H;
      double numeric = (error.apply(plus) - error.apply(minus)) / (2 * H);
      assertEquals(numeric, analytic[p], 1e-8 + 1e-6 * Math.abs(numeric), "parameter " + p);
      checked++;
    }
    assertEquals(start.count(), checked, "every trainable parameter checked");
  }

  private static Weights symmetric(Weights w) {
    // centre the tutorial's [0,1) draw on 0 so gradients have both signs
    double[] p = flatten(w);
    for (int i = 0; i < p.length; i++) {
      p[i] = isBias(w, i) && !w.bias() ? 0.0 : 2 * p[i] - 1;
    }
    return unflatten(w, p);
  }

  private static double[] difference(double[] before, double[] after, double rate) {
    double[] g = new double[before.length];
    for (int i = 0; i < g.length; i++) {
      g[i] = (before[i] - after[i]) / rate;
    }
    return g;
  }

  static double[] flatten(Weights w) {
    int size = count(w.hidden()) + w.hiddenBias().length + count(w.output()) + w.outputBias().length;
    double[] p = new double[size];
    int i = 0;
    for (double[] row : w.hidden()) {
      for (double v : row) {
        p[i++] = v;
      }
    }
    for (double[] row : w.output()) {
      for (double v : row) {
        p[i++] = v;
      }
    }
    for (double v : w.hiddenBias()) {
      p[i++] = v;
    }
    for (double v : w.outputBias()) {
      p[i++] = v;
    }
    return p;
  }

  static Weights unflatten(Weights shape, double[] p) {
    double[][] hidden = new double[shape.hidden().length][shape.hiddenUnits()];
    double[][] output = new double[shape.output().length][shape.outputs()];
    double[] hb = new double[shape.hiddenBias().length];
    double[] ob = new double[shape.outputBias().length];
    int i = 0;
    for (double[] row : hidden) {
      for (int j = 0; j < row.length; j++) {
        row[j] = p[i++];
      }
    }
    for (double[] row : output) {
      for (int j = 0; j < row.length; j++) {
        row[j] = p[i++];
      }
    }
    for (int j = 0; j < hb.length; j++) {
      hb[j] = p[i++];
    }
    for (int j = 0; j < ob.length; j++) {
      ob[j] = p[i++];
    }
    return new Weights(shape.model(), shape.bias(), hidden, hb, output, ob);
  }

  private static boolean isBias(Weights w, int index) {
    return index >= count(w.hidden()) + count(w.output());
  }

  private static int count(double[][] m) {
    return m.length == 0 ? 0 : m.length * m[0].length;
  }

  private static double[][] randomMatrix(int rows, int cols, SplittableRandom r, double lo, double hi) {
    double[][] m = new double[rows][cols];
    for (double[] row : m) {
      for (int j = 0; j < cols; j++) {
        row[j] = lo + (hi - lo) * r.nextDouble();
      }
    }
    return m;
  }
}
