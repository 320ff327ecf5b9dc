package nnsweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The walls between the packages (README, "Layout"), read from the sources' imports: the maths, the grid, the
 * statistics and the reports never touch Spark, and each package imports only the ones below it.
 */
class PackageWallsTest {
  private static final Path MAIN = Path.of("src/main/java/nnsweep");
  private static final Map<String, Set<String>> MAY_IMPORT = Map.ofEntries(
      Map.entry("nn", Set.of()),
      Map.entry("study", Set.of("nn", "data", "fs")),
      Map.entry("data", Set.of()),
      Map.entry("grid", Set.of("nn", "study", "data")),
      Map.entry("run", Set.of("nn", "grid", "study", "data", "fs")),
      Map.entry("state", Set.of("grid", "run", "study", "fs")),
      Map.entry("report", Set.of("run", "grid", "nn", "study", "data", "search")),
      Map.entry("search", Set.of("grid", "run", "study", "nn")),
      Map.entry("spark", Set.of("grid", "run", "report", "study", "search")),
      Map.entry("cli", Set.of()),
      Map.entry("fs", Set.of()));
  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?nnsweep\\.([a-z]+)\\.", Pattern.MULTILINE);

  @Test
  void eachPackageImportsOnlyWhatItMayAndOnlySparkImportsSpark() throws IOException {
    List<String> violations = new ArrayList<>();
    int files = 0;
    for (var entry : MAY_IMPORT.entrySet()) {
      try (Stream<Path> sources = Files.walk(MAIN.resolve(entry.getKey()))) {
        for (Path f : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
          files++;
          String text = Files.readString(f);
          Matcher m = IMPORT.matcher(text);
          while (m.find()) {
            if (!m.group(1).equals(entry.getKey()) && !entry.getValue().contains(m.group(1))) {
              violations.add(f + " imports nnsweep." + m.group(1));
            }
          }
          if (!entry.getKey().equals("spark") && text.contains("org.apache.spark")) {
            violations.add(f + " uses Spark");
          }
          if (entry.getKey().equals("spark") && text.contains("java.nio.file")) {
            violations.add(f + " touches files");
          }
        }
      }
    }
    assertTrue(files > 50, "read the sources, found " + files + " files");
    assertEquals(List.of(), violations);
  }
}
