package nnsweep.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnsweep.nn.Model;
import nnsweep.run.TrainingResult;

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
  public record Key(String dataset, boolean bias, double learningRate, int epochs, String init) {}

  /** One side of the comparison. */
  public record Side(int networks, double bestError, double medianError, Stats.Rate success) {}

  /**
   * One row; {@code medianErrorRatio} = none median / hidden median (how many times lower the hidden layer's
   * median error is). {@code none} or {@code hidden} is null when the study has no such model.
   */
  public record Row(Key key, Side none, Side hidden, double medianErrorRatio, int bestHiddenSize,
      double bestHiddenMedianError, double bestHiddenSuccessRate) {}

  private LayersTable() {}

  /** The rows, in order of first appearance. */
  public static List<Row> summarise(List<TrainingResult> results) {
    Map<Key, List<TrainingResult>> groups = new LinkedHashMap<>();
    for (TrainingResult r : results) {
      var s = r.spec();
      groups.computeIfAbsent(new Key(s.dataset(), s.bias(), s.learningRate(), s.epochs(), s.init().label()),
              k -> new ArrayList<>())
          .add(r);
    }
    List<Row> rows = new ArrayList<>();
    for (var e : groups.entrySet()) {
      List<TrainingResult> none = e.getValue().stream().filter(r -> r.spec().model() == Model.NONE).toList();
      List<TrainingResult> hidden = e.getValue().stream().filter(r -> r.spec().model() == Model.HIDDEN).toList();
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

  static Side side(List<TrainingResult> results) {
    if (results.isEmpty()) {
      return null;
    }
    double[] errors = results.stream().filter(r -> !r.diverged()).mapToDouble(TrainingResult::finalError)
        .toArray();
    long successes = results.stream().filter(TrainingResult::success).count();
    return new Side(results.size(), Stats.min(errors), Stats.median(errors),
        Stats.wilson(successes, results.size()));
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
