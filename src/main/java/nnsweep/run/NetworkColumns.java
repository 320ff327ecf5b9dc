package nnsweep.run;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import nnsweep.grid.NetworkSpec;
import nnsweep.study.Study;

/**
 * The per-network tables (results, predictions, curves), each column declared once: its name, its type and its cell
 * (the value's text, empty for none). The CSV files are the header and the cells; the Parquet datasets are the same
 * cells as values of the columns' types ({@link Type#value}), an empty cell null. The order of the columns is a
 * contract: scripts read them by position too.
 */
public final class NetworkColumns {
  private NetworkColumns() {}

  /** A column's type in typed formats such as Parquet. */
  public enum Type {
    LONG, INT, DOUBLE, BOOLEAN, STRING;

    /** A cell's text as a value of this type: null for an empty cell. */
    public Object value(String cell) {
      if (cell == null || cell.isEmpty()) {
        return null;
      }
      return switch (this) {
        case LONG -> Long.parseLong(cell);
        case INT -> Integer.parseInt(cell);
        case DOUBLE -> Double.parseDouble(cell);
        case BOOLEAN -> Boolean.parseBoolean(cell);
        case STRING -> cell;
      };
    }
  }

  /** One column of a table whose rows are {@code R}: its name, its type, a row's cell. */
  public record Column<R>(String name, Type type, Function<R, String> cell) {
    /** This column for rows of {@code S} that hold an {@code R}. */
    <S> Column<S> of(Function<S, R> part) {
      return new Column<>(name, type, part.andThen(cell));
    }
  }

  /**
   * A per-network table: its name (its CSV file without .csv, its Parquet folder), its columns and each network's
   * rows.
   */
  public record Table<R>(String name, List<Column<R>> columns, Function<TrainingResult, List<R>> rows) {
    /** The column names, in order. */
    public List<String> header() {
      return columns.stream().map(Column::name).toList();
    }

    /** The column types, in order. */
    public List<Type> types() {
      return columns.stream().map(Column::type).toList();
    }

    /** One network's rows, each a list of cells in column order. */
    public List<List<String>> cells(TrainingResult r) {
      List<List<String>> cells = new ArrayList<>();
      for (R row : rows.apply(r)) {
        List<String> record = new ArrayList<>(columns.size());
        columns.forEach(c -> record.add(c.cell().apply(row)));
        cells.add(record);
      }
      return cells;
    }
  }

  /** A row of results: a network's result and the successive-halving rung its cell reached (-1: none). */
  public record ResultRow(TrainingResult result, int rung) {
    NetworkSpec spec() {
      return result.spec();
    }
  }

  /** A row of predictions: a network's output {@code output} at query point {@code query} (its inputs as text). */
  public record Prediction(NetworkSpec spec, int query, String inputs, int output, double value) {}

  /** A point of a network's curve: its error after {@code epoch} updates. */
  public record CurvePoint(long networkId, int epoch, double error) {}

  // ---- the spec's columns (results and predictions) ------------------------------------------------------------

  private static final Column<NetworkSpec> NETWORK_ID = spec("network_id", Type.LONG, s -> Long.toString(s.id()));
  private static final Column<NetworkSpec> DATASET = spec("dataset", Type.STRING, NetworkSpec::dataset);
  private static final Column<NetworkSpec> MODEL = spec("model", Type.STRING, s -> s.model().configName());
  private static final Column<NetworkSpec> HIDDEN = spec("hidden", Type.INT, s -> Integer.toString(s.hidden()));
  private static final Column<NetworkSpec> BIAS = spec("bias", Type.BOOLEAN, s -> Boolean.toString(s.bias()));
  private static final Column<NetworkSpec> LEARNING_RATE = spec("learning_rate", Type.DOUBLE,
      s -> Double.toString(s.learningRate()));
  private static final Column<NetworkSpec> EPOCHS = spec("epochs", Type.INT, s -> Integer.toString(s.epochs()));
  private static final Column<NetworkSpec> SEED = spec("seed", Type.LONG, s -> Long.toString(s.seed()));

  // ---- results ------------------------------------------------------------------------------------------------

