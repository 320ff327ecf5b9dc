package nnsweep.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nnsweep.errors.InputException;
import nnsweep.data.Dataset;
import nnsweep.grid.Grid;
import nnsweep.grid.NetworkSpec;
import nnsweep.run.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Random sampling of the learning-rate axis: deterministic, in bounds, an ordinary grid axis, bad input. */
class SamplingTest {
  @TempDir Path dir;

  private Path write(String... lines) throws IOException {
    StringBuilder b = new StringBuilder("study {\n");
    b.append("  name = \"s\"\n");
    b.append("  datasets = [{ name = \"xor\", path = \"data/xor.csv\", outputs = 1 }]\n");
    b.append("  hidden { sizes = [2] }\n");
    for (String l : lines) {
      b.append("  ").append(l).append('\n');
    }
    return Files.writeString(dir.resolve("s.conf"), b.append("}\n").toString());
  }

  @Test
  void logUniformDrawsTheSameSortedValuesInsideTheBoundsEveryTime() throws IOException {
    Path f = write("learning-rates = { log-uniform = [0.01, 2.0], samples = 16 }");
    List<Double> a = StudyLoader.load(f, List.of()).learningRates();
    List<Double> b = StudyLoader.load(f, List.of()).learningRates();
    assertEquals(16, a.size());
    assertEquals(a, b);
    for (int i = 0; i < a.size(); i++) {
      assertTrue(a.get(i) >= 0.01 && a.get(i) < 2.0, "in [0.01, 2.0): " + a.get(i));
      assertTrue(i == 0 || a.get(i) > a.get(i - 1), "ascending and distinct: " + a);
    }
    // log-uniform: as many below the geometric midpoint sqrt(0.02) as a coin would put there, not 1 in 100
    long low = a.stream().filter(r -> r < Math.sqrt(0.01 * 2.0)).count();
    assertTrue(low >= 3 && low <= 13, "log-uniform spread: " + a);
    // exactly the values of the documented draw
    assertArrayEquals(Sampling.draw(Sampling.Distribution.LOG_UNIFORM, 0.01, 2.0, 16, 0),
        a.stream().mapToDouble(Double::doubleValue).toArray());
  }

  @Test
  void uniformAndSeedAndSetOverride() throws IOException {
    Path f = write("learning-rates = { uniform = [0.1, 0.5], samples = 5, seed = 7 }");
    List<Double> rates = StudyLoader.load(f, List.of()).learningRates();
    assertEquals(5, rates.size());
    rates.forEach(r -> assertTrue(r >= 0.1 && r < 0.5, "in bounds: " + r));
    assertNotEquals(rates, StudyLoader.load(f, List.of("learning-rates.seed=8")).learningRates());
    assertEquals(List.of(0.3), StudyLoader.load(f, List.of("learning-rates=[0.3]")).learningRates());
  }

  @Test
  void aSampledAxisIsAnOrdinaryGridAxisWithStableIds() throws IOException {
    Path f = write("learning-rates = { log-uniform = [0.01, 2.0], samples = 4 }", "seeds = [0, 1]");
    Study study = StudyLoader.load(f, List.of());
    List<Dataset> data = Problems.datasets(Problems.load(study));
    Grid grid = Grid.expand(study, data);
    assertEquals(8, grid.size());
    List<NetworkSpec> specs = grid.specs().toList();
    for (int i = 0; i < 8; i++) {
      assertEquals(i, specs.get(i).id());
      assertEquals(study.learningRates().get(i / 2), specs.get(i).learningRate());
      assertEquals(i % 2, specs.get(i).seed());
    }
    // the same ids and rates from a second expansion (any master, any partitioning decodes ids the same way)
    assertEquals(specs, Grid.expand(StudyLoader.load(f, List.of()), data).specs().toList());
  }

