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
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The walls between the packages (docs/how-it-works.md, "The pipeline and the packages"), read from the sources: the maths, the grid, the statistics and
 * the reports never touch Spark, and each package uses only the ones below it, whether through an import or a fully
 * qualified name in the code (comments, javadoc and string literals are not code). No package uses the root package
 * ({@code Main}, {@code StudyJob}: the top), and every package may use {@code errors} (the bottom).
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
      Map.entry("stats", Set.of("run", "grid", "nn", "study")),
      Map.entry("report", Set.of("stats", "run", "grid", "nn", "study", "data", "search", "fs")),
      Map.entry("search", Set.of("grid", "run", "study", "nn", "stats")),
      Map.entry("spark", Set.of("grid", "run", "stats", "study", "search", "model", "predict")),
      Map.entry("model", Set.of("nn", "data", "run", "grid", "study", "search", "fs")),
      Map.entry("predict", Set.of("model")),
      Map.entry("cli", Set.of()),
      Map.entry("fs", Set.of()),
      Map.entry("errors", Set.of()));
  /** The bottom layer every package may use: the failures {@code Main} turns into an exit status. */
  private static final String BOTTOM = "errors";
  /** A reference to a class of a package, in an import or in code: {@code nnsweep.report.Charts}. */
  private static final Pattern REFERENCE = Pattern.compile("(?<![\\w.])nnsweep\\.([a-z]+)\\.([A-Za-z_]\\w*)");
  /** A reference to a class of the root package ({@code Main}, {@code StudyJob}, ...), which sits on top of all. */
  private static final Pattern ROOT_REFERENCE = Pattern.compile("(?<![\\w.])nnsweep\\.([A-Z]\\w*)");

  @Test
  void eachPackageImportsOnlyWhatItMayAndOnlySparkImportsSpark() throws IOException {
    List<String> violations = new ArrayList<>();
    int files = 0;
    for (var entry : MAY_IMPORT.entrySet()) {
      try (Stream<Path> sources = Files.walk(MAIN.resolve(entry.getKey()))) {
        for (Path f : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
          files++;
          String text = Files.readString(f);
          Matcher m = REFERENCE.matcher(code(text));
          while (m.find()) {
            String pkg = m.group(1);
            if (!pkg.equals(entry.getKey()) && !pkg.equals(BOTTOM) && !entry.getValue().contains(pkg)) {
              violations.add(f + " uses nnsweep." + pkg + "." + m.group(2));
            }
          }
          Matcher root = ROOT_REFERENCE.matcher(code(text));
          while (root.find()) {
            violations.add(f + " uses the root package's nnsweep." + root.group(1));
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

  @Test
  void everyPackageHasItsWallsAndTheRootPackageIsSeenAsTheTop() throws IOException {
    try (Stream<Path> dirs = Files.list(MAIN)) {
      assertEquals(new TreeSet<>(MAY_IMPORT.keySet()), dirs.filter(Files::isDirectory)
          .map(d -> d.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new)));
    }
    Matcher m = ROOT_REFERENCE.matcher(code("package nnsweep.grid;\nimport nnsweep.errors.InputException;\n"
        + "import nnsweep.StudyJob;\n// nnsweep.Main\nclass A { String s = \"nnsweep.Main\"; }\n"));
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group(1));
    }
    assertEquals(List.of("StudyJob"), found);
  }

  @Test
  void fullyQualifiedNamesInCodeCountAndCommentsAndStringsDoNot() {
    String source = "package nnsweep.grid;\n/** See {@link nnsweep.report.Charts}. */\nclass A {\n"
        + "  // nnsweep.spark.SparkSweep\n  String s = \"nnsweep.report.X\";\n  char c = '\"';\n"
        + "  String t = \"\"\"\n    nnsweep.report.Y\n    \"\"\";\n"
        + "  nnsweep.stats.Stats.Rate r = nnsweep.run.NetworkRun.x(); /* nnsweep.data.Z */\n}\n";
    List<String> found = new ArrayList<>();
    Matcher m = REFERENCE.matcher(code(source));
    while (m.find()) {
      found.add(m.group(1) + "." + m.group(2));
    }
    assertEquals(List.of("stats.Stats", "run.NetworkRun"), found);
  }

  /**
   * The source without its comments, string literals (text blocks included) and character literals, each replaced
   * by a space: what is left is code.
   */
  static String code(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (source.startsWith("//", i)) {
        i = source.indexOf('\n', i);
        i = i < 0 ? n : i;
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        out.append(' ');
      } else if (source.startsWith("\"\"\"", i)) {
        int end = source.indexOf("\"\"\"", i + 3);
        while (end > 0 && source.charAt(end - 1) == '\\') {
          end = source.indexOf("\"\"\"", end + 1);
        }
        i = end < 0 ? n : end + 3;
        out.append(' ');
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
          j += source.charAt(j) == '\\' ? 2 : 1;
        }
        i = j + 1;
        out.append(' ');
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
