package nnsweep.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nnsweep.stats.Layers;

/** {@code layers.csv}: the {@link Layers} rows, no hidden layer vs one hidden layer side by side. */
public final class LayersTable {
  /** The column contract. */
  public static final List<String> HEADER = List.of("dataset", "bias", "learning_rate", "epochs", "init",
      "none_networks", "none_best_error", "none_median_error", "none_success_rate", "none_success_ci_low",
      "none_success_ci_high", "hidden_networks", "hidden_best_error", "hidden_median_error", "hidden_success_rate",
      "hidden_success_ci_low", "hidden_success_ci_high", "median_error_ratio", "best_hidden_size",
      "best_hidden_median_error", "best_hidden_success_rate");

  private LayersTable() {}

  /** Writes {@code layers.csv}. */
  public static void write(Path file, List<Layers.Row> rows) {
    CsvFiles.write(file, HEADER, printer -> {
      for (Layers.Row r : rows) {
        List<Object> cells = new ArrayList<>(List.of(r.key().dataset(), r.key().bias(), r.key().learningRate(),
            r.key().epochs(), r.key().init()));
        for (Layers.Side s : new Layers.Side[] {r.none(), r.hidden()}) {
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
