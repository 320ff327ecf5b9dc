package nnsweep.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code ./submit.sh} as the integration tests that stop, kill or damage a run drive it: run to the end with output and
 * errors apart, started in the background with its output to a log, and the committed parts such a run leaves in
 * {@code OUT/.nnsweep/parts}.
 */
public final class Submits {
  /** The folder of the integration tests' runs and logs. */
  public static final Path IT = Path.of("target", "it");
  /** 80 tutorial networks in 24 tasks: long enough to stop mid-run, short enough to finish quickly. */
  public static final List<String> TUTORIAL_80 = List.of("--master", "local[2]", "--config", "conf/tutorial.conf",
      "--set", "seeds={ from = 0, count = 4 }", "--set", "partitions=24");

  private Submits() {}

  /** A finished command: its exit status and what it wrote to standard output and standard error. */
  public record Result(int status, String out, String err) {}

  /** {@link #TUTORIAL_80}'s arguments followed by {@code extra}. */
  public static String[] tutorial80(String... extra) {
    List<String> args = new ArrayList<>(TUTORIAL_80);
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  /** Runs {@code ./submit.sh ARGS} to its end. */
  public static Result submit(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("./submit.sh"));
    command.addAll(List.of(args));
    return run(command);
  }

  /** Runs a command line through bash, as a user pastes it. */
  public static Result shell(String command) throws IOException, InterruptedException {
    return run(List.of("bash", "-c", command));
  }

  /** Runs a command to its end (at most 10 minutes); one that cannot start ends with status -1 and the reason. */
  public static Result run(List<String> command) throws IOException, InterruptedException {
    Files.createDirectories(IT);
    Path out = Files.createTempFile(IT, "submit", ".out");
    Path err = Files.createTempFile(IT, "submit", ".err");
    Process p;
    try {
      p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    } catch (IOException e) {
      return new Result(-1, "", e.getMessage());
    }
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("did not finish: " + command);
    }
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /**
   * Starts {@code ./submit.sh ARGS} in the background, output and errors to {@code log}. submit.sh execs the JVM, so
   * the process is the driver itself (its pid is the one to signal).
   */
  public static Process start(Path log, String... args) throws IOException {
    Files.createDirectories(log.toAbsolutePath().getParent());
    List<String> command = new ArrayList<>();
    if (sigintIgnored()) {
      // started in the background by a shell without job control, which ignores SIGINT for what it starts; the job
      // keeps an ignored SIGINT ignored (as under nohup), so the runs a test interrupts get it back first
      command.addAll(List.of("python3", "-c", "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL);"
          + " os.execvp(sys.argv[1], sys.argv[1:])"));
    }
    command.add("./submit.sh");
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** Whether this JVM was started with SIGINT ignored (its children inherit that): /proc's mask of ignored signals. */
  static boolean sigintIgnored() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return false;
    }
    return Files.readAllLines(status).stream().filter(l -> l.startsWith("SigIgn:"))
        .anyMatch(l -> (Long.parseUnsignedLong(l.substring("SigIgn:".length()).strip(), 16) & (1L << 1)) != 0);
  }

  /**
   * Starts {@link #TUTORIAL_80} in the background on a fresh folder {@code IT/NAME} (its log {@code IT/NAME.log}) and
   * waits until it has committed {@code parts} parts: a run for a test to stop, kill or damage.
   */
  public static Process startTutorial80(String name, int parts) throws IOException, InterruptedException {
    Path out = IT.resolve(name);
    Csv.deleteTree(out);
    Process driver = start(IT.resolve(name + ".log"), tutorial80("--out", out.toString()));
    awaitParts(driver, out, parts);
    return driver;
  }

  /** Waits (at most 3 minutes) until {@code driver} holds {@code out}'s lock and has committed {@code count} parts. */
  public static void awaitParts(Process driver, Path out, int count) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (!Files.exists(out.resolve(".nnsweep/lock")) || parts(out).size() < count) {
      assertTrue(driver.isAlive(), "the run ended before " + count + " parts were committed");
      assertTrue(System.nanoTime() < deadline, "no " + count + " parts committed in time");
      Thread.sleep(100);
    }
  }

  /** The committed parts of the run writing to {@code out}, in id order (as a resume checks them). */
  public static List<Path> parts(Path out) throws IOException {
    Path dir = out.resolve(".nnsweep/parts");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().matches("part-\\d+-\\d+\\.bin"))
          .sorted(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().split("-")[1])))
          .toList();
    }
  }

  /** How many networks a committed part holds ({@code part-FROM-TO.bin}: ids FROM to TO, TO excluded). */
  public static long networks(Path part) {
    String[] bounds = part.getFileName().toString().replace("part-", "").replace(".bin", "").split("-");
    return Long.parseLong(bounds[1]) - Long.parseLong(bounds[0]);
  }
}
