package nnsweep.study;

import java.io.Serializable;
import java.util.TreeSet;

/**
 * Validation-based early stopping (study key {@code early-stopping}, docs/validation.md): each network's validation
 * error is measured at {@code checks} checkpoints spread evenly over its epoch budget (and at its initial weights), and
 * the network keeps the weights of the checkpoint with the lowest validation error (ties: the earlier one). With a
 * {@code minImprovement} m > 0 a check counts as an improvement only when its error is below (1 - m) x the best so far
 * (Keras' {@code min_delta}, relative like PyTorch's {@code threshold_mode = "rel"}): the kept weights are those of the
 * last such check, and a network whose error falls by less than m over {@code patience} checks stops.
 *
 * @param checks validation checkpoints per network: after round(i x epochs / checks) updates, i = 1..checks
 * @param patience stop a network after this many consecutive checks without a strictly lower validation error; 0
 *     never stops it (it trains its whole budget)
 * @param minImprovement the share by which a check must lower the best validation error to count as an improvement,
 *     in [0, 1); 0 counts any strictly lower error
 */
public record EarlyStopping(int checks, int patience, double minImprovement) implements Serializable {
  /** Checks per network when the study's {@code early-stopping} block does not say. */
  public static final int DEFAULT_CHECKS = 40;

  public EarlyStopping {
    if (checks < 1) {
      throw new IllegalArgumentException("early-stopping.checks must be >= 1, found " + checks);
    }
    if (patience < 0) {
      throw new IllegalArgumentException("early-stopping.patience must be >= 0, found " + patience);
    }
    if (!(minImprovement >= 0 && minImprovement < 1)) {
      throw new IllegalArgumentException("early-stopping.min-improvement must be in [0, 1), found " + minImprovement);
    }
  }

  /** Early stopping that counts any strictly lower validation error as an improvement. */
  public EarlyStopping(int checks, int patience) {
    this(checks, patience, 0.0);
  }

  /** Whether a check's validation error {@code error} improves on {@code best} by the required share. */
  public boolean improves(double error, double best) {
    return error < best * (1 - minImprovement);
  }

  /**
   * The update counts k at which a network of {@code epochs} updates is checked, ascending and distinct:
   * round(i x epochs / checks) for i = 1..checks, without 0 (the initial weights are always checked) and always
   * ending at {@code epochs}.
   */
  public int[] checkpoints(int epochs) {
    TreeSet<Integer> ks = new TreeSet<>();
    for (int i = 1; i <= checks; i++) {
      long k = Math.round((double) i * epochs / checks);
      if (k > 0) {
        ks.add((int) k);
      }
    }
    return ks.stream().mapToInt(Integer::intValue).toArray();
  }
}
