package nnsweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nnsweep.errors.InputException;
import nnsweep.study.Study;
import nnsweep.study.StudyLoader;
import nnsweep.testing.Csv;
import nnsweep.testing.InProcessJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** curves.csv holds each cell's first {@code curve-seeds} seeds (default 10), or every network with "all". */
@ExtendWith(InProcessJob.class)
class CurveSeedsTest {
  @TempDir Path tmp;

  private static Study load(String... sets) {
    return StudyLoader.load(Path.of("conf/tutorial.conf"), List.of(sets));
  }

  @Test
  void theFirstSeedsOfEachCellAreKept() {
    Study byDefault = load("seeds={ from = 5, count = 100 }");
    assertEquals(Study.DEFAULT_CURVE_SEEDS, byDefault.curveSeeds());
    assertTrue(byDefault.curveWritten(5) && byDefault.curveWritten(14));
    assertFalse(byDefault.curveWritten(15) || byDefault.curveWritten(4));
    Study list = load("seeds=[7, 3, 9]", "curve-seeds=2");
    assertTrue(list.curveWritten(7) && list.curveWritten(3));
    assertFalse(list.curveWritten(9));
    Study all = load("seeds={ from = 0, count = 100 }", "curve-seeds=all");
    assertTrue(all.curveWritten(99));
    assertFalse(load("curve-seeds=0").curveWritten(0));
  }

  @Test
  void curveSeedsIsNotPartOfTheStudyHash() {
    assertEquals(load().canonical(), load("curve-seeds=all").canonical());
  }

  @Test
  void aNegativeCountIsAnError() {
    InputException e = assertThrows(InputException.class, () -> load("curve-seeds=-1"));
    assertTrue(e.getMessage().startsWith("--set curve-seeds=-1: study.curve-seeds: must be >= 0, found -1"),
        e.getMessage());
  }

  @Test
  void curvesCsvHoldsTheFirstSeedsOfEveryCell() {
    Path out = tmp.resolve("out");
    InProcessJob.Run r = InProcessJob.run("--config", "conf/tutorial.conf", "--out", out.toString(), "--set",
        "seeds={ from = 0, count = 4 }", "--set", "epochs=[200]", "--set", "curve-seeds=2", "--set",
        "datasets=[{ name = xor, path = \"data/xor.csv\", outputs = 1 }]");
    assertEquals(0, r.status(), r.err());
    Map<String, String> seedOf = Csv.read(out.resolve("results.csv")).rows().stream()
        .collect(Collectors.toMap(row -> row.get("network_id"), row -> row.get("seed")));
    Set<String> seeds = new TreeSet<>();
    Set<String> ids = new TreeSet<>();
    for (Map<String, String> row : Csv.read(out.resolve("curves.csv")).rows()) {
      seeds.add(seedOf.get(row.get("network_id")));
      ids.add(row.get("network_id"));
    }
    assertEquals(Set.of("0", "1"), seeds);
    assertEquals(seedOf.size() / 2, ids.size(), "half of the networks (2 of 4 seeds in every cell)");
  }

  @Test
  void onlyTheWrittenSeedsRecordCurvesAndNoNumberDependsOnIt() throws java.io.IOException {
    Study study = load("seeds={ from = 0, count = 4 }", "curve-seeds=2");
    nnsweep.grid.Grid grid = nnsweep.grid.Grid.expand(study,
        nnsweep.run.Problems.datasets(nnsweep.run.Problems.load(study)));
    for (long id = 0; id < grid.size(); id++) {
      nnsweep.grid.NetworkSpec spec = grid.spec(id);
      assertEquals(spec.seed() < 2 ? study.curvePoints() : 0, grid.curvePoints(spec), spec.toString());
    }
    Path bounded = run(tmp.resolve("bounded"), "curve-seeds=2");
    Path all = run(tmp.resolve("all"), "curve-seeds=all");
    for (String table : List.of("summary.csv", "layers.csv", "rules.csv")) {
      assertEquals(java.nio.file.Files.readString(all.resolve(table)),
          java.nio.file.Files.readString(bounded.resolve(table)), table);
    }
    assertEquals(Csv.rowsWithoutTrainMs(all.resolve("results.csv")),
        Csv.rowsWithoutTrainMs(bounded.resolve("results.csv")));
    // the bounded curves are exactly the full run's curves of seeds 0 and 1
    Map<String, String> seedOf = Csv.read(all.resolve("results.csv")).rows().stream()
        .collect(Collectors.toMap(row -> row.get("network_id"), row -> row.get("seed")));
    List<Map<String, String>> expected = Csv.read(all.resolve("curves.csv")).rows().stream()
        .filter(row -> Long.parseLong(seedOf.get(row.get("network_id"))) < 2).toList();
    assertFalse(expected.isEmpty());
    assertEquals(expected, Csv.read(bounded.resolve("curves.csv")).rows());
  }

  private static Path run(Path out, String curveSeeds) {
    InProcessJob.Run r = InProcessJob.run("--config", "conf/tutorial.conf", "--out", out.toString(), "--set",
        "seeds={ from = 0, count = 4 }", "--set", curveSeeds);
    assertEquals(0, r.status(), r.err());
    return out;
  }
}
