package nnsweep.nn;

/**
 * Full-batch gradient descent on E = 1/2 sum((O - T)^2): every gradient is taken at the pre-update weights and
 * all layers are updated together (the tutorial's phase 1 and phase 2).
 */
public interface Trainer {
  /** Trains {@code network} in place and reports how it ended. */
  TrainingOutcome train(Network network, TrainingData data, TrainingOptions options);

  /** The trainer used for sweeps: the fused kernel. */
  static Trainer fast() {
    return new FusedTrainer();
  }
}
