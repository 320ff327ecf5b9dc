package nnsweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import nnsweep.grid.Grid;
import nnsweep.nn.Model;
import nnsweep.study.Seeds;
import nnsweep.study.Study;
import nnsweep.study.StudyLoader;
import nnsweep.testing.Headers;
import nnsweep.testing.Studies;
import org.junit.jupiter.api.Test;

/**
 * The per-network tables' columns: the headers a study's files have (literal strings, as a script reads them), the
 * optional columns exactly when the study has them, the types of the Parquet schema, the rung cell.
 */
class NetworkColumnsTest {
  private static final String VALIDATION = ",validation_error,validation_accuracy,validation_class_accuracy";

  private static String header(String conf, String... sets) {
    Study study = StudyLoader.load(Path.of(conf), List.of(sets));
    return String.join(",", NetworkColumns.tables(study, List.of(), spec -> -1).get(0).header());
  }

  @Test
  void resultsGainTheValidationColumnsWithAValidationSplitThenBestEpochWithEarlyStopping() {
    assertEquals(Headers.RESULTS, header("conf/tutorial.conf"));
    assertEquals(Headers.RESULTS, header("conf/halving.conf"));
    assertEquals(Headers.RESULTS + VALIDATION, header("conf/validation.conf"));
    assertEquals(Headers.RESULTS + VALIDATION + ",best_epoch", header("conf/rules-first-look.conf"));
  }

  @Test
  void predictionsWithQueryPointsAndCurvesWithCurvePoints() {
    Study study = StudyLoader.load(Path.of("conf/tutorial.conf"), List.of("curve-points=6"));
    List<Problem> problems = Problems.load(study);
    List<NetworkColumns.Table<?>> tables = NetworkColumns.tables(study, problems, spec -> -1);
    assertEquals(List.of("results", "predictions", "curves"), tables.stream().map(NetworkColumns.Table::name)
        .toList());
    assertEquals(Headers.PREDICTIONS, String.join(",", tables.get(1).header()));
    assertEquals(Headers.CURVES, String.join(",", tables.get(2).header()));
    Study plain = StudyLoader.load(Path.of("conf/real.conf"), List.of("curve-points=0"));
    assertEquals(List.of("results"), NetworkColumns.tables(plain, Problems.load(plain), spec -> -1).stream()
        .map(NetworkColumns.Table::name).toList());
  }

  @Test
  void theParquetSchemasTypes() {
    Study study = StudyLoader.load(Path.of("conf/rules-first-look.conf"), List.of());
    assertEquals("network_id LONG, dataset STRING, model STRING, hidden INT, rules STRING, inputs INT, outputs INT, "
        + "weights INT, bias BOOLEAN, learning_rate DOUBLE, epochs INT, seed LONG, init STRING, final_error DOUBLE, "
        + "error_before_last_update DOUBLE, mse DOUBLE, accuracy DOUBLE, diverged BOOLEAN, test_error DOUBLE, "
        + "test_accuracy DOUBLE, class_accuracy DOUBLE, test_class_accuracy DOUBLE, epochs_run INT, "
        + "epochs_to_target INT, plateau STRING, train_ms DOUBLE, rung STRING, fold STRING, validation_error DOUBLE, "
        + "validation_accuracy DOUBLE, validation_class_accuracy DOUBLE, best_epoch INT",
        types(NetworkColumns.results(study)));
    Study tutorial = StudyLoader.load(Path.of("conf/tutorial.conf"), List.of("curve-points=6"));
    List<NetworkColumns.Table<?>> tables = NetworkColumns.tables(tutorial, Problems.load(tutorial), spec -> -1);
    assertEquals("network_id LONG, dataset STRING, model STRING, hidden INT, bias BOOLEAN, learning_rate DOUBLE, "
        + "epochs INT, seed LONG, query INT, inputs STRING, output INT, prediction DOUBLE, label INT",
        types(tables.get(1).columns()));
    assertEquals("network_id LONG, epoch INT, error DOUBLE", types(tables.get(2).columns()));
  }

  private static String types(List<? extends NetworkColumns.Column<?>> columns) {
    return columns.stream().map(c -> c.name() + " " + c.type()).collect(Collectors.joining(", "));
  }

  @Test
  void theRungCellIsTheRungOfTheNetworksCellEmptyForNone() {
    Study study = Studies.builder(Studies.xor()).models(Model.NONE).learningRates(0.5).epochs(20).bias(true)
        .seeds(Seeds.range(0, 2)).build();
    Grid grid = Grid.expand(study, List.of(Studies.xor()));
    List<Problem> problems = List.of(new Problem(Studies.xor(), new double[0][]));
    NetworkColumns.Table<?> results = NetworkColumns.tables(study, problems, spec -> (int) spec.seed() * 3 - 1)
        .get(0);
    int rung = results.header().indexOf("rung");
    assertEquals("", results.cells(NetworkRun.train(grid.spec(0), problems.get(0))).get(0).get(rung));
    assertEquals("2", results.cells(NetworkRun.train(grid.spec(1), problems.get(0))).get(0).get(rung));
  }

  @Test
  void anEmptyCellIsNoValueAndTheOthersAreOfTheirType() {
    assertEquals(null, NetworkColumns.Type.DOUBLE.value(""));
    assertEquals(3L, NetworkColumns.Type.LONG.value("3"));
    assertEquals(3, NetworkColumns.Type.INT.value("3"));
    assertEquals(Double.NaN, NetworkColumns.Type.DOUBLE.value("NaN"));
    assertEquals(true, NetworkColumns.Type.BOOLEAN.value("true"));
    assertEquals("0 1", NetworkColumns.Type.STRING.value("0 1"));
  }

  @Test
  void trainMillisecondsHaveTheFormattersTextIncludingItsHalfUpTiesAndOddValues() {
    double[] odd = {0, 0.0005, 0.0015, 0.0025, 1.0005, 2.5e-4, 0.1235, 0.9995, 9.9995, 123.4565, 1e-7, 5e-4, 1e20,
        -0.0, -1.2345, Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE, 4.35, 1.0 / 3};
    for (double v : odd) {
      assertEquals(String.format(java.util.Locale.ROOT, "%.3f", v), NetworkColumns.millis(v), "value " + v);
    }
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      // measured times: a few microseconds to minutes, and values on the thousandths' ties
      double v = i % 2 == 0 ? Math.exp(random.nextDouble(-12, 12)) : random.nextInt(1_000_000) / 2000.0;
      assertEquals(String.format(java.util.Locale.ROOT, "%.3f", v), NetworkColumns.millis(v), "value " + v);
    }
  }
}
