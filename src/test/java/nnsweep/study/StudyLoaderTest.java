package nnsweep.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nnsweep.errors.InputException;
import nnsweep.nn.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The study-file loader: the shipped studies, defaults, --set overrides and every kind of bad input. */
class StudyLoaderTest {

  // surefire runs in the project root, so conf/ and data/ are relative to it
  private static final Path TUTORIAL = Path.of("conf/tutorial.conf");
  private static final Path SEED_OR = Path.of("conf/seed-or.conf");

  @TempDir Path dir;

  // ---- the shipped studies --------------------------------------------------------------------------------------

  @Test
  void loadsTheTutorialStudy() {
    Study s = StudyLoader.load(TUTORIAL, List.of());

    assertEquals("tutorial", s.name());
    assertEquals("conf/tutorial.conf", s.source());
    assertEquals(2, s.datasets().size());
    DatasetSpec or = s.datasets().get(0);
    assertEquals("or", or.name());
    assertEquals("data/or.csv", or.path());
    assertEquals(1, or.outputs());
    assertPoints(new double[][] {{1, 1}, {0, 0}, {1, 0}}, or.queries());
    DatasetSpec xor = s.datasets().get(1);
    assertEquals("xor", xor.name());
    assertEquals("data/xor.csv", xor.path());
    assertEquals(1, xor.outputs());
    assertPoints(new double[][] {{0.5, 2}, {0, -1}, {0, 5}, {1, 1.2}}, xor.queries());

    assertEquals(List.of(Model.NONE, Model.HIDDEN), s.models());
    assertEquals(List.of(3, 4), s.hiddenSizes());
    assertEquals(List.of(HiddenRule.FEWER_THAN_TWICE_INPUTS, HiddenRule.TWO_THIRDS_INPUTS_PLUS_OUTPUTS,
        HiddenRule.BETWEEN_INPUTS_AND_OUTPUTS), s.hiddenRules());
    assertEquals(List.of(0.05), s.learningRates());
    assertEquals(List.of(200_000), s.epochs());
    assertEquals(List.of(false, true), s.bias());
    assertEquals(Seeds.range(0, 10), s.seeds());
    assertNull(s.seeds().explicit());
    assertEquals(10, s.seeds().size());
    assertEquals(0, s.seeds().get(0));
    assertEquals(9, s.seeds().get(9));
    assertEquals(new InitSpec.Uniform(), s.init());
    assertEquals("uniform", s.init().scheme());
    assertEquals(0, s.partitions());
  }

  @Test
  void loadsTheSeedOrStudy() {
    Study s = StudyLoader.load(SEED_OR, List.of());

    assertEquals("seed-or", s.name());
    assertEquals("conf/seed-or.conf", s.source());
    assertEquals(1, s.datasets().size());
    DatasetSpec or = s.datasets().get(0);
    assertEquals(new DatasetSpec("or", "data/or.csv", 1, List.of(new double[] {1, 1}, new double[] {0, 0},
        new double[] {1, 0})), or);
    assertPoints(new double[][] {{1, 1}, {0, 0}, {1, 0}}, or.queries());
    assertEquals(List.of(Model.HIDDEN), s.models());
    assertEquals(List.of(3), s.hiddenSizes());
    assertEquals(List.of(), s.hiddenRules());
    assertEquals(List.of(0.05), s.learningRates());
    assertEquals(List.of(200_000), s.epochs());
    assertEquals(List.of(false), s.bias());
    assertEquals(Seeds.of(0), s.seeds());
    assertArrayEquals(new long[] {0}, s.seeds().explicit());
    assertEquals(0, s.partitions());

    InitSpec.Fixed fixed = assertInstanceOf(InitSpec.Fixed.class, s.init());
    assertEquals("fixed", fixed.scheme());
    assertArrayEquals(new double[][] {{0.1, 0.2, 0.3}, {0.4, 0.5, 0.6}}, fixed.hidden());
    assertArrayEquals(new double[][] {{0.7}, {0.8}, {0.9}}, fixed.output());
    assertNull(fixed.hiddenBias());
    assertNull(fixed.outputBias());
  }

  @Test
  void canonicalFormIsTheResolvedStudyAsJson() {
    Study s = StudyLoader.load(SEED_OR, List.of());
    Config c = ConfigFactory.parseString(s.canonical());
    assertEquals("seed-or", c.getString("name"));
    assertEquals(List.of(200_000), c.getIntList("epochs"));
    assertEquals("fixed", c.getString("init.scheme"));
    assertEquals(List.of(false), c.getBooleanList("bias"));
    assertEquals(List.of(0L), c.getLongList("seeds"));
    assertEquals(s.canonical(), StudyLoader.load(SEED_OR, List.of()).canonical());
    assertNotEquals(s.canonical(), StudyLoader.load(SEED_OR, List.of("epochs=[5]")).canonical());
    // run-only settings do not change a result, so they are no part of it (a resume may change them)
    assertFalse(c.hasPath("partitions"), s.canonical());
    assertEquals(s.canonical(), StudyLoader.load(SEED_OR, List.of("partitions=8")).canonical());
  }

