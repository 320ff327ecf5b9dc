package nnsweep.report;

import java.util.List;
import java.util.Map;
import nnsweep.run.Problem;
import nnsweep.run.TrainingResult;
import nnsweep.study.Study;

/**
 * The per-network tables (results, predictions, curves) as typed columns, for writers of typed formats such as
 * Parquet: each table's header and, for every column name, its type. The cells themselves are the CSV files' own
 * text ({@link #rows}: {@link ResultsTable#row}, {@link PredictionsTable#rows}, {@link CurvesTable#rows}); an empty
 * cell is null.
 *
 * <p>These column definitions are the tables' rendering of each network, not statistics, so they stay in
 * {@code report}; this class is the one door through which {@code spark}'s Parquet writer reaches them.
 */
public final class NetworkColumns {
  /** A column's type. */
  public enum Type { LONG, INT, DOUBLE, BOOLEAN, STRING }

  /** The three tables, by the name of their folder (or file, without .csv), as a study without validation has them. */
  public static final Map<String, List<String>> TABLES = Map.of("results", ResultsTable.HEADER, "predictions",
      PredictionsTable.HEADER, "curves", CurvesTable.HEADER);

  /**
   * The header of {@code table} in {@code study} (results.csv gains the validation columns with a validation split,
   * then best_epoch with early stopping).
   */
  public static List<String> header(String table, Study study) {
    return table.equals("results") ? ResultsTable.header(study.validated(), study.earlyStopped()) : TABLES.get(table);
  }

  private static final Map<String, Type> TYPES = Map.ofEntries(
      Map.entry("network_id", Type.LONG), Map.entry("seed", Type.LONG),
      Map.entry("hidden", Type.INT), Map.entry("inputs", Type.INT), Map.entry("outputs", Type.INT),
      Map.entry("weights", Type.INT), Map.entry("epochs", Type.INT), Map.entry("epochs_run", Type.INT),
      Map.entry("epochs_to_target", Type.INT), Map.entry("query", Type.INT), Map.entry("output", Type.INT),
      Map.entry("label", Type.INT), Map.entry("epoch", Type.INT), Map.entry("best_epoch", Type.INT),
      Map.entry("bias", Type.BOOLEAN), Map.entry("diverged", Type.BOOLEAN),
      Map.entry("learning_rate", Type.DOUBLE), Map.entry("final_error", Type.DOUBLE),
      Map.entry("error_before_last_update", Type.DOUBLE), Map.entry("mse", Type.DOUBLE),
      Map.entry("accuracy", Type.DOUBLE), Map.entry("test_error", Type.DOUBLE),
      Map.entry("test_accuracy", Type.DOUBLE), Map.entry("class_accuracy", Type.DOUBLE),
      Map.entry("test_class_accuracy", Type.DOUBLE), Map.entry("prediction", Type.DOUBLE), Map.entry("error", Type.DOUBLE),
      Map.entry("train_ms", Type.DOUBLE), Map.entry("validation_error", Type.DOUBLE),
      Map.entry("validation_accuracy", Type.DOUBLE), Map.entry("validation_class_accuracy", Type.DOUBLE));

  private NetworkColumns() {}

  /**
   * One network's rows of {@code table}, cells in its header's order, as in the CSV file: one results row, its
   * prediction rows, its curve points (none unless the study writes the curve of its seed).
   */
  public static List<List<String>> rows(String table, TrainingResult r, List<Problem> problems, Study study) {
    return switch (table) {
      case "results" -> List.of(ResultsTable.row(r, study.validated(), study.earlyStopped()));
      case "predictions" -> PredictionsTable.rows(r, problems);
      case "curves" -> study.curveWritten(r.spec().seed()) ? CurvesTable.rows(r) : List.of();
      default -> throw new IllegalArgumentException("no per-network table " + table);
    };
  }

  /** The type of {@code column} of {@code table} (a column not listed is text). */
  public static Type type(String table, String column) {
    if (table.equals("predictions") && column.equals("inputs")) {
      return Type.STRING; // the query point's inputs, such as "0.5 2" (results' inputs is the input count)
    }
    return TYPES.getOrDefault(column, Type.STRING);
  }

  /** A cell's text as a value of {@code type}: null for an empty cell. */
  public static Object value(Type type, String cell) {
    if (cell == null || cell.isEmpty()) {
      return null;
    }
    return switch (type) {
      case LONG -> Long.parseLong(cell);
      case INT -> Integer.parseInt(cell);
      case DOUBLE -> Double.parseDouble(cell);
      case BOOLEAN -> Boolean.parseBoolean(cell);
      case STRING -> cell;
    };
  }
}
