package nnsweep.nn;

import java.util.SplittableRandom;

/** Initial weights: the tutorial's uniform [0, 1) draw from a seed. (Fixed weights are just a {@link Weights}.) */
public final class Init {
  private Init() {}

  /**
   * Every weight (and bias, when on) i.i.d. uniform in [0, 1), like {@code numpy.random.rand} in the tutorial.
   *
   * <p>Draw order, fixed so that a seed always gives the same network: {@code hidden} row by row, {@code output} row by
   * row, then {@code hidden-bias}, {@code output-bias}.
   */
  public static Weights uniform(Model model, boolean bias, int inputs, int hidden, int outputs, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int h = model == Model.NONE ? 0 : hidden;
    double[][] wHidden = new double[model == Model.NONE ? 0 : inputs][h];
    for (double[] row : wHidden) {
      fill(row, random);
    }
    double[][] wOut = new double[model == Model.NONE ? inputs : h][outputs];
    for (double[] row : wOut) {
      fill(row, random);
    }
    double[] bHidden = new double[h];
    double[] bOut = new double[outputs];
    if (bias) {
      fill(bHidden, random);
      fill(bOut, random);
    }
    return new Weights(model, bias, wHidden, bHidden, wOut, bOut);
  }

  private static void fill(double[] values, SplittableRandom random) {
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextDouble();
    }
  }
}