  private static void assertPoints(double[][] expected, List<double[]> actual) {
    assertArrayEquals(expected, actual.toArray(double[][]::new));
  }

  // ---- defaults -------------------------------------------------------------------------------------------------

  @Test
  void optionalKeysTakeTheirDefaults() throws IOException {
    Study s = load(study("name = \"minimal\"", "datasets = [" + OR + "]", "hidden { sizes = [2] }"));

    assertEquals("minimal", s.name());
    assertEquals(List.of(new DatasetSpec("or", "data/or.csv", 1, List.of())), s.datasets());
    assertEquals(List.of(Model.HIDDEN), s.models());
    assertEquals(List.of(2), s.hiddenSizes());
    assertEquals(List.of(), s.hiddenRules());
    assertEquals(List.of(0.05), s.learningRates());
    assertEquals(List.of(10_000), s.epochs());
    assertEquals(List.of(false), s.bias());
    assertEquals(Seeds.of(0), s.seeds());
    assertEquals(new InitSpec.Uniform(), s.init());
    assertEquals(0, s.partitions());
  }

  @Test
  void aStudyFileWithoutOptionalKeysIsTheBuildersDefaultStudy() throws IOException {
    Study s = load(study("name = \"minimal\"", "datasets = [" + OR + "]", "hidden { sizes = [2] }"));

    assertEquals(Study.builder().name("minimal").source(s.source()).canonical(s.canonical())
        .datasets(new DatasetSpec("or", "data/or.csv", 1, List.of())).hiddenSizes(2).build(), s);
  }