  /**
   * results.csv, one row a network. {@code rung}: the successive-halving rung the network's cell reached; {@code fold}:
   * the cross-validation fold the network was tested on (both empty when there are none; text in Parquet, as they
   * always were).
   */
  private static final List<Column<ResultRow>> RESULTS = List.of(
      NETWORK_ID.of(ResultRow::spec), DATASET.of(ResultRow::spec), MODEL.of(ResultRow::spec),
      HIDDEN.of(ResultRow::spec),
      result("rules", Type.STRING, r -> String.join(";", r.spec().rules())),
      result("inputs", Type.INT, r -> Integer.toString(r.spec().inputs())),
      result("outputs", Type.INT, r -> Integer.toString(r.spec().outputs())),
      result("weights", Type.INT, r -> Integer.toString(r.spec().weights())),
      BIAS.of(ResultRow::spec), LEARNING_RATE.of(ResultRow::spec), EPOCHS.of(ResultRow::spec),
      SEED.of(ResultRow::spec),
      result("init", Type.STRING, r -> r.spec().init().label()),
      result("final_error", Type.DOUBLE, r -> Double.toString(r.finalError())),
      result("error_before_last_update", Type.DOUBLE, r -> num(r.errorBeforeLastUpdate())),
      result("mse", Type.DOUBLE, r -> Double.toString(r.mse())),
      result("accuracy", Type.DOUBLE, r -> Double.toString(r.accuracy())),
      result("diverged", Type.BOOLEAN, r -> Boolean.toString(r.diverged())),
      result("test_error", Type.DOUBLE, r -> num(r.testError())),
      result("test_accuracy", Type.DOUBLE, r -> num(r.testAccuracy())),
      result("class_accuracy", Type.DOUBLE, r -> num(r.classAccuracy())),
      result("test_class_accuracy", Type.DOUBLE, r -> num(r.testClassAccuracy())),
      result("epochs_run", Type.INT, r -> Integer.toString(r.epochsRun())),
      result("epochs_to_target", Type.INT, r -> r.epochsToTarget() < 0 ? "" : Integer.toString(r.epochsToTarget())),
      result("plateau", Type.STRING, TrainingResult::plateau),
      result("train_ms", Type.DOUBLE, r -> millis(r.trainMs())),
      new Column<>("rung", Type.STRING, row -> row.rung() < 0 ? "" : Integer.toString(row.rung())),
      result("fold", Type.STRING, r -> r.spec().fold() < 0 ? "" : Integer.toString(r.spec().fold())));

  /**
   * What a study with a validation split appends (its networks trained on the training rows less these; every
   * choice reads them): E, accuracy and argmax class accuracy on the validation rows.
   */
  private static final List<Column<ResultRow>> VALIDATION = List.of(
      result("validation_error", Type.DOUBLE, r -> num(r.validationError())),
      result("validation_accuracy", Type.DOUBLE, r -> num(r.validationAccuracy())),
      result("validation_class_accuracy", Type.DOUBLE, r -> num(r.validationClassAccuracy())));

  /**
   * What a study with early stopping appends after {@link #VALIDATION} (early stopping needs validation rows): the
   * update count of the weights each network kept (its best validation checkpoint), whose numbers the row reports.
   */
  private static final Column<ResultRow> BEST_EPOCH = result("best_epoch", Type.INT,
      r -> Integer.toString(r.bestEpoch()));

  /**
   * {@code String.format(Locale.ROOT, "%.3f", v)}, the same text (the formatter rounds {@link Double#toString}'s
   * digits half up, as documented), without a {@code Formatter} a row: on a million-row results.csv the formatter
   * was a sixth of the reports stage.
   */
  static String millis(double v) {
    if (!Double.isFinite(v) || v < 0 || Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(-0.0)) {
      return String.format(Locale.ROOT, "%.3f", v);
    }
    return new BigDecimal(Double.toString(v)).setScale(3, RoundingMode.HALF_UP).toPlainString();
  }

  /** results.csv's columns in {@code study}: the validation columns with a validation split, then best_epoch. */
  public static List<Column<ResultRow>> results(Study study) {
    List<Column<ResultRow>> columns = new ArrayList<>(RESULTS);
    if (study.validated()) {
      columns.addAll(VALIDATION);
    }
    if (study.earlyStopped()) {
      columns.add(BEST_EPOCH);
    }
    return List.copyOf(columns);
  }

  // ---- predictions and curves -----------------------------------------------------------------------------------

