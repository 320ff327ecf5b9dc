package nnsweep.nn;

/**
 * The one rule for a learning rate, the gradient step: > 0 and finite. Each place that takes one (the study file,
 * {@code Study}, {@code NetworkSpec}, {@link TrainingOptions}) checks it here and words its own message.
 */
public final class LearningRate {
  private LearningRate() {}

  /** Whether {@code rate} is a usable learning rate: > 0 and finite. */
  public static boolean valid(double rate) {
    return rate > 0 && Double.isFinite(rate);
  }

  /**
   * {@code rate}, if {@link #valid}.
   *
   * @throws IllegalArgumentException "learning-rate must be > 0 and finite, found {rate}" otherwise
   */
  public static double require(double rate) {
    if (!valid(rate)) {
      throw new IllegalArgumentException("learning-rate must be > 0 and finite, found " + rate);
    }
    return rate;
  }
}
