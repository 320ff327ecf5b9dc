package nnsweep;

import static nnsweep.testing.Headers.assertHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nnsweep.grid.Cell;
import nnsweep.grid.Grid;
import nnsweep.grid.IdRange;
import nnsweep.grid.TaskPlan;
import nnsweep.nn.Model;
import nnsweep.run.Problem;
import nnsweep.run.Problems;
import nnsweep.run.ResultCodec;
import nnsweep.run.RangeTrainer;
import nnsweep.search.CellScore;
import nnsweep.search.Halving;
import nnsweep.search.Ladder;
import nnsweep.search.Rungs;
import nnsweep.state.RunState;
import nnsweep.state.RungState;
import nnsweep.stats.CellStats;
import nnsweep.study.HiddenRule;
import nnsweep.study.Study;
import nnsweep.study.StudyLoader;
import nnsweep.testing.Csv;
import nnsweep.testing.Headers;
import nnsweep.testing.InProcessJob;
import nnsweep.testing.StudyText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Successive halving end to end on Spark (local mode): the exact tables, rung sizes and budgets, the survivors'
 * numbers against a full grid run of the same study, and {@code --resume} of a search interrupted between rungs.
 */
@ExtendWith(InProcessJob.class)
class HalvingJobTest {
  @TempDir static Path tmp;
  static Path conf;

  @BeforeAll
  static void study() throws IOException {
    conf = StudyText.study("halving-test")
        .dataset(StudyText.data("xor", "data/xor.csv", 1).queries(new double[] {1, 0}))
        .dataset("full-adder", "data/full-adder.csv", 2).models(Model.NONE, Model.HIDDEN).hiddenSizes(1, 2, 3)
        .hiddenRules(HiddenRule.BETWEEN_INPUTS_AND_OUTPUTS).learningRates(0.5, 2.0).epochs(900).bias(false, true)
        .seedRange(0, 4).curvePoints(10).halving(3, 100).writeIn(tmp);
  }

  private static Map<String, Map<String, String>> byId(Path csv) {
    Map<String, Map<String, String>> m = new TreeMap<>();
    for (Map<String, String> row : Csv.read(csv).rows()) {
      m.put(row.get("network_id"), Csv.withoutTrainMs(row));
    }
    return m;
  }

  @Test
  void halvingWritesExactTablesAndItsTopRungEqualsTheFullGrid() throws IOException {
    Path halved = tmp.resolve("halved");
    InProcessJob.Run run = InProcessJob.run(conf, "--out", halved.toString());
    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().contains("nnsweep: successive halving: 32 cells to 100 epochs, 12 cells to 300 epochs,"
        + " 4 cells to 900 epochs"), run.out());
    Path grid = tmp.resolve("grid");
    InProcessJob.Run full = InProcessJob.run(conf, "--out", grid.toString(), "--set", "search.strategy=grid", "--set",
        "search.reduction=null", "--set", "search.min-epochs=null");
    assertEquals(0, full.status(), full.err());

    assertHeader(Headers.RESULTS, halved.resolve("results.csv"));
    assertHeader(Headers.SUMMARY, halved.resolve("summary.csv"));
    assertHeader(Headers.LADDER, halved.resolve("ladder.csv"));
    for (String chart : List.of("charts/ladder-xor.png", "charts/ladder-full-adder.png")) {
      assertTrue(Files.size(halved.resolve(chart)) > 1000, chart);
    }
    String page = Files.readString(halved.resolve("report.html"));
    assertTrue(page.contains("id=\"ladder\""));
    // the page shows each cell's budget, names the top-rung winners and lists the files the run wrote
    assertTrue(page.contains("<th class=\"num\">epochs reached (of budget)</th>"), "budgets in the summary");
    assertTrue(page.contains("xor: best configuration (the winner of successive halving at rung 2, 900 epochs)")
        || page.contains("XOR: best configuration (the winner of successive halving at rung 2, 900 epochs)"));
    for (String f : List.of("This run wrote: ", "ladder.csv (successive halving", "results.csv (one row"
        + " per network)", "summary.csv (the summary table)", "run.json (how the run went)", "report.html (this page)")) {
      assertTrue(page.contains(f), "the footer lists " + f);
    }
    assertTrue(page.contains("id=\"explore\""));
    assertFalse(Files.exists(halved.resolve(".nnsweep/rungs")), "rung blocks removed once the reports are out");

    // rung sizes per dataset: 16 cells, then 6, then 2; ranks 1..n at each rung
    int[][] perRung = new int[2][3];
    for (Map<String, String> row : Csv.read(halved.resolve("ladder.csv")).rows()) {
      int d = row.get("dataset").equals("xor") ? 0 : 1;
      int k = Integer.parseInt(row.get("rung"));
      perRung[d][k]++;
      assertEquals(List.of(100, 300, 900).get(k), Integer.parseInt(row.get("rung_epochs")));
      assertEquals(Integer.parseInt(row.get("rank")) <= List.of(6, 2, 0).get(k), Boolean.parseBoolean(
          row.get("kept")), row.toString());
    }
    assertEquals(List.of(16, 6, 2), List.of(perRung[0][0], perRung[0][1], perRung[0][2]));
    assertEquals(List.of(16, 6, 2), List.of(perRung[1][0], perRung[1][1], perRung[1][2]));

