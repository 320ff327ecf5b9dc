package nnsweep.nn;

/**
 * Full-batch gradient descent on E = 1/2 sum((O - T)^2): every gradient is taken at the pre-update weights and
 * all layers are updated together (the tutorial's phase 1 and phase 2).
 */
public interface Trainer {
  /** Trains {@code network} in place and reports how it ended. */
  TrainingOutcome train(Network network, TrainingData data, TrainingOptions options);

  /**
   * {@link FusedTrainer}: trains a network alone where {@link Kernel#of} chooses {@link Kernel#LOCKSTEP} for its
   * shape, with the numbers {@link LockstepTrainer} gives it in a group, bit for bit. The kernel is chosen per shape
   * and row count by {@link Kernel#of}; {@link Kernel#GEMM} shapes are trained by {@link GemmTrainer}, alone or in
   * groups.
   */
  static Trainer fast() {
    return new FusedTrainer();
  }
}
