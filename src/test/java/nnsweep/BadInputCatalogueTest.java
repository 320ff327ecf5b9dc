package nnsweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input catalogue of docs/bad-input.md, entry by entry: exit status 2, one line naming where (file:line, key
 * or option), the value found and what was expected; no stack trace; nothing created or changed in the output
 * folder. A run writes the table of docs/bad-input.md to target/bad-input-catalogue.md; paste it there when an entry
 * is added or a message changes.
 */
class BadInputCatalogueTest {
  private static final String STUDY = """
      study {
        name = "bad"
        datasets = [ { name = "d", path = "DATA", outputs = 1, queries = [[1, 0]] } ]
        models = [hidden]
        hidden { sizes = [2] }
        learning-rates = [0.5]
        epochs = [10]
        bias = [false]
        seeds = [0]
        init { scheme = uniform }
      }
      """;
  private static final String CSV = "x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n";
  private static final List<String> TABLE = new ArrayList<>();

  @TempDir static Path tmp;

  /** One catalogue entry: how the study, dataset and arguments are broken, and what the message must say. */
  record Entry(String what, UnaryOperator<String> study, String csv, List<String> args, List<String> mustSay) {
    @Override
    public String toString() {
      return what;
    }
  }

  static Entry study(String what, String from, String to, String... mustSay) {
    return new Entry(what, s -> s.replace(from, to), CSV, List.of(), List.of(mustSay));
  }

  static Entry csv(String what, String csv, String... mustSay) {
    return new Entry(what, s -> s, csv, List.of(), List.of(mustSay));
  }

  static Entry args(String what, List<String> args, String... mustSay) {
    return new Entry(what, s -> s, CSV, args, List.of(mustSay));
  }