  @Test
  void perRowRatesAreTheAxisValuesDividedByEachDatasetsRows() throws IOException {
    StringBuilder b = new StringBuilder("study {\n  name = \"s\"\n");
    b.append("  datasets = [{ name = \"xor\", path = \"data/xor.csv\", outputs = 1 },\n");
    b.append("    { name = \"adder\", path = \"data/full-adder.csv\", outputs = 2 }]\n");
    b.append("  hidden { sizes = [2] }\n  learning-rates = { values = [2.0, 8.0], per-row = true }\n}\n");
    Study study = StudyLoader.load(Files.writeString(dir.resolve("p.conf"), b.toString()), List.of());
    assertTrue(study.learningRatesPerRow());
    assertEquals(List.of(2.0, 8.0), study.learningRates());
    List<NetworkSpec> specs = Grid.expand(study, Problems.datasets(Problems.load(study))).specs().toList();
    // xor has 4 rows, the full adder 8: 2/4, 8/4, then 2/8, 8/8
    assertEquals(List.of(0.5, 2.0, 0.25, 1.0), specs.stream().map(NetworkSpec::learningRate).toList());
    // a sampled range takes per-row too; without it the rates are the values themselves
    Path f = write("learning-rates = { log-uniform = [1.0, 4.0], samples = 3, per-row = true }");
    Study sampled = StudyLoader.load(f, List.of());
    List<NetworkSpec> xor = Grid.expand(sampled, Problems.datasets(Problems.load(sampled))).specs().toList();
    for (int i = 0; i < 3; i++) {
      assertEquals(sampled.learningRates().get(i) / 4, xor.get(i).learningRate());
    }
    assertEquals(List.of(1.0, 3.0), StudyLoader.load(write("learning-rates = { values = [1.0, 3.0] }"), List.of())
        .learningRates());
    assertTrue(!StudyLoader.load(write("learning-rates = { values = [1.0] }"), List.of()).learningRatesPerRow());
  }

  @Test
  void badPerRowRatesAreOneLine() throws IOException {
    InputException e = assertThrows(InputException.class,
        () -> StudyLoader.load(write("learning-rates = { values = [1.0], per-row = maybe }"), List.of()));
    assertTrue(e.getMessage().contains("study.learning-rates.per-row"), e.getMessage());
    e = assertThrows(InputException.class,
        () -> StudyLoader.load(write("learning-rates = { values = [1.0], per-rows = true }"), List.of()));
    assertTrue(e.getMessage().contains("per-rows") && e.getMessage().contains("per-row"), e.getMessage());
    e = assertThrows(InputException.class,
        () -> StudyLoader.load(write("learning-rates = { values = [-1.0], per-row = true }"), List.of()));
    assertTrue(e.getMessage().contains("study.learning-rates.values[0]"), e.getMessage());
  }

  @Test
  void aSampledAxisWorksWithHalving() throws IOException {
    Path f = write("learning-rates = { log-uniform = [0.05, 5.0], samples = 6 }", "seeds = [0, 1]",
        "epochs = [180]", "search { strategy = halving, reduction = 3, min-epochs = 20 }");
    Study study = StudyLoader.load(f, List.of());
    List<nnsweep.run.Problem> problems = Problems.load(study);
    Grid grid = Grid.expand(study, Problems.datasets(problems));
    nnsweep.search.Rungs rungs = new nnsweep.search.Rungs(3, 20, 180);
    nnsweep.search.Halving.Outcome h = nnsweep.search.Halving.runLocal(grid, problems, rungs,
        List.of(new nnsweep.grid.IdRange(0, grid.size())));
    // 6 sampled rates are 6 cells: 6, then 2, then 1
    int[] perRung = new int[3];
    for (nnsweep.search.Ladder.Step step : h.ladder().steps()) {
      for (int k = 0; k <= step.rung(); k++) {
        perRung[k]++;
      }
      assertTrue(study.learningRates().contains(step.key().learningRate()));
    }
    assertArrayEquals(new int[] {6, 2, 1}, perRung);
  }

  @Test
  void badSampledAxes() throws IOException {
    String[][] cases = {
        {"learning-rates = { log-uniform = [0.01, 2.0], samples = 0 }", "study.learning-rates.samples",
            "must be >= 1, found 0"},
        {"learning-rates = { log-uniform = [0, 2.0], samples = 4 }", "study.learning-rates.log-uniform[0]",
            "log-uniform bound must be > 0, found 0.0"},
        {"learning-rates = { log-uniform = [-1, 2.0], samples = 4 }", "study.learning-rates.log-uniform[0]",
            "found -1.0"},
        {"learning-rates = { uniform = [0.5, 0.1], samples = 4 }", "study.learning-rates.uniform",
            "low bound not below high bound"},
        {"learning-rates = { uniform = [0.1], samples = 4 }", "study.learning-rates.uniform",
            "wrong number of bounds, found 1"},
        {"learning-rates = { samples = 4 }", "study.learning-rates", "no distribution given"},
        {"learning-rates = { log-uniform = [0.1, 1], sample = 4 }", "study.learning-rates.sample",
            "did you mean 'samples'?"},
    };
    for (String[] c : cases) {
      Path f = write(c[0]);
      String m = assertThrows(InputException.class, () -> StudyLoader.load(f, List.of()), c[0]).getMessage();
      assertTrue(m.startsWith(f + ":5: " + c[1] + ": "), m);
      assertTrue(m.contains(c[2]), m);
      assertTrue(m.contains(", expected "), m);
      assertEquals(1, m.lines().count());
    }
  }
}
