package nnsweep.nn;

import java.io.Serializable;
import java.util.Arrays;

/**
 * How long and how fast to train, and what to record on the way.
 *
 * @param learningRate the gradient step, > 0 and finite
 * @param epochs number of full-batch updates, >= 0
 * @param stopError stop once E <= stopError before an update; {@code Double.NEGATIVE_INFINITY} never stops early
 * @param curveEpochs sorted distinct update counts k at which to record E after k updates (may be empty)
 */
public record TrainingOptions(double learningRate, int epochs, double stopError, int[] curveEpochs)
    implements Serializable {

  public TrainingOptions {
    LearningRate.require(learningRate);
    if (epochs < 0) {
      throw new IllegalArgumentException("epochs must be >= 0, found " + epochs);
    }
    if (Double.isNaN(stopError)) {
      throw new IllegalArgumentException("stop-error must be a number, found NaN");
    }
    curveEpochs = curveEpochs.clone();
    for (int i = 0; i < curveEpochs.length; i++) {
      if (curveEpochs[i] < 0 || curveEpochs[i] > epochs || (i > 0 && curveEpochs[i] <= curveEpochs[i - 1])) {
        throw new IllegalArgumentException("curve epochs must be sorted, distinct and in [0, " + epochs + "], found "
            + Arrays.toString(curveEpochs));
      }
    }
  }

  /** Plain training: {@code epochs} updates at {@code learningRate}, nothing recorded. */
  public static TrainingOptions of(double learningRate, int epochs) {
    return new TrainingOptions(learningRate, epochs, Double.NEGATIVE_INFINITY, new int[0]);
  }

  /**
   * About {@code points} log-spaced update counts in [0, epochs] (always 0 and epochs), for error-vs-epoch curves.
   */
  public static int[] logSpacedEpochs(int epochs, int points) {
    if (points <= 0 || epochs <= 0) {
      return points <= 0 ? new int[0] : new int[] {0};
    }
    java.util.TreeSet<Integer> ks = new java.util.TreeSet<>();
    ks.add(0);
    ks.add(epochs);
    for (int i = 0; i < points - 1; i++) {
      ks.add((int) Math.round(Math.pow(epochs, i / (double) (points - 2 > 0 ? points - 2 : 1))));
    }
    ks.removeIf(k -> k < 0 || k > epochs);
    return ks.stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrainingOptions t && Double.compare(learningRate, t.learningRate) == 0 && epochs == t.epochs
        && Double.compare(stopError, t.stopError) == 0 && Arrays.equals(curveEpochs, t.curveEpochs);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Objects.hash(learningRate, epochs, stopError) + Arrays.hashCode(curveEpochs);
  }

  @Override
  public String toString() {
    return "TrainingOptions[learningRate=" + learningRate + ", epochs=" + epochs + ", stopError=" + stopError
        + ", curveEpochs=" + Arrays.toString(curveEpochs) + "]";
  }
}
