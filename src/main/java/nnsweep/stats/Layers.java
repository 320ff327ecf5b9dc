package nnsweep.stats;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnsweep.grid.Cell;

/**
 * No hidden layer vs one hidden layer, side by side, per dataset, bias, learning rate, epochs and init (the
 * tutorial's "comparison with a single-layer neural network", measured): the rows of {@code layers.csv}. The hidden
 * side pools every hidden size; the best hidden size (lowest median error) is given too. Error statistics leave out
 * diverged networks.
 */
public final class Layers {
  /** The grouping key. */
  public record Key(String dataset, boolean bias, double learningRate, int epochs, String init)
      implements Serializable {
    static Key of(Cell cell) {
      return new Key(cell.dataset(), cell.bias(), cell.learningRate(), cell.epochs(), cell.init());
    }
  }

  /** One side of the comparison: a pool of networks (errors leave out diverged ones). */
  public record Side(long networks, double bestError, Stats.Quartiles quartiles, Stats.Rate success)
      implements Serializable {
    public double medianError() {
      return quartiles.median();
    }
  }

  /**
   * One row; {@code medianErrorRatio} = none median / hidden median (how many times lower the hidden layer's
   * median error is). {@code none} or {@code hidden} is null when the study has no such model.
   */
  public record Row(Key key, Side none, Side hidden, double medianErrorRatio, int bestHiddenSize,
      double bestHiddenMedianError, double bestHiddenSuccessRate) implements Serializable {}

  private Layers() {}

  /** The rows of some cells, in order of each row's first network id. */
  public static List<Row> summarise(Collection<CellStats> cells) {
    Map<Key, List<CellStats>> groups = new LinkedHashMap<>();
    for (CellStats c : CellStats.inIdOrder(cells)) {
      groups.computeIfAbsent(Key.of(c.key()), k -> new ArrayList<>()).add(c);
    }
    List<Row> rows = new ArrayList<>();
    for (var e : groups.entrySet()) {
      List<CellStats> none = e.getValue().stream().filter(c -> !c.hidden()).toList();
      List<CellStats> hidden = e.getValue().stream().filter(CellStats::hidden).toList();
      Side noneSide = side(none);
      Side hiddenSide = side(hidden);
      HiddenSizes sizes = HiddenSizes.of(hidden);
      int bestSize = sizes.best();
      Side best = bestSize == 0 ? null : sizes.side(bestSize);
      double ratio = noneSide == null || hiddenSide == null ? Double.NaN
          : noneSide.medianError() / hiddenSide.medianError();
      rows.add(new Row(e.getKey(), noneSide, hiddenSide, ratio, bestSize,
          best == null ? Double.NaN : best.medianError(), best == null ? Double.NaN : best.success().rate()));
    }
    return rows;
  }

  /** The networks of some cells pooled; null when there are none. */
  static Side side(Collection<CellStats> cells) {
    long networks = 0;
    long successes = 0;
    int values = 0;
    for (CellStats c : cells) {
      networks += c.networks();
      successes += c.successes();
      values += c.networks() - c.diverged();
    }
    if (networks == 0) {
      return null;
    }
    double[] errors = new double[values];
    int at = 0;
    for (CellStats c : cells) {
      double[] e = c.sortedErrors();
      System.arraycopy(e, 0, errors, at, e.length);
      at += e.length;
    }
    return new Side(networks, Stats.min(errors), Stats.Quartiles.of(errors), Stats.wilson(successes, networks));
  }
}
