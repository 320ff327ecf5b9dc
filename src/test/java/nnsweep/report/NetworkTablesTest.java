package nnsweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nnsweep.grid.Grid;
import nnsweep.nn.Model;
import nnsweep.run.NetworkRun;
import nnsweep.run.Problem;
import nnsweep.run.TrainingResult;
import nnsweep.study.Seeds;
import nnsweep.study.Study;
import nnsweep.testing.Csv;
import nnsweep.testing.Headers;
import nnsweep.testing.Studies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-network CSV files written block by block: every row once, in id order, and nothing left half-written. */
class NetworkTablesTest {
  @TempDir Path tmp;

  private static final Study STUDY = ReportFixtures.study("blocks", Studies.xor()).models(Model.NONE, Model.HIDDEN)
      .hiddenSizes(2).learningRates(0.5).epochs(200).bias(true).seeds(Seeds.range(0, 5)).curvePoints(4).build();
  private static final List<Problem> PROBLEMS = List.of(new Problem(Studies.xor(), new double[][] {{1, 0}}));

  private static List<TrainingResult> results() {
    Grid grid = Grid.expand(STUDY, List.of(Studies.xor()));
    return grid.specs().map(s -> NetworkRun.train(s, PROBLEMS.get(0), STUDY.curvePoints(), STUDY.stopError()))
        .toList();
  }

  @Test
  void blocksInIdOrderMakeWholeFiles() throws IOException {
    List<TrainingResult> results = results();
    List<String> written;
    try (NetworkTables tables = NetworkTables.open(tmp, STUDY, PROBLEMS)) {
      tables.add(results.subList(0, 3));
      tables.add(results.subList(3, 3));
      tables.add(results.subList(3, results.size()));
      written = tables.commit();
    }
    assertEquals(List.of("results.csv", "predictions.csv", "curves.csv"), written);
    Csv.Table table = Csv.read(tmp.resolve("results.csv"));
    assertEquals(Headers.columns(Headers.RESULTS), table.header());
    assertEquals(results.size(), table.rows().size());
    for (int i = 0; i < results.size(); i++) {
      TrainingResult r = results.get(i);
      var row = table.rows().get(i);
      boolean none = r.spec().model() == Model.NONE;
      assertEquals(List.of(Integer.toString(i), "xor", none ? "none" : "hidden", none ? "0" : "2", "2", "1",
          none ? "3" : "9", "true", "0.5", "200",
          Long.toString(r.spec().seed()), Double.toString(r.finalError()), Double.toString(r.accuracy()), "false",
          "", "", "200", "", "", ""), Stream.of("network_id", "dataset", "model", "hidden", "inputs", "outputs",
          "weights", "bias", "learning_rate", "epochs", "seed", "final_error", "accuracy", "diverged", "test_error",
          "epochs_to_target", "epochs_run", "rung", "fold", "rules").map(row::get).toList());
      assertTrue(row.get("train_ms").matches("\\d+\\.\\d{3}"), row.get("train_ms"));
    }
    // one prediction row per network (one query point, one output), curve points for every network
    assertEquals(results.size(), Csv.read(tmp.resolve("predictions.csv")).rows().size());
    assertEquals(results.stream().mapToLong(r -> r.curveEpochs().length).sum(),
        Csv.read(tmp.resolve("curves.csv")).rows().size());
    assertEquals(List.of(), leftovers());
  }

  @Test
  void aBlockOutOfOrderIsRefusedAndNothingIsLeft() throws IOException {
    List<TrainingResult> results = results();
    try (NetworkTables tables = NetworkTables.open(tmp, STUDY, PROBLEMS)) {
      tables.add(results.subList(0, 2));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> tables.add(results.subList(3, 4)));
      assertEquals("results must come in network id order: expected id 2, found 3", e.getMessage());
    }
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(List.of(), files.toList(), "no report and no temporary file");
    }
  }

  private List<Path> leftovers() throws IOException {
    try (Stream<Path> files = Files.list(tmp)) {
      return files.filter(p -> p.getFileName().toString().startsWith(".")).toList();
    }
  }

  @Test
  void withoutQueriesOrCurvesOnlyResults() {
    Study plain = ReportFixtures.study("plain", Studies.xor()).models(Model.HIDDEN).hiddenSizes(2).learningRates(0.5)
        .epochs(50).bias(true).seeds(Seeds.of(0)).build();
    try (NetworkTables tables = NetworkTables.open(tmp, plain, List.of(new Problem(Studies.xor(),
        new double[0][])))) {
      assertEquals(List.of("results.csv"), tables.commit());
    }
    assertTrue(Files.exists(tmp.resolve("results.csv")));
  }
}