  @Test
  void theDefaultsMergedUnderEveryStudyFileAreTheDocumentedOnes() throws IOException {
    assertEquals("""
        study {
          models = [hidden]
          hidden.sizes = []
          hidden.rules = []
          learning-rates = [0.05]
          epochs = [10000]
          bias = [false]
          seeds = [0]
          init = { scheme = uniform }
          partitions = 0
          curve-points = 50
          stop-error = null
          curve-seeds = 10
          tables = auto
          keep-models = best
        }
        """, StudyLoader.DEFAULTS);
    // docs/studies.md's key table: | `key` | type | `default` | meaning |
    Map<String, String> documented = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of("docs/studies.md"))) {
      String[] cells = line.split("\\|");
      if (cells.length > 4 && cells[1].trim().matches("`[a-z.-]+`")) {
        documented.put(cells[1].trim().replace("`", ""), cells[3].trim());
      }
    }
    Study.Builder.defaults().forEach((key, value) -> assertEquals("`" + value + "`", documented.get(key), key));
  }

  @Test
  void theDocsKeyTableDocumentsEveryKeyTheLoaderKnowsAndNoOther() throws IOException {
    // docs/studies.md's key table, from its header to its last row: each row's keys (its first cell) and its text
    List<String> lines = Files.readAllLines(Path.of("docs/studies.md"));
    int from = lines.indexOf("| key | type | default | meaning |") + 2;
    assertTrue(from > 1, "docs/studies.md has its key table");
    Map<String, String> rows = new LinkedHashMap<>();
    for (int i = from; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("`([a-z.-]+)`")
          .matcher(lines.get(i).split("\\|")[1]);
      while (m.find()) {
        rows.put(m.group(1), lines.get(i));
      }
    }
    String table = String.join("\n", rows.values());
    java.util.Set<String> known = new java.util.TreeSet<>();
    StudyLoader.KEYS.forEach((object, keys) -> keys.forEach(k -> known.add(
        (object + "." + k).replace("[]", "").replaceFirst("^study\\.", ""))));
    for (String key : known) {
      String parent = key.contains(".") ? key.substring(0, key.lastIndexOf('.')) : null;
      String leaf = key.substring(key.lastIndexOf('.') + 1);
      boolean documented = rows.containsKey(key) // a row of its own
          || rows.keySet().stream().anyMatch(k -> k.startsWith(key + ".")) // an object whose keys have rows
          || table.contains("`" + key + "`") // named in another row
          || (parent != null && rows.containsKey(parent) // described in its parent's row
              && java.util.regex.Pattern.compile("\\b" + leaf + "\\b").matcher(rows.get(parent)).find());
      assertTrue(documented, "study." + key + " is not in docs/studies.md's key table");
    }
    assertEquals(List.of(), rows.keySet().stream().filter(k -> !known.contains(k)).toList(),
        "keys in docs/studies.md's table the loader does not know");
  }

  @Test
  void noHiddenBlockIsFineWithoutAHiddenModel() throws IOException {
    Study s = load(study("name = \"t\"", "datasets = [" + OR + "]", "models = [none]"));
    assertEquals(List.of(Model.NONE), s.models());
    assertEquals(List.of(), s.hiddenSizes());
    assertEquals(List.of(), s.hiddenRules());
  }

  @Test
  void hiddenRulesAloneAreEnoughForTheHiddenModel() throws IOException {
    Study s = load(study("name = \"t\"", "datasets = [" + OR + "]", "hidden { rules = [between-inputs-and-outputs] }"));
    assertEquals(List.of(), s.hiddenSizes());
    assertEquals(List.of(HiddenRule.BETWEEN_INPUTS_AND_OUTPUTS), s.hiddenRules());
  }

  @Test
  void everyKeyCanBeGiven() throws IOException {
    Study s = load(study(
        "name = \"all_keys.v2\"",
        "datasets = [",
        "  { name = \"and\", path = \"data/and.csv\", outputs = 1, queries = [] }",
        "  { name = \"adder\", path = \"data/full-adder.csv\", outputs = 2, queries = [[1, 0, 1], [-0.5, 2.5e-1, 3]] }",
        "]",
        "models = [hidden, none]",
        "hidden { sizes = [5, 1], rules = [two-thirds-inputs-plus-outputs] }",
        "learning-rates = [0.5, 1e-3, \"0.25\"]",
        "epochs = [1, 2000000]",
        "bias = [true, false]",
        "seeds = [7, 3, 123456789012]",
        "init {",
        "  scheme = fixed",
        "  hidden = [[1, 2], [3, 4], [5, 6]]",
        "  output = [[1, -1], [0.5, 0]]",
        "  hidden-bias = [0.1, 0.2]",
        "  output-bias = [0.3, -0.4]",
        "}",
        "partitions = 12"));

    assertEquals("all_keys.v2", s.name());
    assertEquals(new DatasetSpec("and", "data/and.csv", 1, List.of()), s.datasets().get(0));
    assertEquals(new DatasetSpec("adder", "data/full-adder.csv", 2,
        List.of(new double[] {1, 0, 1}, new double[] {-0.5, 0.25, 3})), s.datasets().get(1));
    assertEquals(List.of(Model.HIDDEN, Model.NONE), s.models());
    assertEquals(List.of(5, 1), s.hiddenSizes()); // study order, not sorted
    assertEquals(List.of(HiddenRule.TWO_THIRDS_INPUTS_PLUS_OUTPUTS), s.hiddenRules());
    assertEquals(List.of(0.5, 1e-3, 0.25), s.learningRates());
    assertEquals(List.of(1, 2_000_000), s.epochs());
    assertEquals(List.of(true, false), s.bias());
    assertEquals(Seeds.of(7, 3, 123_456_789_012L), s.seeds());
    assertEquals(new InitSpec.Fixed(new double[][] {{1, 2}, {3, 4}, {5, 6}}, new double[][] {{1, -1}, {0.5, 0}},
        new double[] {0.1, 0.2}, new double[] {0.3, -0.4}), s.init());
    assertEquals(12, s.partitions());
  }

  @Test
  void fixedInitWithoutHiddenModelNeedsNoHiddenMatrix() throws IOException {
    Study s = load(study("name = \"t\"", "datasets = [" + OR + "]", "models = [none]",
        "init { scheme = fixed, output = [[0.5], [-0.5]] }"));
    InitSpec.Fixed f = assertInstanceOf(InitSpec.Fixed.class, s.init());
    assertNull(f.hidden());
    assertArrayEquals(new double[][] {{0.5}, {-0.5}}, f.output());
  }

  @Test
  void nullOptionalKeysAreAbsent() throws IOException {
    Study s = load(study("name = \"t\"",
        "datasets = [{ name = or, path = \"data/or.csv\", outputs = 1, queries = null }]",
        "hidden { sizes = [3] }",
        "init { scheme = uniform, hidden = null, output = null, hidden-bias = null, output-bias = null }"));
    assertEquals(List.of(), s.datasets().get(0).queries());
    assertEquals(new InitSpec.Uniform(), s.init());
  }

  // ---- --set overrides ------------------------------------------------------------------------------------------

  @Test
  void setWorksWithAndWithoutTheStudyPrefix() {
    Study bare = StudyLoader.load(TUTORIAL, List.of("epochs=[5]"));
    Study prefixed = StudyLoader.load(TUTORIAL, List.of("study.epochs=[5]"));
    assertEquals(List.of(5), bare.epochs());
    assertEquals(bare, prefixed);
    assertEquals(bare.canonical(), prefixed.canonical());
    assertTrue(bare.canonical().contains("\"epochs\":[5]"), bare.canonical());
  }

  @Test
  void setChangesOnlyTheKeyItNames() {
    Study plain = StudyLoader.load(TUTORIAL, List.of());
    Study s = StudyLoader.load(TUTORIAL, List.of("learning-rates=[0.1, 0.2]"));
    assertEquals(List.of(0.1, 0.2), s.learningRates());
    assertEquals(plain.datasets(), s.datasets());
    assertEquals(plain.models(), s.models());
    assertEquals(plain.hiddenSizes(), s.hiddenSizes());
    assertEquals(plain.hiddenRules(), s.hiddenRules());
    assertEquals(plain.epochs(), s.epochs());
    assertEquals(plain.bias(), s.bias());
    assertEquals(plain.seeds(), s.seeds());
    assertEquals(plain.init(), s.init());
  }

  @Test
  void laterSetsWin() {
    Study s = StudyLoader.load(TUTORIAL, List.of("epochs=[1]", "study.epochs=[2]", "epochs=[3]"));
    assertEquals(List.of(3), s.epochs());
    Study t = StudyLoader.load(TUTORIAL, List.of("epochs=[3]", "epochs=[2]", "study.epochs=[1]"));
    assertEquals(List.of(1), t.epochs());
  }

  @Test
  void severalSetsApplyTogether() {
    Study s = StudyLoader.load(TUTORIAL, List.of("name=\"quick-run\"", "models=[none]", "bias=[true]",
        " learning-rates = [0.5] ", "hidden.sizes=[7]", "partitions=3"));
    assertEquals("quick-run", s.name());
    assertEquals(List.of(Model.NONE), s.models());
    assertEquals(List.of(true), s.bias());
    assertEquals(List.of(0.5), s.learningRates());
    assertEquals(List.of(7), s.hiddenSizes());
    // a nested key merges into its object: the file's rules stay
    assertEquals(3, s.hiddenRules().size());
    assertEquals(3, s.partitions());
  }

  @Test
  void seedsAsRangeOverAList() {
    Study s = StudyLoader.load(SEED_OR, List.of("seeds={ from = 0, count = 100 }"));
    assertEquals(Seeds.range(0, 100), s.seeds());
    assertEquals(100, s.seeds().size());
    assertEquals(99, s.seeds().get(99));
    Study t = StudyLoader.load(SEED_OR, List.of("seeds = { from = 5, count = 3 }"));
    assertEquals(List.of(5L, 6L, 7L), List.of(t.seeds().get(0), t.seeds().get(1), t.seeds().get(2)));
  }

  @Test
  void seedsAsListOverARange() {
    Study s = StudyLoader.load(TUTORIAL, List.of("seeds=[4, 5]"));
    assertEquals(Seeds.of(4, 5), s.seeds());
    assertArrayEquals(new long[] {4, 5}, s.seeds().explicit());
  }

  @Test
  void seedsRangeThenListLaterWins() {
    assertEquals(Seeds.of(1, 2), StudyLoader.load(SEED_OR,
        List.of("seeds={ from = 0, count = 100 }", "seeds=[1, 2]")).seeds());
    assertEquals(Seeds.range(0, 100), StudyLoader.load(SEED_OR,
        List.of("seeds=[1, 2]", "seeds={ from = 0, count = 100 }")).seeds());
  }

  @Test
  void setCanSwitchAFixedStudyToUniformByRemovingItsWeights() {
    Study s = StudyLoader.load(SEED_OR, List.of("init.scheme=uniform", "init.hidden=null", "init.output=null"));
    assertEquals(new InitSpec.Uniform(), s.init());
  }

  @Test
  void setSchemeUniformAloneComplainsAboutTheFilesWeights() {
    InputException e = assertThrows(InputException.class,
        () -> StudyLoader.load(SEED_OR, List.of("init.scheme=uniform")));
    assertOneLine(e.getMessage());
    assertTrue(e.getMessage().startsWith("conf/seed-or.conf:17: study.init.hidden: weights given but scheme is"
        + " uniform, expected "), e.getMessage());
  }

  // ---- bad study files ------------------------------------------------------------------------------------------

  private static final String OR = "{ name = \"or\", path = \"data/or.csv\", outputs = 1 }";
  private static final String NAME = "name = \"t\"";
  private static final String DATASETS = "datasets = [" + OR + "]";
  private static final String HIDDEN = "hidden { sizes = [3] }";
  private static final String FIXED_HIDDEN = "  hidden = [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]";
  private static final String FIXED_OUTPUT = "  output = [[0.7], [0.8], [0.9]]";

  /** A study file: "study {", the lines (the first on line 2), "}". */
  private static String study(String... lines) {
    StringBuilder b = new StringBuilder("study {\n");
    for (String line : lines) {
      b.append("  ").append(line).append('\n');
    }
    return b.append("}\n").toString();
  }

  /** A valid study (name on line 2, datasets on 3, hidden on 4) plus extra lines from line 5 on. */
  private static String base(String... extra) {
    List<String> lines = new ArrayList<>(List.of(NAME, DATASETS, HIDDEN));
    lines.addAll(Arrays.asList(extra));
    return study(lines.toArray(String[]::new));
  }

  /**
   * A bad study file and what its message must say.
   *
   * @param line the line the message must name, 0 for none
   * @param key the key path, null for none (malformed files)
   * @param found the offending value as the message shows it
   * @param also further text the message must contain (a suggestion, say), or null
   */
  record Bad(String text, int line, String key, String found, String also) {}

  private static Arguments bad(String name, String text, int line, String key, String found) {
    return bad(name, text, line, key, found, null);
  }

  private static Arguments bad(String name, String text, int line, String key, String found, String also) {
    return Arguments.of(name, new Bad(text, line, key, found, also));
  }

  static Stream<Arguments> badStudies() {
    return Stream.of(
        // malformed HOCON
        bad("malformed: unclosed list", study(NAME, "epochs = [1, 2"), 4, null, "malformed HOCON"),
        bad("malformed: unclosed brace", "study {\n  name = \"t\"\n  hidden { sizes = [3]\n}\n", 5, null,
            "malformed HOCON"),
        bad("malformed: missing value", study(NAME, "epochs ="), 4, null, "malformed HOCON"),
        bad("malformed: stray bracket", study(NAME, "epochs = [1]]"), 3, null, "malformed HOCON"),
        bad("unresolved substitution", study("name = ${no-such-key-in-any-study}"), 2, null,
            "${no-such-key-in-any-study}"),

        // unknown keys, with the nearest known key suggested
        bad("unknown top-level key", "studdy { name = \"x\" }\n" + base(), 1, "studdy", "unknown key",
            "did you mean 'study'?"),
        bad("unknown study key", base("learning-rate = [0.1]"), 5, "study.learning-rate", "unknown key",
            "did you mean 'learning-rates'?"),
        bad("unknown study key, far from all", base("colour = red"), 5, "study.colour", "unknown key",
            "one of name, datasets, models, hidden, learning-rates, epochs, bias, seeds, init, partitions"),
        bad("unknown dataset key", study(NAME, "datasets = [", "  { name = or, path = \"data/or.csv\", output = 1 }",
            "]", HIDDEN), 4, "study.datasets[0].output", "unknown key", "did you mean 'outputs'?"),
        bad("unknown key in second dataset", study(NAME, "datasets = [", "  " + OR,
            "  { name = xor, path = \"data/xor.csv\", outputs = 1, querys = [] }", "]", HIDDEN), 5,
            "study.datasets[1].querys", "unknown key", "did you mean 'queries'?"),
        bad("unknown hidden key", study(NAME, DATASETS, "hidden {", "  size = [3]", "}"), 5, "study.hidden.size",
            "unknown key", "did you mean 'sizes'?"),
        bad("unknown init key", base("init {", "  schema = uniform", "}"), 6, "study.init.schema", "unknown key",
            "did you mean 'scheme'?"),
        bad("unknown seed range key", base("seeds = { from = 0, cout = 10 }"), 5, "study.seeds.cout", "unknown key",
            "did you mean 'count'?"),

        // wrong types
        bad("string where list", base("learning-rates = \"0.1\""), 5, "study.learning-rates", "string \"0.1\""),
        bad("number where list", base("epochs = 1000"), 5, "study.epochs", "number 1000"),
        bad("list where string", study("name = [\"t\"]", DATASETS, HIDDEN), 2, "study.name", "list [\"t\"]"),
        bad("object where list", study(NAME, "datasets = " + OR, HIDDEN), 3, "study.datasets",
            "object {\"name\":\"or\""),
        bad("list where object", study(NAME, DATASETS, "hidden = [3]"), 4, "study.hidden", "list [3]"),
        bad("study not an object", "\nstudy = 3\n", 2, "study", "number 3"),
        bad("dataset not an object", study(NAME, "datasets = [\"data/or.csv\"]", HIDDEN), 3, "study.datasets[0]",
            "string \"data/or.csv\""),
        bad("object where path string", study(NAME, "datasets = [{ name = or, path { a = 1 }, outputs = 1 }]",
            HIDDEN), 3, "study.datasets[0].path", "object {\"a\":1}"),
        bad("seeds a string", base("seeds = \"all\""), 5, "study.seeds", "\"all\""),
        bad("bias not a boolean", base("bias = [maybe]"), 5, "study.bias[0]", "\"maybe\""),
        bad("scheme a list", base("init { scheme = [fixed] }"), 5, "study.init.scheme", "list [\"fixed\"]"),
        bad("query not a list", study(NAME, "datasets = [{ name = or, path = \"data/or.csv\", outputs = 1,"
            + " queries = [1, 2] }]", HIDDEN), 3, "study.datasets[0].queries[0]", "number 1"),
        bad("model not a string", base("models = [[hidden]]"), 5, "study.models[0]", "list [\"hidden\"]"),

        // empty lists
        bad("empty datasets", study(NAME, "datasets = []", HIDDEN), 3, "study.datasets", "empty list"),
        bad("empty models", base("models = []"), 5, "study.models", "empty list"),
        bad("empty learning-rates", base("learning-rates = []"), 5, "study.learning-rates", "empty list"),
        bad("empty epochs", base("epochs = []"), 5, "study.epochs", "empty list"),
        bad("empty bias", base("bias = []"), 5, "study.bias", "empty list"),
        bad("empty seeds", base("seeds = []"), 5, "study.seeds", "empty list"),
        bad("no hidden sizes for hidden model", study(NAME, DATASETS, "hidden { sizes = [], rules = [] }"), 4,
            "study.hidden", "no hidden sizes"),

        // learning rates
        bad("learning rate 0", base("learning-rates = [0.05,", "  0]"), 6, "study.learning-rates[1]", "found 0.0"),
        bad("learning rate negative", base("learning-rates = [0.05,", "  -0.1]"), 6, "study.learning-rates[1]",
            "found -0.1"),
        bad("learning rate Infinity", base("learning-rates = [0.05,", "  \"Infinity\"]"), 6,
            "study.learning-rates[1]", "found Infinity"),
        bad("learning rate NaN", base("learning-rates = [0.05,", "  \"NaN\"]"), 6, "study.learning-rates[1]",
            "found NaN"),
        bad("learning rate overflows", base("learning-rates = [0.05,", "  1e400]"), 6, "study.learning-rates[1]",
            "found Infinity"),
        bad("learning rate not a number", base("learning-rates = [fast]"), 5, "study.learning-rates[0]",
            "string \"fast\""),

        // epochs
        bad("epochs 0", base("epochs = [100,", "  0]"), 6, "study.epochs[1]", "found 0"),
        bad("epochs negative", base("epochs = [100,", "  -5]"), 6, "study.epochs[1]", "found -5"),
        bad("epochs not an integer", base("epochs = [100,", "  1.5]"), 6, "study.epochs[1]", "found 1.5"),
        bad("epochs too large", base("epochs = [1e10]"), 5, "study.epochs[0]", "found 10000000000"),

        // hidden sizes, rules, models, init schemes
        bad("hidden size 0", study(NAME, DATASETS, "hidden { sizes = [3, 0] }"), 4, "study.hidden.sizes[1]",
            "found 0"),
        bad("unknown rule", study(NAME, DATASETS, "hidden { rules = [fewer-than-twice-input] }"), 4,
            "study.hidden.rules[0]", "'fewer-than-twice-input'", "did you mean 'fewer-than-twice-inputs'?"),
        bad("unknown model", base("models = [none, hiden]"), 5, "study.models[1]", "'hiden'",
            "did you mean 'hidden'?"),
        bad("unknown init scheme", base("init { scheme = fixd }"), 5, "study.init.scheme", "'fixd'",
            "did you mean 'fixed'?"),
        bad("unknown init scheme, far from all", base("init { scheme = gaussian }"), 5, "study.init.scheme",
            "'gaussian'", "expected uniform, symmetric, xavier or fixed"),

        // fixed init
        bad("fixed without output", base("init {", "  scheme = fixed", FIXED_HIDDEN, "}"), 5,
            "study.init.output", "missing"),
        bad("fixed without hidden", base("init {", "  scheme = fixed", FIXED_OUTPUT, "}"), 5,
            "study.init.hidden", "missing", "the study has a hidden model"),
        bad("fixed without hidden-bias", base("bias = [true]", "init {", "  scheme = fixed", FIXED_HIDDEN,
            FIXED_OUTPUT, "  output-bias = [0.1]", "}"), 6, "study.init.hidden-bias", "missing", "bias = true"),
        bad("fixed without output-bias", base("bias = [false, true]", "init {", "  scheme = fixed", FIXED_HIDDEN,
            FIXED_OUTPUT, "  hidden-bias = [0.1, 0.2, 0.3]", "}"), 6, "study.init.output-bias", "missing",
            "bias = true"),
        bad("ragged fixed matrix", base("init {", "  scheme = fixed", "  hidden = [[0.1, 0.2, 0.3],",
            "            [0.4, 0.5]]", FIXED_OUTPUT, "}"), 8, "study.init.hidden[1]", "[0.4,0.5]",
            "expected 3 values like row 0"),
        bad("empty fixed matrix", base("init { scheme = fixed, hidden = [], output = [[1]] }"), 5,
            "study.init.hidden", "list []"),
        bad("empty fixed matrix row", base("init { scheme = fixed, hidden = [[]], output = [[1]] }"), 5,
            "study.init.hidden[0]", "found []"),
        bad("non-numeric weight", base("init {", "  scheme = fixed", "  hidden = [[0.1, 0.2, 0.3], [0.4, x, 0.6]]",
            FIXED_OUTPUT, "}"), 7, "study.init.hidden[1][1]", "\"x\""),
        bad("weights with uniform scheme", base("init {", "  scheme = uniform", "  output = [[1]]", "}"), 7,
            "study.init.output", "weights given but scheme is uniform"),

        // duplicates
        bad("duplicate dataset names", study(NAME, "datasets = [", "  " + OR,
            "  { name = \"or\", path = \"data/xor.csv\", outputs = 1 }", "]", HIDDEN), 5, "study.datasets[1].name",
            "'or'", "study.datasets[0]"),
        bad("duplicate learning rate", base("learning-rates = [0.05, 0.1, 5e-2]"), 5, "study.learning-rates[2]",
            "found 0.05"),
        bad("duplicate hidden size", study(NAME, DATASETS, "hidden { sizes = [3, 4, 3] }"), 4,
            "study.hidden.sizes[2]", "found 3"),
        bad("duplicate epochs", base("epochs = [10, 10]"), 5, "study.epochs[1]", "found 10"),
        bad("duplicate bias", base("bias = [true, true]"), 5, "study.bias[1]", "found true"),
        bad("duplicate seed", base("seeds = [1, 2, 1]"), 5, "study.seeds[2]", "found 1"),
        bad("duplicate model", base("models = [hidden, none, hidden]"), 5, "study.models[2]", "found \"hidden\""),
        bad("duplicate rule", study(NAME, DATASETS,
            "hidden { rules = [between-inputs-and-outputs, between-inputs-and-outputs] }"), 4,
            "study.hidden.rules[1]", "found \"between-inputs-and-outputs\""),

        // datasets
        bad("dataset without path", study(NAME, "datasets = [", "  { name = \"or\", outputs = 1 }", "]", HIDDEN), 4,
            "study.datasets[0].path", "missing"),
        bad("dataset without outputs", study(NAME, "datasets = [", "  { name = \"or\", path = \"data/or.csv\" }", "]",
            HIDDEN), 4, "study.datasets[0].outputs", "missing"),
        bad("dataset without name", study(NAME, "datasets = [", "  { path = \"data/or.csv\", outputs = 1 }", "]",
            HIDDEN), 4, "study.datasets[0].name", "missing"),
        bad("dataset outputs 0", study(NAME, "datasets = [", "  { name = or, path = \"data/or.csv\", outputs = 0 }",
            "]", HIDDEN), 4, "study.datasets[0].outputs", "found 0"),
        bad("dataset outputs 1.5", study(NAME, "datasets = [", "  { name = or, path = \"data/or.csv\", outputs = 1.5 }",
            "]", HIDDEN), 4, "study.datasets[0].outputs", "found 1.5"),
        bad("dataset empty path", study(NAME, "datasets = [{ name = or, path = \"  \", outputs = 1 }]", HIDDEN), 3,
            "study.datasets[0].path", "empty string"),
        bad("dataset name with slash", study(NAME, "datasets = [{ name = \"a/b\", path = \"data/or.csv\","
            + " outputs = 1 }]", HIDDEN), 3, "study.datasets[0].name", "'a/b'"),
        bad("non-numeric query value", study(NAME, "datasets = [",
            "  { name = or, path = \"data/or.csv\", outputs = 1, queries = [[1, 1], [0, x]] }", "]", HIDDEN), 4,
            "study.datasets[0].queries[1][1]", "\"x\""),
        bad("infinite query value", study(NAME, "datasets = [{ name = or, path = \"data/or.csv\", outputs = 1,"
            + " queries = [[1, \"-Infinity\"]] }]", HIDDEN), 3, "study.datasets[0].queries[0][1]", "-Infinity"),

        // names
        bad("study name with a space", study("name = \"a b\"", DATASETS, HIDDEN), 2, "study.name", "'a b'"),
        bad("study name climbing out", study("name = \"../x\"", DATASETS, HIDDEN), 2, "study.name", "'../x'"),
        bad("study name starting with a dash", study("name = \"-x\"", DATASETS, HIDDEN), 2, "study.name", "'-x'"),
        bad("study name empty", study("name = \"\"", DATASETS, HIDDEN), 2, "study.name", "empty string"),
        bad("study name with a line break", study("name = \"a\\nb\"", DATASETS, HIDDEN), 2, "study.name",
            "'a\\nb'"),
        bad("study name missing", study(DATASETS, HIDDEN), 0, "study.name", "missing"),
        bad("empty file", "", 0, "study.name", "missing"),

        // seeds and partitions
        bad("seeds count 0", base("seeds = { from = 0, count = 0 }"), 5, "study.seeds.count", "found 0"),
        bad("seeds from negative", base("seeds = { from = -5, count = 3 }"), 5, "study.seeds.from", "found -5"),
        bad("seeds range without count", base("seeds = { from = 3 }"), 5, "study.seeds.count", "missing"),
        bad("seed negative", base("seeds = [-1]"), 5, "study.seeds[0]", "found -1"),
        bad("seed out of range", base("seeds = [10000000000000000]"), 5, "study.seeds[0]",
            "found 10000000000000000", "out of range"),
        bad("partitions negative", base("partitions = -1"), 5, "study.partitions", "found -1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badStudies")
  void badStudyFileIsOneLineNamingFileKeyValueAndExpectation(String name, Bad bad) throws IOException {
    Path file = write("bad.conf", bad.text());
    InputException e = assertThrows(InputException.class, () -> StudyLoader.load(file, List.of()),
        () -> "accepted: " + name);
    String m = e.getMessage();
    assertOneLine(m);
    String where = file + (bad.line() > 0 ? ":" + bad.line() : "");
    assertTrue(m.startsWith(where + ": ") || bad.line() == 0 && m.startsWith(file.toString()),
        () -> "expected to start with '" + where + ": ': " + m);
    if (bad.key() != null) {
      assertTrue(m.contains(": " + bad.key() + ": "), () -> "no key '" + bad.key() + "' in: " + m);
    }
    assertTrue(m.contains(bad.found()), () -> "no '" + bad.found() + "' in: " + m);
    assertTrue(m.contains("expected "), () -> "no 'expected' in: " + m);
    if (bad.also() != null) {
      assertTrue(m.contains(bad.also()), () -> "no '" + bad.also() + "' in: " + m);
    }
  }

  @Test
  void farAwayUnknownKeyGetsNoSuggestion() throws IOException {
    Path file = write("far.conf", base("colour = red"));
    String m = assertThrows(InputException.class, () -> StudyLoader.load(file, List.of())).getMessage();
    assertFalse(m.contains("did you mean"), m);
  }

  @Test
  void missingFile() {
    Path file = dir.resolve("nope.conf");
    InputException e = assertThrows(InputException.class, () -> StudyLoader.load(file, List.of()));
    assertOneLine(e.getMessage());
    assertEquals(file + ": study file not found, expected a HOCON study file such as conf/tutorial.conf",
        e.getMessage());
  }

  @Test
  void directoryInsteadOfFile() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("study.conf"));
    InputException e = assertThrows(InputException.class, () -> StudyLoader.load(folder, List.of()));
    assertOneLine(e.getMessage());
    assertTrue(e.getMessage().startsWith(folder + ": study file is not a readable file"), e.getMessage());
    assertTrue(e.getMessage().contains("expected "), e.getMessage());
  }

  // ---- bad --set arguments --------------------------------------------------------------------------------------

  @Test
  void setWithoutEquals() {
    assertSetError(List.of("epochs"), "--set epochs: expected key=value");
  }

  @Test
  void setWithoutKey() {
    assertSetError(List.of("=5"), "--set =5: expected key=value");
  }

  @Test
  void setWithMalformedValue() {
    assertSetError(List.of("epochs=[1,"), "--set epochs=[1,: malformed HOCON value: ");
  }

  @Test
  void setWithEmptyValue() {
    assertSetError(List.of("epochs="), "--set epochs=: malformed HOCON value: ");
  }

  @Test
  void setWithListIndexInKey() {
    assertSetError(List.of("datasets[0].outputs=2"), "--set datasets[0].outputs=2: malformed HOCON value: ");
  }

  @Test
  void setWithUnknownKeyNamesTheSetArgument() {
    String m = assertSetError(List.of("epochs=[5]", "learning-rate=[0.1]"),
        "--set learning-rate=[0.1]: study.learning-rate: unknown key, expected one of ");
    assertTrue(m.endsWith("did you mean 'learning-rates'?"), m);
  }

  @Test
  void setWithUnknownNestedKeyNamesTheSetArgument() {
    String m = assertSetError(List.of("study.hidden.size=[3]"),
        "--set study.hidden.size=[3]: study.hidden.size: unknown key, expected one of sizes, rules");
    assertTrue(m.endsWith("did you mean 'sizes'?"), m);
  }

  @Test
  void setWithBadValueNamesTheSetArgumentNotTheFile() {
    String m = assertSetError(List.of("epochs=[5]", "epochs=[100, 0]"),
        "--set epochs=[100, 0]: study.epochs[1]: must be >= 1, found 0, expected an integer >= 1");
    assertFalse(m.contains("tutorial.conf"), m);
  }

  @Test
  void setReplacingTheStudyWithANumber() {
    assertSetError(List.of("study=3"), "--set study=3: study: wrong type, found number 3, expected ");
  }

  @Test
  void setWithLineBreakStaysOneLine() {
    String m = assertSetError(List.of("epochs=[1,\n0]"), "--set epochs=[1,\\n0]: study.epochs[1]: ");
    assertTrue(m.contains("found 0"), m);
  }

  @Test
  void setThatIsValidOnlyAfterALaterSetIsStillChecked() {
    // every --set is parsed, even one a later --set overrides
    assertSetError(List.of("epochs=[1,", "epochs=[2]"), "--set epochs=[1,: malformed HOCON value: ");
  }

  private static String assertSetError(List<String> sets, String prefix) {
    InputException e = assertThrows(InputException.class, () -> StudyLoader.load(TUTORIAL, sets));
    String m = e.getMessage();
    assertOneLine(m);
    assertTrue(m.startsWith(prefix), () -> "expected to start with '" + prefix + "': " + m);
    assertTrue(m.contains("expected "), m);
    return m;
  }

  // ---- suggestions ----------------------------------------------------------------------------------------------

  @Test
  void suggestsTheNearestCandidateWithinASmallDistance() {
    assertEquals("; did you mean 'learning-rates'?", ConfigReader.suggest("learning-rate",
        List.of("epochs", "learning-rates")));
    assertEquals("; did you mean 'seeds'?", ConfigReader.suggest("sedes", List.of("seeds", "bias")));
    assertEquals("", ConfigReader.suggest("colour", List.of("seeds", "bias", "epochs")));
    assertEquals("", ConfigReader.suggest("x", List.of()));
    assertEquals(0, ConfigReader.distance("abc", "abc"));
    assertEquals(1, ConfigReader.distance("abc", "abd"));
    assertEquals(3, ConfigReader.distance("", "abc"));
    assertEquals(2, ConfigReader.distance("ab", "ba"));
  }

  // ---- helpers --------------------------------------------------------------------------------------------------

  private Study load(String text) throws IOException {
    return StudyLoader.load(write("study.conf", text), List.of());
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static void assertOneLine(String message) {
    assertFalse(message.contains("\n") || message.contains("\r"), () -> "not one line: " + message);
    assertFalse(message.isBlank());
  }
}
