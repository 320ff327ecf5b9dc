package nnsweep.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import nnsweep.grid.NetworkSpec;
import nnsweep.run.TrainingResult;
import org.apache.commons.csv.CSVPrinter;

/** {@code results.csv}: one row per network, in network id order. */
public final class ResultsTable {
  /** The column contract (tools depend on these names and their order). */
  public static final List<String> HEADER = List.of("network_id", "dataset", "model", "hidden", "rules", "inputs",
      "outputs", "weights", "bias", "learning_rate", "epochs", "seed", "init", "final_error",
      "error_before_last_update", "mse", "accuracy", "diverged", "test_error", "test_accuracy", "class_accuracy",
      "test_class_accuracy", "epochs_run", "epochs_to_target", "plateau", "train_ms", "rung", "fold");

  /**
   * The columns a study with a validation split appends (its networks trained on the training rows less these; every
   * choice reads them): E, accuracy and argmax class accuracy on the validation rows.
   */
  public static final List<String> VALIDATION = List.of("validation_error", "validation_accuracy",
      "validation_class_accuracy");

  /**
   * The column a study with early stopping appends after {@link #VALIDATION}: the update count of the weights each
   * network kept (its best validation checkpoint), whose numbers the row reports.
   */
  public static final String BEST_EPOCH = "best_epoch";

  private static final int RUNG = HEADER.indexOf("rung");

  private ResultsTable() {}

  /** The header of a study's results.csv: {@link #HEADER}, then {@link #VALIDATION} when {@code validated}. */
  public static List<String> header(boolean validated) {
    if (!validated) {
      return HEADER;
    }
    List<String> all = new ArrayList<>(HEADER);
    all.addAll(VALIDATION);
    return List.copyOf(all);
  }

  /**
   * The header of a study's results.csv: {@link #header(boolean)}, then {@link #BEST_EPOCH} when
   * {@code earlyStopped} (early stopping needs validation rows, so it follows the validation columns).
   */
  public static List<String> header(boolean validated, boolean earlyStopped) {
    if (!earlyStopped) {
      return header(validated);
    }
    List<String> all = new ArrayList<>(header(validated));
    all.add(BEST_EPOCH);
    return List.copyOf(all);
  }

  /** Prints one network's row ({@link NetworkTables} writes the file). */
  static void print(CSVPrinter printer, TrainingResult r, int rung, boolean validated, boolean earlyStopped)
      throws IOException {
    List<String> cells = row(r, validated, earlyStopped);
    if (rung >= 0) {
      cells.set(RUNG, Integer.toString(rung));
    }
    printer.printRecord(cells);
  }

  /** One row's cells in {@link #header(boolean, boolean)} order. */
  public static List<String> row(TrainingResult r, boolean validated, boolean earlyStopped) {
    List<String> cells = row(r, validated);
    if (earlyStopped) {
      cells.add(Integer.toString(r.bestEpoch()));
    }
    return cells;
  }

  /** One row's cells in {@link #header(boolean)} order. */
  public static List<String> row(TrainingResult r, boolean validated) {
    List<String> cells = row(r);
    if (validated) {
      cells.add(CsvFiles.num(r.validationError()));
      cells.add(CsvFiles.num(r.validationAccuracy()));
      cells.add(CsvFiles.num(r.validationClassAccuracy()));
    }
    return cells;
  }

  /**
   * One row's cells, in {@link #HEADER} order ({@code fold}: the cross-validation fold the network was tested on,
   * empty without folds); {@code rung} (the successive-halving rung the network's cell reached)
   * is empty here: {@link NetworkTables} fills it in from the search's ladder.
   */
  public static List<String> row(TrainingResult r) {
    NetworkSpec s = r.spec();
    List<String> cells = new ArrayList<>(HEADER.size());
    cells.add(Long.toString(s.id()));
    cells.add(s.dataset());
    cells.add(s.model().configName());
    cells.add(Integer.toString(s.hidden()));
    cells.add(String.join(";", s.rules()));
    cells.add(Integer.toString(s.inputs()));
    cells.add(Integer.toString(s.outputs()));
    cells.add(Integer.toString(s.weights()));
    cells.add(Boolean.toString(s.bias()));
    cells.add(Double.toString(s.learningRate()));
    cells.add(Integer.toString(s.epochs()));
    cells.add(Long.toString(s.seed()));
    cells.add(s.init().label());
    cells.add(Double.toString(r.finalError()));
    cells.add(CsvFiles.num(r.errorBeforeLastUpdate()));
    cells.add(Double.toString(r.mse()));
    cells.add(Double.toString(r.accuracy()));
    cells.add(Boolean.toString(r.diverged()));
    cells.add(CsvFiles.num(r.testError()));
    cells.add(CsvFiles.num(r.testAccuracy()));
    cells.add(CsvFiles.num(r.classAccuracy()));
    cells.add(CsvFiles.num(r.testClassAccuracy()));
    cells.add(Integer.toString(r.epochsRun()));
    cells.add(r.epochsToTarget() < 0 ? "" : Integer.toString(r.epochsToTarget()));
    cells.add(r.plateau());
    cells.add(String.format(java.util.Locale.ROOT, "%.3f", r.trainMs()));
    cells.add("");
    cells.add(s.fold() < 0 ? "" : Integer.toString(s.fold()));
    return cells;
  }
}
