package nnsweep.nn;

/** The logistic sigmoid s(z) = 1 / (1 + e^-z), the activation of every unit. */
public final class Sigmoid {
  private Sigmoid() {}

  /** s(z). */
  public static double s(double z) {
    return 1.0 / (1.0 + Math.exp(-z));
  }

  /** s'(z) written in terms of the activation a = s(z): a (1 - a), so the forward pass's value is reused. */
  public static double derivativeFromActivation(double a) {
    return a * (1.0 - a);
  }
}