    Map<String, Map<String, String>> h = byId(halved.resolve("results.csv"));
    Map<String, Map<String, String>> g = byId(grid.resolve("results.csv"));
    assertEquals(g.keySet(), h.keySet());
    int top = 0;
    for (var e : h.entrySet()) {
      Map<String, String> r = e.getValue();
      int rung = Integer.parseInt(r.get("rung"));
      assertEquals(List.of(100, 300, 900).get(rung), Integer.parseInt(r.get("epochs_run")), r.toString());
      assertEquals("", g.get(e.getKey()).get("rung"));
      if (rung == 2) {
        top++;
        Map<String, String> expected = new TreeMap<>(g.get(e.getKey()));
        expected.put("rung", "2");
        assertEquals(expected, r, "network " + e.getKey() + ": every column as the full grid's");
      }
    }
    assertEquals(2 * 2 * 4, top);
    // the summary says how far each cell got; top-rung cells' rows are the grid's rows
    for (Map<String, String> row : Csv.read(halved.resolve("summary.csv")).rows()) {
      assertEquals(List.of("100", "300", "900").get(Integer.parseInt(row.get("rung"))), row.get("rung_epochs"));
    }
    // rules.csv: the highest rung any cell of the rule's sizes reached (between-inputs-and-outputs: xor 1-2,
    // full adder 2-3), empty for the grid
    Map<String, Integer> sizeRung = new HashMap<>();
    for (Map<String, String> row : Csv.read(halved.resolve("summary.csv")).rows()) {
      if (row.get("model").equals("hidden")) {
        sizeRung.merge(row.get("dataset") + "/" + row.get("hidden"), Integer.parseInt(row.get("rung")), Math::max);
      }
    }
    for (Map<String, String> row : Csv.read(halved.resolve("rules.csv")).rows()) {
      int highest = -1;
      for (String size : row.get("recommended_sizes").split(";")) {
        highest = Math.max(highest, sizeRung.get(row.get("dataset") + "/" + size));
      }
      assertEquals(Integer.toString(highest), row.get("highest_rung"), row.toString());
    }
    Csv.read(grid.resolve("rules.csv")).rows().forEach(row -> assertEquals("", row.get("highest_rung")));
    // and the curves of the top rung's networks are the grid's, point for point
    Map<String, List<String>> hc = curves(halved.resolve("curves.csv"));
    Map<String, List<String>> gc = curves(grid.resolve("curves.csv"));
    for (var e : h.entrySet()) {
      if (e.getValue().get("rung").equals("2")) {
        assertEquals(gc.get(e.getKey()), hc.get(e.getKey()), "curve of " + e.getKey());
      }
    }
  }

  private static Map<String, List<String>> curves(Path csv) {
    Map<String, List<String>> m = new HashMap<>();
    for (Map<String, String> row : Csv.read(csv).rows()) {
      m.computeIfAbsent(row.get("network_id"), k -> new ArrayList<>()).add(row.get("epoch") + ":"
          + row.get("error"));
    }
    return m;
  }

  @Test
  void resumeBetweenRungsContinuesFromTheCommittedRungAndMatchesAnUninterruptedRun() throws IOException {
    Path whole = tmp.resolve("whole");
    assertEquals(0, InProcessJob.run(conf, "--out", whole.toString()).status());

    // a search that died during rung 1: rung 0 committed, two of rung 1's blocks committed, nothing else
    Path crashed = tmp.resolve("crashed");
    Study study = StudyLoader.load(conf, List.of());
    List<Problem> problems = Problems.load(study);
    Grid grid = Grid.expand(study, Problems.datasets(problems));
    RunState state = RunState.open(crashed, RunState.Mode.NEW, study, problems);
    List<IdRange> ranges = TaskPlan.plan(grid, List.of(new IdRange(0, grid.size())), 32, 5);
    Rungs rungs = new Rungs(3, 100, 900);
    RangeTrainer trainer = new RangeTrainer(grid, problems, true);
    List<byte[]> first = new ArrayList<>();
    Map<Cell, CellStats> cells = new HashMap<>();
    for (IdRange r : ranges) {
      byte[] b = trainer.train(r, 100);
      state.commit(r, b);
      first.add(b);
      Halving.fold(cells, ResultCodec.decode(b, grid, problems), null);
    }
    Ladder ladder = new Ladder(rungs);
    ladder.record(cells.values().stream().map(CellScore::of).toList());
    for (int i = 0; i < 2; i++) {
      RungState.at(crashed, 1).commit(ranges.get(i), trainer.train(first.get(i),
          Halving.survivors(ladder.candidates()), 100, 300));
    }
    // the second of rung 1's committed blocks cut short, as a crash of the filesystem leaves it
    IdRange cut = ranges.get(1);
    Path damaged = crashed.resolve(".nnsweep/rungs/1/part-" + cut.from() + "-" + cut.to() + ".bin");
    Files.write(damaged, java.util.Arrays.copyOf(Files.readAllBytes(damaged), 40));

    InProcessJob.Run resumed = InProcessJob.run(conf, "--resume", "--out", crashed.toString());

    assertEquals(0, resumed.status(), resumed.err());
    assertTrue(resumed.err().contains("nnsweep: warning: " + damaged + ": damaged committed part (wrong length"),
        resumed.err());
    assertTrue(Files.exists(crashed.resolve(".nnsweep/damaged/rung-1-" + damaged.getFileName())));
    assertEquals(byId(whole.resolve("results.csv")), byId(crashed.resolve("results.csv")));
    for (String f : List.of("summary.csv", "ladder.csv", "layers.csv", "curves.csv", "predictions.csv")) {
      assertEquals(Files.readString(whole.resolve(f)), Files.readString(crashed.resolve(f)), f);
    }
  }
}
