package nnsweep.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validation-fraction} and {@code search.race-by} as the loader reads them. */
class ValidationKeysTest {
  @TempDir Path tmp;

  private Study load(String dataset, String search) throws IOException {
    Path f = Files.writeString(tmp.resolve("k.conf"), """
        study {
          name = "k"
          datasets = [ DATASET ]
          hidden { sizes = [2] }
          epochs = [90]
          SEARCH
        }
        """.replace("DATASET", dataset).replace("SEARCH", search));
    return StudyLoader.load(f, List.of());
  }

  @Test
  void validationFractionAndRaceByAreRead() throws IOException {
    Study s = load("{ name = \"iris\", path = \"data/iris.csv\", outputs = 3, folds = 5, validation-fraction = 0.2 }",
        "search { strategy = halving, min-epochs = 10, race-by = [dataset, hidden, learning-rate] }");
    assertEquals(0.2, s.datasets().get(0).validationFraction());
    assertEquals(5, s.datasets().get(0).folds());
    assertTrue(s.validated());
    assertEquals(List.of("dataset", "hidden", "learning-rate"), s.search().raceBy());
  }

  @Test
  void withoutTheKeysNothingChanges() throws IOException {
    Study s = load("{ name = \"iris\", path = \"data/iris.csv\", outputs = 3, test-fraction = 0.2 }",
        "search { strategy = halving, min-epochs = 10 }");
    assertEquals(0.0, s.datasets().get(0).validationFraction());
    assertFalse(s.validated());
    assertEquals(List.of("dataset"), s.search().raceBy());
    assertEquals(new DatasetSpec("iris", "data/iris.csv", 3, List.of(), 0.2, nnsweep.data.Scaling.NONE, 0, 0),
        s.datasets().get(0));
  }
}
