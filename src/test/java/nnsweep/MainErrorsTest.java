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
import java.util.stream.Stream;
import nnsweep.errors.InputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to the whole job: status 2, one line on stderr, nothing written, and all of it found before Spark starts
 * (Main prints its first stdout line only once the Spark context is up, so an empty stdout and a short run time show
 * that Spark never started).
 */
class MainErrorsTest {

  /** Far below a Spark start-up (several seconds), far above loading a study and a few CSV files. */
  private static final long FAST_MILLIS = 3_000;

  @TempDir Path dir;

  /** The output folder of every run: it does not exist and must still not exist afterwards. */
  private Path out;

  @BeforeEach
  void setUp() {
    out = dir.resolve("out");
  }

  record Result(int status, String out, String err, long millis) {
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    long start = System.nanoTime();
    int status;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = Main.run(args, o, e);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), millis);
  }

  /** Status 2, exactly one stderr line starting "nnsweep: error: " + prefix, nothing on stdout, no Spark, no out. */
  private String assertInputError(Result r, String prefix) {
    assertEquals(2, r.status(), () -> "status; stderr: " + r.err());
    List<String> lines = r.errLines();
    assertEquals(1, lines.size(), () -> "expected one stderr line, found:\n" + r.err());
    String line = lines.get(0);
    assertTrue(line.startsWith("nnsweep: error: " + prefix),
        () -> "expected to start with 'nnsweep: error: " + prefix + "': " + line);
    assertFalse(line.contains("Exception"), line);
    assertEquals("", r.out(), "stdout (Main prints there once Spark is up)");
    assertTrue(r.millis() < FAST_MILLIS, () -> "took " + r.millis() + " ms: did Spark start?");
    assertFalse(Files.exists(out), () -> out + " was created");
    return line;
  }

  private List<Path> listing() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return new ArrayList<>(s.sorted().toList());
    }
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  // ---- study and command line ----------------------------------------------------------------------------------

  @Test
  void badStudyKey() throws IOException {
    List<Path> before = listing();
    String line = assertInputError(run("--config", "conf/tutorial.conf", "--set", "learning-rate=[0.1]",
        "--out", out.toString()), "--set learning-rate=[0.1]: study.learning-rate: unknown key, expected ");
    assertTrue(line.endsWith("did you mean 'learning-rates'?"), line);
    assertEquals(before, listing());
  }

  @Test
  void badWarmupSetting() throws IOException {
    // spark-submit passes --conf settings to the driver as system properties
    System.setProperty("spark.nnsweep.warmupMillis", "soon");
    try {
      assertEquals("nnsweep: error: spark conf spark.nnsweep.warmupMillis: not a whole number of milliseconds >= 0,"
          + " found 'soon', expected e.g. 3000 (0 turns the warm-up off)",
          assertInputError(run("--config", "conf/tutorial.conf", "--out", out.toString()), "spark conf "));
    } finally {
      System.clearProperty("spark.nnsweep.warmupMillis");
    }
  }

  @Test
  void badKeyInStudyFile() throws IOException {
    Path study = write("bad.conf", """
        study {
          name = "bad"
          datasets = [{ name = "or", path = "data/or.csv", outputs = 1 }]
          hidden { sizes = [3] }
          epoch = [10]
        }
        """);
    assertInputError(run("--config", study.toString(), "--out", out.toString()),
        study + ":5: study.epoch: unknown key, expected ");
  }

  @Test
  void missingStudyFile() {
    Path study = dir.resolve("nope.conf");
    assertInputError(run("--config", study.toString(), "--out", out.toString()),
        study + ": study file not found, expected ");
  }

  @Test
  void unknownCommandLineOption() {
    String line = assertInputError(run("--config", "conf/tutorial.conf", "--out", out.toString(), "--overwrit"),
        "command line: unknown option or argument '--overwrit'");
    assertTrue(line.contains("did you mean '--overwrite'?"), line);
  }

  @Test
  void strayArgument() {
    assertInputError(run("--out", out.toString(), "conf/seed-or.conf"),
        "command line: unknown option or argument 'conf/seed-or.conf'");
  }

  @Test
  void missingOptionValue() {
    assertInputError(run("--out", out.toString(), "--config"), "command line: ");
  }

  // ---- datasets ------------------------------------------------------------------------------------------------

  private Path studyWith(String datasetPath, String queries) throws IOException {
    return write("study.conf", """
        study {
          name = "t"
          datasets = [
            { name = "d", path = "%s", outputs = 1, queries = %s }
          ]
          models = [none]
        }
        """.formatted(datasetPath, queries));
  }

  @Test
  void datasetFileDoesNotExist() throws IOException {
    Path csv = dir.resolve("missing.csv");
    Path study = studyWith(csv.toString(), "[]");
    List<Path> before = listing();
    assertEquals("nnsweep: error: " + study + ": study.datasets[0].path: dataset file not found, found '" + csv
        + "', expected a readable CSV file",
        assertInputError(run("--config", study.toString(), "--out", out.toString()), study + ": "));
    assertEquals(before, listing());
  }

  @Test
  void aMissingRelativeDatasetNamesTheKeyAndTheAbsolutePathLookedAt() throws IOException {
    Path study = studyWith("data/nope.csv", "[]");
    Path looked = Path.of("data/nope.csv").toAbsolutePath();
    assertEquals("nnsweep: error: " + study + ": study.datasets[0].path: dataset file not found, found"
        + " 'data/nope.csv', looked at " + looked + " (relative to the current directory, "
        + Path.of("").toAbsolutePath() + "), expected a readable CSV file",
        assertInputError(run("--config", study.toString(), "--out", out.toString()), study + ": "));
  }

  @Test
  void aMissingRelativeStudyFileNamesTheAbsolutePathLookedAt() {
    assertEquals("nnsweep: error: conf/nope.conf: study file not found, looked at "
        + Path.of("conf/nope.conf").toAbsolutePath() + ", expected a HOCON study file such as conf/tutorial.conf",
        assertInputError(run("--config", "conf/nope.conf", "--out", out.toString()), "conf/nope.conf: "));
  }

  // ---- master, help, version -----------------------------------------------------------------------------------

  /** Runs with spark.master set as spark-submit sets it (a system property), then clears it. */
  private Result runOn(String master, String... args) {
    System.setProperty("spark.master", master);
    try {
      return run(args);
    } finally {
      System.clearProperty("spark.master");
    }
  }

  @Test
  void aMistypedMasterIsBadInputBeforeAnythingIsWritten() throws IOException {
    List<Path> before = listing();
    assertEquals("nnsweep: error: --master 'lcoal[2]': not a Spark master URL, expected local, local[N], local[*],"
        + " local[N,F], local-cluster[N,C,M], spark://HOST:PORT[,HOST:PORT...], yarn or k8s://[https://]HOST:PORT;"
        + " did you mean 'local[2]'?", assertInputError(runOn("lcoal[2]", "--config", "conf/seed-or.conf", "--out",
            out.toString()), "--master 'lcoal[2]': "));
    assertInputError(runOn("local[x]", "--config", "conf/seed-or.conf", "--out", out.toString()),
        "--master 'local[x]': not a Spark master URL");
    assertEquals(before, listing());
  }

  @Test
  void anUnreachableMasterFailsWithOneLineAndWritesNothing() throws IOException {
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    List<Path> before = listing();
    Result r = runOn("spark://127.0.0.1:" + closed, "--config", "conf/seed-or.conf", "--out", out.toString());
    assertEquals(1, r.status(), r.err());
    assertEquals(List.of("nnsweep: failed: --master spark://127.0.0.1:" + closed + ": cannot reach the Spark master"
        + " (connection refused at 127.0.0.1:" + closed + "), expected a running standalone master there (start one,"
        + " or fix the address)"), r.errLines());
    assertEquals("", r.out());
    assertEquals(before, listing());
  }

  @Test
  void aSparkThatDoesNotStartLeavesNoRunStateAndNoResumeAdvice() throws IOException {
    // passes every check, then the context fails to start, after the run state was opened
    System.setProperty("spark.serializer", "no.such.Serializer");
    Result r;
    try {
      r = runOn("local[1]", "--config", "conf/seed-or.conf", "--out", out.toString());
    } finally {
      System.clearProperty("spark.serializer");
    }
    assertEquals(1, r.status(), r.err());
    List<String> lines = r.errLines().stream().filter(l -> l.startsWith("nnsweep: ")).toList();
    assertEquals(1, lines.size(), r.err());
    assertTrue(lines.get(0).startsWith("nnsweep: failed: --master local[1]: Spark did not start ("), lines.get(0));
    assertTrue(lines.get(0).contains("no.such.Serializer"), lines.get(0));
    assertFalse(r.err().contains("--resume"), r.err());
    assertFalse(Files.exists(out), () -> out + " was left behind");
  }

  @Test
  void aFailureIsDescribedByItsInnermostMessageWithoutExceptionNames() {
    assertEquals("Cannot call methods on a stopped SparkContext", Main.describe(new RuntimeException(
        "outer wrapper", new IllegalStateException("Cannot call methods on a stopped SparkContext\nat line two"))));
    assertEquals("cannot commit out/.nnsweep/parts/part-0-4.bin: No space left on device", Main.describe(
        new RuntimeException(new java.io.UncheckedIOException("cannot commit out/.nnsweep/parts/part-0-4.bin: No"
            + " space left on device", new java.io.IOException("No space left on device")))));
    assertEquals("an unexpected NullPointerException (run with --verbose for where)",
        Main.describe(new NullPointerException()));
  }

  @Test
  void versionAndHelp() {
    Result version = run("--version");
    assertEquals(0, version.status());
    assertEquals("nnsweep " + nnsweep.report.RunInfo.version() + "\n", version.out().replace("\r", ""));
    Result help = run("--help");
    assertEquals(0, help.status());
    assertTrue(help.out().startsWith("Usage: ./submit.sh [spark-submit options] [--config FILE]"), help.out());
    for (String option : List.of("--spark-logs", "--master URL", "--deploy-mode MODE", "--conf KEY=VALUE",
        "--driver-memory MEM", "--executor-memory MEM", "--version", "--resume", "--break-lock")) {
      assertTrue(help.out().contains(option), () -> option + " missing from:\n" + help.out());
    }
  }

  @Test
  void anUnquotedSetValueSplitByTheShellSaysToQuoteIt() {
    assertEquals("nnsweep: error: command line: --set seeds={: the value is cut short, found 'from' '=' '0,'"
        + " 'count' '=' '2' '}' after it as separate arguments (the shell split the value at its spaces), expected"
        + " one argument: quote it, --set 'seeds={ from = 0, count = 2 }'",
        assertInputError(run("--config", "conf/seed-or.conf", "--out", out.toString(), "--set", "seeds={", "from",
            "=", "0,", "count", "=", "2", "}"), "command line: --set seeds={"));
    assertInputError(run("--config", "conf/seed-or.conf", "--out", out.toString(), "--set", "epochs=[1,"),
        "command line: --set epochs=[1,: the value is cut short (unbalanced brackets), expected the whole HOCON value");
  }

  @Test
  void datasetWithRaggedRow() throws IOException {
    Path csv = write("ragged.csv", "x1,x2,y\n0,0,0\n0,1\n1,1,1\n");
    Path study = studyWith(csv.toString(), "[]");
    String line = assertInputError(run("--config", study.toString(), "--out", out.toString()),
        csv + ":3: wrong number of cells in row, found ");
    assertTrue(line.contains("expected "), line);
  }

  @Test
  void queryPointOfTheWrongArity() throws IOException {
    Path study = studyWith("data/or.csv", "[[1, 1], [0], [1, 0]]");
    assertInputError(run("--config", study.toString(), "--out", out.toString()),
        study + ": study.datasets[0].queries[1]: wrong number of values, found 1, expected 2");
  }

  @Test
  void fixedWeightsOfTheWrongShape() {
    String line = assertInputError(run("--config", "conf/seed-or.conf", "--set", "hidden.sizes=[4]",
        "--out", out.toString()), "conf/seed-or.conf: study.init.hidden: wrong shape, found 2 x 3, expected 2 x 4");
    assertTrue(line.contains("hidden size 4"), line);
  }

  // ---- output folder -------------------------------------------------------------------------------------------

  @Test
  void outputPathIsAFile() throws IOException {
    Path file = write("results.csv", "keep me\n");
    assertInputError(run("--config", "conf/seed-or.conf", "--out", file.toString()),
        "--out " + file + ": is a file, expected a folder");
    assertEquals("keep me\n", Files.readString(file));
  }

  @Test
  void outputPathUnderAFile() throws IOException {
    Path file = write("plain", "x");
    Path target = file.resolve("sub");
    assertInputError(run("--config", "conf/seed-or.conf", "--out", target.toString()), "--out " + target + ": ");
    assertEquals("x", Files.readString(file));
  }

  @Test
  void nonEmptyOutputFolderWithoutOverwrite() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("existing"));
    Path kept = Files.writeString(folder.resolve("results.csv"), "old results\n");
    List<Path> before = listing();
    assertInputError(run("--config", "conf/seed-or.conf", "--out", folder.toString()),
        "--out " + folder + ": folder exists and is not empty, expected ");
    assertEquals(before, listing());
    assertEquals("old results\n", Files.readString(kept));
  }

  @Test
  void emptyOutputFolderStaysEmptyAfterABadStudy() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("empty"));
    assertInputError(run("--config", "conf/seed-or.conf", "--set", "epochs=[0]", "--out", folder.toString()),
        "--set epochs=[0]: study.epochs[0]: must be >= 1, found 0, expected ");
    assertTrue(Files.isDirectory(folder));
    try (Stream<Path> s = Files.list(folder)) {
      assertEquals(List.of(), s.toList());
    }
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(List.of(folder), s.toList(), "nothing next to the output folder either");
    }
  }

  @Test
  void emptyOutputFolderStaysEmptyAfterABadDataset() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("empty"));
    Path study = studyWith(dir.resolve("nope.csv").toString(), "[]");
    assertInputError(run("--config", study.toString(), "--out", folder.toString()),
        study + ": study.datasets[0].path: dataset file not found");
    try (Stream<Path> s = Files.list(folder)) {
      assertEquals(List.of(), s.toList());
    }
  }

  @Test
  void resumeWhereNoRunWasStarted() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("other"));
    Path kept = Files.writeString(folder.resolve("notes.txt"), "mine\n");
    List<Path> before = listing();
    assertInputError(run("--config", "conf/seed-or.conf", "--resume", "--out", folder.toString()),
        "--resume --out " + folder + ": no interrupted run there");
    assertEquals(before, listing());
    assertEquals("mine\n", Files.readString(kept));
  }

  @Test
  void resumeIntoAMissingFolder() {
    assertInputError(run("--config", "conf/seed-or.conf", "--resume", "--out", out.toString()),
        "--resume --out " + out + ": no interrupted run there");
  }

  @Test
  void overwriteWithResume() {
    assertInputError(run("--config", "conf/seed-or.conf", "--resume", "--overwrite", "--out", out.toString()),
        "command line: --overwrite and --resume");
  }

  // ---- --verbose -----------------------------------------------------------------------------------------------

  @Test
  void verboseAddsTheStackTrace() {
    Result r = run("--verbose", "--config", "conf/tutorial.conf", "--set", "learning-rate=[0.1]", "--out",
        out.toString());
    assertEquals(2, r.status());
    List<String> lines = r.errLines();
    assertTrue(lines.get(0).startsWith("nnsweep: error: --set learning-rate=[0.1]: study.learning-rate: "),
        lines.get(0));
    assertTrue(lines.size() > 2, r.err());
    assertTrue(lines.get(1).startsWith("nnsweep.errors.InputException: "), r.err());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("\tat nnsweep.study.StudyLoader")), r.err());
    assertEquals("", r.out());
    assertFalse(Files.exists(out));
  }

  @Test
  void withoutVerboseNoStackTraceEvenForDeepErrors() throws IOException {
    // an InputException with a cause (malformed HOCON): still one line
    Path study = write("malformed.conf", "study {\n  name = \"t\"\n");
    Result r = run("--config", study.toString(), "--out", out.toString());
    String line = assertInputError(r, study + ":3: malformed HOCON: ");
    assertFalse(r.err().contains("\tat "), r.err());
    assertTrue(line.contains("expected "), line);
  }
}
