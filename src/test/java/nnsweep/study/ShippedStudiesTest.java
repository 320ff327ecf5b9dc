package nnsweep.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import nnsweep.grid.Grid;
import nnsweep.run.Problems;
import org.junit.jupiter.api.Test;

/**
 * Every study shipped in {@code conf/} loads, reads its datasets and expands to the number of networks the README
 * and the docs quote (a study that stopped loading, or whose grid changed size, is caught here, not by a user).
 */
class ShippedStudiesTest {
  private static final Map<String, Long> NETWORKS = Map.of(
      "tutorial.conf", 200L,
      "seed-or.conf", 1L,
      "xor-reliability.conf", 6_000L,
      "rules.conf", 590L,
      "real.conf", 666L,
      "halving.conf", 1_152L,
      "validation.conf", 288L,
      "rules-small.conf", 312L,
      "rules-benchmark.conf", 3_084L,
      "rules-first-look.conf", 582L);

  @Test
  void everyShippedStudyLoadsAndExpandsToItsDocumentedSize() throws IOException {
    Map<String, Long> found = new TreeMap<>();
    try (Stream<Path> files = Files.list(Path.of("conf"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".conf")).sorted().toList()) {
        Study study = StudyLoader.load(f, List.of());
        var problems = Problems.load(study);
        found.put(f.getFileName().toString(),
            Grid.expand(study, Problems.datasets(problems), Problems.trainingRows(problems)).size());
      }
    }
    assertEquals(new TreeMap<>(NETWORKS), found);
  }
}
