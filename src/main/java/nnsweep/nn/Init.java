package nnsweep.nn;

import java.util.SplittableRandom;

/**
 * Initial weights drawn from a seed: the tutorial's uniform [0, 1), a symmetric uniform [-r, r), Glorot's "xavier".
 * (Fixed weights are just a {@link Weights}.)
 */
public final class Init {
  private Init() {}

  /**
   * Every weight (and bias, when on) i.i.d. uniform in [0, 1), like {@code numpy.random.rand} in the tutorial.
   *
   * <p>Draw order, fixed so that a seed always gives the same network: {@code hidden} row by row, {@code output} row by
   * row, then {@code hidden-bias}, {@code output-bias}.
   */
  public static Weights uniform(Shape shape, long seed) {
    return draw(shape, seed, 0.0, 1.0, 0.0, 1.0, shape.bias());
  }

  /** Every weight (and bias, when on) i.i.d. uniform in [-range, range); same draw order as {@link #uniform}. */
  public static Weights symmetric(Shape shape, long seed, double range) {
    return draw(shape, seed, -range, range, -range, range, shape.bias());
  }

  /**
   * Glorot and Bengio (2010), "xavier" uniform: each layer's weights uniform in [-a, a), a = sqrt(6 / (fan-in +
   * fan-out)); biases 0. Draw order as {@link #uniform} (hidden layer first).
   */
  public static Weights xavier(Shape shape, long seed) {
    double aHidden = Math.sqrt(6.0 / (shape.inputs() + shape.hidden()));
    double aOut = Math.sqrt(6.0 / (shape.outputFanIn() + shape.outputs()));
    return draw(shape, seed, -aHidden, aHidden, -aOut, aOut, false);
  }

  /** Hidden weights in [loH, hiH), output weights in [loO, hiO), biases like their layer's weights when drawn. */
  private static Weights draw(Shape shape, long seed, double loH, double hiH, double loO, double hiO,
      boolean drawBiases) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] wHidden = new double[shape.hasHidden() ? shape.inputs() : 0][shape.hidden()];
    for (double[] row : wHidden) {
      fill(row, random, loH, hiH);
    }
    double[][] wOut = new double[shape.outputFanIn()][shape.outputs()];
    for (double[] row : wOut) {
      fill(row, random, loO, hiO);
    }
    double[] bHidden = new double[shape.hidden()];
    double[] bOut = new double[shape.outputs()];
    if (drawBiases) {
      fill(bHidden, random, loH, hiH);
      fill(bOut, random, loO, hiO);
    }
    return new Weights(shape.model(), shape.bias(), wHidden, bHidden, wOut, bOut);
  }

  private static void fill(double[] values, SplittableRandom random, double lo, double hi) {
    for (int i = 0; i < values.length; i++) {
      // lo + (hi - lo) u; written so [0, 1) stays exactly the tutorial's u
      values[i] = lo == 0.0 && hi == 1.0 ? random.nextDouble() : lo + (hi - lo) * random.nextDouble();
    }
  }
}
