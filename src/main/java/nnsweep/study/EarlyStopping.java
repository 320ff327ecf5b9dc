package nnsweep.study;

import java.io.Serializable;
import java.util.TreeSet;

/**
 * Validation-based early stopping (study key {@code early-stopping}, docs/validation.md): each network's validation
 * error is measured at {@code checks} checkpoints spread evenly over its epoch budget (and at its initial weights), and
 * the network keeps the weights of the checkpoint with the lowest validation error (ties: the earlier one).
 *
 * @param checks validation checkpoints per network: after round(i x epochs / checks) updates, i = 1..checks
 * @param patience stop a network after this many consecutive checks without a strictly lower validation error; 0
 *     never stops it (it trains its whole budget)
 */
public record EarlyStopping(int checks, int patience) implements Serializable {
  /** Checks per network when the study's {@code early-stopping} block does not say. */
  public static final int DEFAULT_CHECKS = 40;

  public EarlyStopping {
    if (checks < 1) {
      throw new IllegalArgumentException("early-stopping.checks must be >= 1, found " + checks);
    }
    if (patience < 0) {
      throw new IllegalArgumentException("early-stopping.patience must be >= 0, found " + patience);
    }
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