  /** predictions.csv, one row a network, query point and output; {@code label}: the output as a class (>= 0.5). */
  private static final List<Column<Prediction>> PREDICTIONS = List.of(
      NETWORK_ID.of(Prediction::spec), DATASET.of(Prediction::spec), MODEL.of(Prediction::spec),
      HIDDEN.of(Prediction::spec), BIAS.of(Prediction::spec), LEARNING_RATE.of(Prediction::spec),
      EPOCHS.of(Prediction::spec), SEED.of(Prediction::spec),
      new Column<>("query", Type.INT, p -> Integer.toString(p.query())),
      new Column<>("inputs", Type.STRING, Prediction::inputs),
      new Column<>("output", Type.INT, p -> Integer.toString(p.output())),
      new Column<>("prediction", Type.DOUBLE, p -> num(p.value())),
      new Column<>("label", Type.INT, p -> p.value() >= 0.5 ? "1" : "0"));

  /** curves.csv, one row a recorded point (long format). */
  private static final List<Column<CurvePoint>> CURVES = List.of(
      new Column<>("network_id", Type.LONG, p -> Long.toString(p.networkId())),
      new Column<>("epoch", Type.INT, p -> Integer.toString(p.epoch())),
      new Column<>("error", Type.DOUBLE, p -> Double.toString(p.error())));

  /**
   * The per-network tables {@code study} writes, in order: results; predictions when a dataset has query points;
   * curves when the study records them (the networks of each cell's first {@code curve-seeds} seeds).
   *
   * @param rungOf the successive-halving rung a network's cell reached, -1 for none
   */
  public static List<Table<?>> tables(Study study, List<Problem> problems, ToIntFunction<NetworkSpec> rungOf) {
    List<Table<?>> tables = new ArrayList<>();
    tables.add(new Table<>("results", results(study),
        r -> List.of(new ResultRow(r, rungOf.applyAsInt(r.spec())))));
    if (problems.stream().anyMatch(p -> p.queries().length > 0)) {
      tables.add(new Table<>("predictions", PREDICTIONS, r -> predictions(r, problems)));
    }
    if (study.curvePoints() > 0) {
      tables.add(new Table<>("curves", CURVES,
          r -> study.curveWritten(r.spec().seed()) ? curve(r) : List.of()));
    }
    return tables;
  }

  /** The table of {@link #tables} named {@code name} (without rungs). */
  public static Table<?> table(String name, Study study, List<Problem> problems) {
    return tables(study, problems, spec -> -1).stream().filter(t -> t.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no per-network table " + name));
  }

  /** A network's outputs at the query points of its dataset (of its fold's). */
  static List<Prediction> predictions(TrainingResult r, List<Problem> problems) {
    NetworkSpec s = r.spec();
    double[][] queries = problems.get(s.datasetIndex()).forFold(s.fold()).queries();
    List<Prediction> rows = new ArrayList<>();
    for (int q = 0; q < queries.length; q++) {
      String inputs = Arrays.stream(queries[q]).mapToObj(NetworkColumns::compact).collect(Collectors.joining(" "));
      for (int o = 0; o < r.predictions()[q].length; o++) {
        rows.add(new Prediction(s, q, inputs, o, r.predictions()[q][o]));
      }
    }
    return rows;
  }

  /** A network's curve points; those training never reached (NaN) are left out. */
  static List<CurvePoint> curve(TrainingResult r) {
    List<CurvePoint> points = new ArrayList<>();
    for (int i = 0; i < r.curveEpochs().length; i++) {
      if (!Double.isNaN(r.curve()[i])) {
        points.add(new CurvePoint(r.spec().id(), r.curveEpochs()[i], r.curve()[i]));
      }
    }
    return points;
  }

  /** A number as it goes in a cell: shortest round-trip form, empty for NaN. */
  public static String num(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  /** 1.0 -> "1", 0.5 -> "0.5": query inputs as a person wrote them. */
  public static String compact(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static Column<NetworkSpec> spec(String name, Type type, Function<NetworkSpec, String> cell) {
    return new Column<>(name, type, cell);
  }

  private static Column<ResultRow> result(String name, Type type, Function<TrainingResult, String> cell) {
    return new Column<>(name, type, row -> cell.apply(row.result()));
  }
}