  static Stream<Entry> catalogue() {
    return Stream.of(
        study("malformed HOCON", "epochs = [10]", "epochs = [10", "study.conf:", "malformed HOCON", "expected"),
        study("unknown keep-models", "epochs = [10]", "epochs = [10], keep-models = all", "study.conf:7:",
            "study.keep-models", "unknown value \"all\"", "expected best (the best network of each dataset), cells"
                + " (the best network of every cell) or none"),
        study("unknown key", "learning-rates = [0.5]", "learning-rate = [0.5]", "study.conf:6:",
            "study.learning-rate", "did you mean 'learning-rates'?"),
        study("wrong type", "epochs = [10]", "epochs = \"many\"", "study.conf:7:", "study.epochs",
            "\"many\"", "expected a list of integers"),
        study("empty list", "models = [hidden]", "models = []", "study.conf:4:", "study.models", "empty list"),
        study("learning rate <= 0", "learning-rates = [0.5]", "learning-rates = [0.5, -0.1]", "study.conf:6:",
            "study.learning-rates[1]", "-0.1", "expected a positive finite number"),
        study("learning rate not finite", "learning-rates = [0.5]", "learning-rates = [\"Infinity\"]",
            "study.learning-rates[0]", "Infinity", "expected a positive finite number"),
        study("epochs <= 0", "epochs = [10]", "epochs = [0]", "study.conf:7:", "study.epochs[0]", "found 0",
            "expected an integer >= 1"),
        study("hidden size <= 0", "sizes = [2]", "sizes = [0]", "study.conf:5:", "study.hidden.sizes[0]",
            "found 0", "expected an integer >= 1"),
        study("unknown rule", "sizes = [2]", "sizes = [2], rules = [golden-ratio]", "study.hidden.rules[0]",
            "golden-ratio", "expected one of fewer-than-twice-inputs"),
        study("unknown model", "models = [hidden]", "models = [deep]", "study.models[0]", "'deep'",
            "expected none or hidden"),
        study("unknown init scheme", "scheme = uniform", "scheme = gaussian", "study.init.scheme", "'gaussian'",
            "expected uniform, symmetric, xavier or fixed"),
        study("fixed weights of the wrong shape", "scheme = uniform",
            "scheme = fixed, hidden = [[1, 2, 3], [4, 5, 6]], output = [[1], [2], [3]]", "study.init.hidden",
            "found 2 x 3", "expected 2 x 2"),
        study("missing dataset file", "path = \"DATA\"", "path = \"no/such.csv\"", "study.conf: study.datasets[0].path:",
            "dataset file not found, found 'no/such.csv', looked at /", "/no/such.csv (relative to the current"
            + " directory, ", "expected a readable CSV file"),
        study("duplicate dataset names", "queries = [[1, 0]] } ]",
            "queries = [[1, 0]] }, { name = \"d\", path = \"DATA\", outputs = 1 } ]", "study.datasets[1].name",
            "duplicate dataset name, found 'd'"),
        study("seed count 0", "seeds = [0]", "seeds = { from = 0, count = 0 }", "study.seeds.count",
            "must be >= 1, found 0"),
        study("bad study name", "name = \"bad\"", "name = \"../escape\"", "study.name", "'../escape'",
            "expected letters, digits"),
        csv("dataset without header", "0,0,0\n0,1,1\n", "data.csv:1:", "no header row", "'0,0,0'"),
        csv("ragged row", "x1,x2,y\n0,0,0\n0,1\n", "data.csv:3:", "wrong number of cells", "found 2",
            "expected 3"),
        csv("non-numeric cell", "x1,x2,y\n0,0,0\n0,abc,1\n", "data.csv:3:2:", "'x2'", "found 'abc'",
            "expected a plain decimal number"),
        csv("NaN cell", "x1,x2,y\n0,0,NaN\n", "data.csv:2:3:", "non-finite value", "found 'NaN'"),
        csv("infinite cell", "x1,x2,y\n1e999,0,1\n", "data.csv:2:1:", "overflows to infinity", "found '1e999'"),
        study("outputs >= columns", "outputs = 1", "outputs = 3", "data.csv:1:", "too few columns for 3 outputs",
            "found 3 columns, expected at least 4"),
        csv("empty dataset", "x1,x2,y\n", "data.csv:", "no data rows", "expected at least 1 row"),
        study("query point of the wrong arity", "queries = [[1, 0]]", "queries = [[1, 0, 1]]",
            "study.datasets[0].queries[0]", "found 3", "expected 2"),
        args("output path is a file", List.of("--out", "FILE"), "--out", "is a file", "expected a folder"),
        args("non-empty output folder", List.of("--out", "FULL"), "folder exists and is not empty",
            "--overwrite"),
        args("unknown command-line option", List.of("--overwrit"), "command line:", "'--overwrit'",
            "did you mean '--overwrite'?"),
        args("missing option value", List.of("--set"), "command line:", "--set"),
        args("--set without =", List.of("--set", "epochs"), "--set epochs", "expected key=value"),
        args("--set of an unknown key", List.of("--set", "epoch=[5]"), "--set epoch=[5]", "study.epoch",
            "did you mean 'epochs'?"),
        args("--set value split by the shell (unquoted)", List.of("--set", "seeds={", "from", "=", "0,", "count", "=",
            "2", "}"), "--set seeds={: the value is cut short", "found 'from' '=' '0,'", "quote it",
            "--set 'seeds={ from = 0, count = 2 }'"),
        args("--set value with an unclosed bracket", List.of("--set", "epochs=[1,"), "--set epochs=[1,",
            "cut short (unbalanced brackets)", "quote it"),
        args("mistyped master", List.of("SPARK:spark.master=lcoal[2]"), "--master 'lcoal[2]': not a Spark master URL",
            "expected local, local[N]", "did you mean 'local[2]'?"),
        args("master that is no URL", List.of("SPARK:spark.master=local[x]"), "--master 'local[x]'",
            "not a Spark master URL", "spark://HOST:PORT"),
        args("Mesos master (gone in Spark 4)", List.of("SPARK:spark.master=mesos://m:5050"),
            "--master 'mesos://m:5050': Mesos is not supported by Spark 4"),
        args("executor wait not a number", List.of("SPARK:spark.nnsweep.executorWaitSeconds=2m"),
            "spark conf spark.nnsweep.executorWaitSeconds", "found '2m'", "expected e.g. 120"),
        args("--overwrite with --resume", List.of("--overwrite", "--resume"), "command line:",
            "exclude each other"),
        args("--resume with nothing to resume", List.of("--resume"), "no interrupted run there"),
        args("output folder in use by another run", List.of("--out", "LOCKED", "--resume"), "--out ",
            "in use by another run, pid " + ProcessHandle.current().pid() + " on host ",
            "expected one run per output folder"),
        args("output folder locked from another host", List.of("--out", "REMOTE", "--overwrite"), "--out ",
            "locked by a run on another host, pid 4242 on host elsewhere.example", "pass --break-lock"),
        study("test-fraction out of range", "outputs = 1,", "outputs = 1, test-fraction = 1.0,",
            "study.datasets[0].test-fraction", "found 1.0", "expected a fraction >= 0 and < 1"),
        study("test-fraction leaving no training row", "outputs = 1,", "outputs = 1, test-fraction = 0.9,",
            "study.datasets[0].test-fraction", "leaves 0 training and 4 test rows"),
        study("unknown scaling", "outputs = 1,", "outputs = 1, scale = zscore,", "study.datasets[0].scale",
            "'zscore'", "expected none, minmax or standard"),
        study("stop-error < 0", "epochs = [10]", "epochs = [10]\n  stop-error = -1", "study.stop-error",
            "found -1.0", "expected an error threshold"),
        study("rule alpha <= 0", "sizes = [2]", "sizes = [2], alpha = 0", "study.hidden.alpha", "found 0.0",
            "expected a positive number"),
        study("hidden.range-sizes below 8", "sizes = [2]", "sizes = [2], range-sizes = 4", "study.conf:5:",
            "study.hidden.range-sizes", "must be >= 8, found 4", "expected an integer >= 8"),
        study("range without symmetric", "scheme = uniform", "scheme = uniform, range = 2", "study.init.range",
            "range given but scheme is uniform"),
        study("duplicate init", "init { scheme = uniform }", "init = [{ scheme = xavier }, { scheme = xavier }]",
            "study.init[1]", "duplicate value"),
        study("sampled axis with samples < 1", "learning-rates = [0.5]",
            "learning-rates = { log-uniform = [0.01, 2.0], samples = 0 }", "study.conf:6:",
            "study.learning-rates.samples", "found 0", "expected an integer >= 1"),
        study("non-positive log-uniform bound", "learning-rates = [0.5]",
            "learning-rates = { log-uniform = [0, 2.0], samples = 16 }", "study.conf:6:",
            "study.learning-rates.log-uniform[0]", "found 0.0", "expected a positive number"),
        study("learning-rates.per-row not a boolean", "learning-rates = [0.5]",
            "learning-rates = { values = [0.5], per-row = maybe }", "study.conf:6:",
            "study.learning-rates.per-row"),
        study("learning-rates object with an unknown key", "learning-rates = [0.5]",
            "learning-rates = { values = [0.5], per-rows = true }", "study.conf:6:",
            "study.learning-rates.per-rows", "did you mean 'per-row'?"),
        study("unknown search strategy", "epochs = [10]", "epochs = [10]\n  search { strategy = hyperband }",
            "study.conf:8:", "study.search.strategy", "'hyperband'", "expected grid or halving"),
        study("validation-fraction out of range", "outputs = 1,", "outputs = 1, validation-fraction = 1.0,",
            "study.conf:3:", "study.datasets[0].validation-fraction", "found 1.0",
            "expected a share of the training rows > 0 and < 1"),
        study("validation-fraction leaving a class without rows", "outputs = 1,",
            "outputs = 1, validation-fraction = 0.1,", "study.datasets[0].validation-fraction",
            "validation-fraction 0.1 leaves class 'y = 0' of 'd' without validation rows", "of its 2 training rows"),
        study("halving race-by naming no axis", "epochs = [10]",
            "epochs = [10]\n  search { strategy = halving, min-epochs = 5, race-by = [dataset, seed] }",
            "study.conf:8:", "study.search.race-by[1]", "not an axis of the study's cells, found 'seed'",
            "expected a list of cell axes among dataset, model, hidden, bias, learning-rate, init"),
        study("race-by with a grid", "epochs = [10]", "epochs = [10]\n  search { race-by = [hidden] }",
            "study.conf:8:", "study.search.race-by", "race-by given but strategy is grid"),
        study("halving reduction < 2", "epochs = [10]",
            "epochs = [10]\n  search { strategy = halving, reduction = 1, min-epochs = 5 }", "study.conf:8:",
            "study.search.reduction", "found 1", "expected an integer >= 2"),
        study("halving min-epochs above the budget", "epochs = [10]",
            "epochs = [10]\n  search { strategy = halving, min-epochs = 20 }", "study.conf:8:",
            "study.search.min-epochs", "above the budget, found 20", "expected at most the study's epochs, 10"),
        study("halving with several epochs values", "epochs = [10]",
            "epochs = [10, 20]\n  search { strategy = halving, min-epochs = 5 }", "study.conf:7:", "study.epochs",
            "found [10,20]", "expected one budget"),
        study("folds < 2", "outputs = 1,", "outputs = 1, folds = 1,", "study.conf:3:", "study.datasets[0].folds",
            "found 1", "expected an integer >= 2"),
        study("more folds than rows", "outputs = 1,", "outputs = 1, folds = 5,", "study.datasets[0].folds",
            "more folds than rows, found 5", "expected at most 4"),
        study("folds with test-fraction", "outputs = 1,", "outputs = 1, folds = 2, test-fraction = 0.5,",
            "study.datasets[0].folds", "folds given with test-fraction", "expected either folds"),
        study("early-stopping checks < 1", "epochs = [10]", "epochs = [10]\n  early-stopping { checks = 0 }",
            "study.conf:8:", "study.early-stopping.checks", "found 0", "expected an integer >= 1"),
        study("early-stopping patience < 0", "epochs = [10]",
            "epochs = [10]\n  early-stopping { checks = 5, patience = -1 }", "study.conf:8:",
            "study.early-stopping.patience", "found -1", "expected an integer >= 0"),
        study("early-stopping min-improvement out of range", "epochs = [10]",
            "epochs = [10]\n  early-stopping { checks = 5, min-improvement = 1.5 }", "study.conf:8:",
            "study.early-stopping.min-improvement", "out of range, found 1.5", "expected a share in [0, 1)"),
        study("early-stopping unknown key", "epochs = [10]", "epochs = [10]\n  early-stopping { check = 5 }",
            "study.conf:8:", "study.early-stopping.check", "did you mean 'checks'?"),
        study("early-stopping without validation rows", "epochs = [10]",
            "epochs = [10]\n  early-stopping { checks = 5 }", "study.conf:8:", "study.early-stopping",
            "dataset d has no validation rows", "expected a validation-fraction such as 0.2 on every dataset"),
        study("early-stopping with halving", "epochs = [10]",
            "epochs = [10]\n  search { strategy = halving, min-epochs = 5 }\n  early-stopping { checks = 5 }",
            "study.conf:9:", "study.early-stopping", "given with search.strategy = halving",
            "early stopping is supported with the grid only"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  void badInputExitsTwoWithOneLineAndWritesNothing(Entry e) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(e.what().replaceAll("[^a-zA-Z0-9]+", "-")));
    Path data = Files.writeString(dir.resolve("data.csv"), e.csv());
    Path conf = Files.writeString(dir.resolve("study.conf"),
        e.study().apply(STUDY).replace("DATA", data.toString()));
    Path out = dir.resolve("out");
    Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
    Path full = Files.createDirectories(dir.resolve("full"));
    Files.writeString(full.resolve("keep.txt"), "earlier results");
    // folders locked by a live run (this JVM) and by a run on another host
    Path locked = Files.createDirectories(dir.resolve("locked"));
    Path remote = Files.createDirectories(dir.resolve("remote"));
    Map<Path, String> lockFiles = Map.of(
        locked.resolve(".nnsweep/lock"), "host=" + java.net.InetAddress.getLocalHost().getHostName() + "\npid="
            + ProcessHandle.current().pid() + "\nstarted=" + java.time.Instant.now() + "\ncommand=./submit.sh\n",
        remote.resolve(".nnsweep/lock"), "host=elsewhere.example\npid=4242\nstarted=2026-01-01T00:00:00Z\n"
            + "command=./submit.sh --out x\n");
    for (var lock : lockFiles.entrySet()) {
      Files.createDirectories(lock.getKey().getParent());
      Files.writeString(lock.getKey(), lock.getValue());
    }
    List<String> args = new ArrayList<>(List.of("--config", conf.toString()));
    boolean outGiven = e.args().contains("--out");
    if (!outGiven) {
      args.addAll(List.of("--out", out.toString()));
    }
    List<String> sparkConf = new ArrayList<>();
    for (String a : e.args()) {
      if (a.startsWith("SPARK:")) {
        // a Spark setting, as spark-submit hands it to the driver (a system property)
        String[] kv = a.substring("SPARK:".length()).split("=", 2);
        System.setProperty(kv[0], kv[1]);
        sparkConf.add(kv[0]);
        continue;
      }
      args.add(a.equals("FILE") ? file.toString() : a.equals("FULL") ? full.toString()
          : a.equals("LOCKED") ? locked.toString() : a.equals("REMOTE") ? remote.toString() : a);
    }

    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int status;
    try {
      status = Main.run(args.toArray(String[]::new), new PrintStream(stdout, true, StandardCharsets.UTF_8),
          new PrintStream(stderr, true, StandardCharsets.UTF_8));
    } finally {
      sparkConf.forEach(System::clearProperty);
    }
    String err = stderr.toString(StandardCharsets.UTF_8);

    assertEquals(2, status, err);
    List<String> lines = err.lines().toList();
    assertEquals(1, lines.size(), "one line: " + err);
    String line = lines.get(0);
    assertTrue(line.startsWith("nnsweep: error: "), line);
    for (String s : e.mustSay()) {
      assertTrue(line.contains(s), "message must say '" + s + "': " + line);
    }
    assertFalse(err.contains("\tat "), "no stack trace without --verbose");
    assertFalse(Files.exists(out), "nothing created: " + out);
    assertEquals("not a folder", Files.readString(file));
    try (Stream<Path> s = Files.list(full)) {
      assertEquals(List.of(full.resolve("keep.txt")), s.toList(), "existing folder untouched");
    }
    for (var lock : lockFiles.entrySet()) {
      try (Stream<Path> s = Files.walk(lock.getKey().getParent().getParent())) {
        assertEquals(3, s.count(), "locked folder untouched: " + lock.getKey());
      }
      assertEquals(lock.getValue(), Files.readString(lock.getKey()));
    }
    synchronized (TABLE) {
      TABLE.add("| " + e.what() + " | `" + line.substring("nnsweep: error: ".length()).replace(dir + "/", "").replace(tmp + "/", "")
          .replace(Path.of("").toAbsolutePath().toString(), "<cwd>")
          .replace("|", "\\|") + "` |");
    }
  }

  @AfterAll
  static void writeTable() throws IOException {
    // docs/bad-input.md's catalogue is pasted from this file after a run
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "bad-input-catalogue.md"), TABLE);
  }
}
