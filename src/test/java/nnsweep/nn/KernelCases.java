package nnsweep.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Random training problems for the bit-identity tests of the kernels: any shape, both models, bias on and off, data
 * with zeros and negative values (signed-zero products), targets far outside (0, 1) now and then (divergence), and
 * options with stop-errors and curves.
 */
final class KernelCases {
  private KernelCases() {}

  /** A random shape and its data. */
  record Problem(Model model, boolean bias, int in, int h, int out, TrainingData data) {
    Weights init(SplittableRandom r) {
      Weights w = Init.uniform(new Shape(model, in, h, out, bias), r.nextLong());
      return r.nextInt(4) == 0 ? centred(w) : w;
    }

    @Override
    public String toString() {
      return model + " bias=" + bias + " " + in + "-" + h + "-" + out + " on " + data.rows() + " rows";
    }
  }

  static Problem problem(SplittableRandom r, int maxIn, int maxHidden, int maxOut, int maxRows) {
    Model model = r.nextBoolean() ? Model.HIDDEN : Model.NONE;
    boolean bias = r.nextBoolean();
    int in = 1 + r.nextInt(maxIn);
    int h = model == Model.HIDDEN ? 1 + r.nextInt(maxHidden) : 0;
    int out = 1 + r.nextInt(maxOut);
    int n = 1 + r.nextInt(maxRows);
    double[][] x = new double[n][in];
    double[][] t = new double[n][out];
    int kind = r.nextInt(4);
    for (double[] row : x) {
      for (int q = 0; q < in; q++) {
        row[q] = switch (kind) {
          case 0 -> r.nextInt(2);
          case 1 -> r.nextDouble() * 4 - 2;
          case 2 -> r.nextInt(3) - 1;
          default -> r.nextDouble();
        };
      }
    }
    for (double[] row : t) {
      for (int o = 0; o < out; o++) {
        row[o] = r.nextInt(6) == 0 ? 1e6 : r.nextInt(2);
      }
    }
    return new Problem(model, bias, in, h, out, TrainingData.of(x, t));
  }

  /** Options with a random rate (from gentle to divergent), stop-error (or none) and curve (or none). */
  static TrainingOptions options(SplittableRandom r, int epochs) {
    double rate = new double[] {0.05, 0.5, 3, 50, 1e-7, 1e303, 1e305}[r.nextInt(7)];
    double stop = r.nextBoolean() ? Double.NEGATIVE_INFINITY : r.nextDouble() * 0.5;
    int[] curve = r.nextBoolean() ? new int[0] : TrainingOptions.logSpacedEpochs(epochs, 1 + r.nextInt(30));
    return new TrainingOptions(rate, epochs, stop, curve);
  }

  /** The tutorial's [0, 1) draw moved to [-0.5, 0.5): weights of both signs (bias stays zero when off). */
  static Weights centred(Weights w) {
    double[][] hidden = Arrays.stream(w.hidden()).map(row -> shift(row, true)).toArray(double[][]::new);
    double[][] output = Arrays.stream(w.output()).map(row -> shift(row, true)).toArray(double[][]::new);
    return new Weights(w.model(), w.bias(), hidden, shift(w.hiddenBias(), w.bias()), output,
        shift(w.outputBias(), w.bias()));
  }

  private static double[] shift(double[] v, boolean on) {
    double[] s = v.clone();
    for (int i = 0; i < s.length && on; i++) {
      s[i] -= 0.5;
    }
    return s;
  }

  /** Same outcome (every field, bit for bit: {@link TrainingOutcome#equals}) and the same weights, bit for bit. */
  static void assertSame(TrainingOutcome expected, Network expectedNet, TrainingOutcome actual, Network actualNet,
      String what) {
    assertEquals(expected, actual, what + ": outcome");
    assertEquals(expectedNet.weights(), actualNet.weights(), what + ": weights");
  }
}
