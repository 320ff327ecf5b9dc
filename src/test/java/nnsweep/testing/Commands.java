package nnsweep.testing;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Commands an integration test runs from the project root ({@code ./submit.sh}, {@code bench/*.sh}): each one's output
 * and errors go to {@code LOGS/NAME.log}, with the environment the test gives; the test's timings are collected and
 * printed, and processes still running at the end are killed. Also reads {@code /proc} for the processes of a test
 * cluster (Linux only).
 */
public final class Commands {

  /** A finished command: exit code, everything it printed, wall time, and its log file. */
  public record Run(String name, int exit, String output, Duration took, Path log) {
    /** The last lines of the output and where the rest is, for assertion messages. */
    public String tail() {
      return Commands.tail(output) + "\n(full output: " + log + ")";
    }
  }

  private final String test;
  private final Path root;
  private final Path logs;
  private final Consumer<Map<String, String>> environment;
  private final String untimedPrefix;
  private final int timingWidth;
  private final List<Process> processes = new ArrayList<>();
  private final List<String> timings = new ArrayList<>();

  /**
   * @param test the test's name, the prefix of what it prints
   * @param root the folder commands run in
   * @param logs the folder of the commands' logs
   * @param environment sets up each command's environment
   * @param untimedPrefix runs whose name starts with this (the cluster's start and stop) are timed by the test itself
   * @param timingWidth the width of the "what" column of the printed timings
   */
  public Commands(String test, Path root, Path logs, Consumer<Map<String, String>> environment,
      String untimedPrefix, int timingWidth) {
    this.test = test;
    this.root = root;
    this.logs = logs;
    this.environment = environment;
    this.untimedPrefix = untimedPrefix;
    this.timingWidth = timingWidth;
  }

  /** The log of the command called {@code name}. */
  public Path log(String name) {
    return logs.resolve(name + ".log");
  }

  /** Starts a command from the project root, output and errors to its log. */
  public Process launch(String name, List<String> command) throws IOException {
    return launch(name, command, env -> {});
  }

  /** {@link #launch(String, List)} with a change to the environment on top of the test's. */
  public Process launch(String name, List<String> command, Consumer<Map<String, String>> change) throws IOException {
    Files.createDirectories(logs);
    ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
        .redirectOutput(log(name).toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    environment.accept(builder.environment());
    change.accept(builder.environment());
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  /** Runs a command to its end (failing the test when it takes longer than {@code timeout}). */
  public Run run(String name, Duration timeout, String... command) throws Exception {
    long started = System.nanoTime();
    return await(name, launch(name, List.of(command)), timeout, started);
  }

  /** Waits for a process started at {@code started} (System.nanoTime) by {@link #launch}. */
  public Run await(String name, Process process, Duration timeout, long started) throws Exception {
    if (!process.waitFor(timeout.toMillis(), MILLISECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
      fail(name + " did not finish within " + timeout + ":\n" + tail(log(name)));
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    Run run = new Run(name, process.exitValue(), read(log(name)), elapsed, log(name));
    if (!name.startsWith(untimedPrefix)) {
      timing(name + " (exit " + run.exit() + ")", elapsed);
    }
    return run;
  }

  /** Prints a timing now and keeps it for {@link #printTimings}. */
  public void timing(String what, Duration took) {
    String line = String.format(Locale.ROOT, "%-" + timingWidth + "s %6.1f s", what, took.toMillis() / 1000.0);
    timings.add(line);
    System.out.println(test + ": " + line);
  }

  public void printTimings() {
    System.out.println(test + " timings:");
    timings.forEach(t -> System.out.println(test + ":   " + t));
  }

  /** Kills what a failed test left running of the commands it launched (and their children). */
  public void killUnfinished() throws InterruptedException {
    for (Process p : processes) {
      if (p.isAlive()) {
        System.out.println(test + ": killing unfinished process " + p.pid());
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor(30, SECONDS);
      }
    }
  }

  /** The last 40 lines of a file. */
  public static String tail(Path file) {
    return Files.isRegularFile(file) ? tail(read(file)) : "(no " + file + ")";
  }

  /** The last 40 lines of a text. */
  public static String tail(String text) {
    List<String> lines = text.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A process's command line, empty when it is gone or not ours to read. */
  public static List<String> commandLine(long pid) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
      return List.of(new String(raw, StandardCharsets.UTF_8).split("\0"));
    } catch (IOException e) {
      return List.of();
    }
  }

  /** True when a process's working folder is under {@code dir} (how a cluster's executors and containers are told). */
  public static boolean workingUnder(long pid, Path dir) {
    try {
      return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd")).startsWith(dir);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }
}
