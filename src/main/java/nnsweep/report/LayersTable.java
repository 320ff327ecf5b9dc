package nnsweep.report;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code layers.csv}: no hidden layer vs one hidden layer, side by side, per dataset, bias, learning rate, epochs and
 * init
 * (the tutorial's "comparison with a single-layer neural network", measured). The hidden side pools every hidden
 * size; the best hidden size (lowest median error) is given too. Error statistics leave out diverged networks.
 */
public final class LayersTable {
  /** The column contract. */
  public static final List<String> HEADER = List.of("dataset", "bias", "learning_rate", "epochs", "init",
      "none_networks", "none_best_error", "none_median_error", "none_success_rate", "none_success_ci_low",
      "none_success_ci_high", "hidden_networks", "hidden_best_error", "hidden_median_error", "hidden_success_rate",
      "hidden_success_ci_low", "hidden_success_ci_high", "median_error_ratio", "best_hidden_size",
      "best_hidden_median_error", "best_hidden_success_rate");

  /** The grouping key. */
  public record Key(String dataset, boolean bias, double learningRate, int epochs, String init)
      implements Serializable {
    static Key of(SummaryTable.Key cell) {
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

  private LayersTable() {}

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

  /** Writes {@code layers.csv}. */
  public static void write(Path file, List<Row> rows) {
    CsvFiles.write(file, HEADER, printer -> {
      for (Row r : rows) {
        List<Object> cells = new ArrayList<>(List.of(r.key().dataset(), r.key().bias(), r.key().learningRate(),
            r.key().epochs(), r.key().init()));
        for (Side s : new Side[] {r.none(), r.hidden()}) {
          if (s == null) {
            cells.addAll(List.of(0, "", "", "", "", ""));
          } else {
            cells.addAll(List.of(s.networks(), CsvFiles.num(s.bestError()), CsvFiles.num(s.medianError()),
                CsvFiles.num(s.success().rate()), CsvFiles.num(s.success().low()),
                CsvFiles.num(s.success().high())));
          }
        }
        cells.add(CsvFiles.num(r.medianErrorRatio()));
        cells.add(r.bestHiddenSize() == 0 ? "" : r.bestHiddenSize());
        cells.add(CsvFiles.num(r.bestHiddenMedianError()));
        cells.add(CsvFiles.num(r.bestHiddenSuccessRate()));
        printer.printRecord(cells);
      }
    });
  }
}
