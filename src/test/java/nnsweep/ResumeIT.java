package nnsweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nnsweep.testing.Csv;
import org.junit.jupiter.api.Test;

/**
 * A driver killed with SIGKILL mid-run, then {@code ./submit.sh --resume}: the dead driver's lock is taken over with
 * a warning, only the networks without a committed result are trained, and the outputs are identical to an
 * uninterrupted run (every column but train_ms).
 */
class ResumeIT {
  private static final Path IT = Path.of("target", "it");
  private static final String[] STUDY = {"--master", "local[2]", "--config", "conf/tutorial.conf",
      "--set", "seeds={ from = 0, count = 4 }", "--set", "partitions=24"};

  @Test
  void killedDriverResumesToIdenticalOutputs() throws Exception {
    Path crashed = IT.resolve("resume-crashed");
    Path full = IT.resolve("resume-full");
    Csv.deleteTree(crashed);

    Process driver = start(crashed, "--out", crashed.toString());
    Path parts = crashed.resolve(".nnsweep/parts");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (countParts(parts) < 3) {
      assertTrue(driver.isAlive(), "the run ended before it could be killed");
      assertTrue(System.nanoTime() < deadline, "no task committed in time");
      Thread.sleep(100);
    }
    // submit.sh execs the JVM, so this is the driver itself
    driver.destroyForcibly();
    driver.waitFor();
    assertTrue(Files.notExists(crashed.resolve("results.csv")), "the crash left no report");
    assertTrue(Files.readString(crashed.resolve(".nnsweep/lock")).contains("pid=" + driver.pid() + "\n"),
        "SIGKILL leaves the lock behind");
    long committed = countParts(parts);

    SubmitScriptIT.Result resumed = SubmitScriptIT.submit(with("--resume", "--out", crashed.toString()));
    SubmitScriptIT.Result uninterrupted = SubmitScriptIT.submit(with("--overwrite", "--out", full.toString()));

    assertEquals(0, resumed.status(), resumed.err());
    assertEquals(0, uninterrupted.status(), uninterrupted.err());
    assertTrue(resumed.out().contains("already committed"), resumed.out());
    assertTrue(resumed.err().contains("nnsweep: warning: --out " + crashed + ": took over the lock of a run that is"
        + " gone, pid " + driver.pid() + " on host "), resumed.err());
    assertTrue(Files.notExists(crashed.resolve(".nnsweep/lock")));
    System.out.println("ResumeIT: killed after " + committed + " committed tasks; " + resumed.out().lines()
        .filter(l -> l.contains("already committed")).findFirst().orElse(""));
    assertEquals(Csv.rowsWithoutTrainMs(full.resolve("results.csv")),
        Csv.rowsWithoutTrainMs(crashed.resolve("results.csv")));
    assertEquals(Files.readString(full.resolve("summary.csv")), Files.readString(crashed.resolve("summary.csv")));
    assertEquals(Files.readString(full.resolve("predictions.csv")),
        Files.readString(crashed.resolve("predictions.csv")));
  }

  private static String[] with(String... extra) {
    List<String> args = new ArrayList<>(List.of(STUDY));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  private static Process start(Path logDir, String... extra) throws IOException {
    Files.createDirectories(IT);
    List<String> command = new ArrayList<>(List.of("./submit.sh"));
    command.addAll(List.of(with(extra)));
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(IT.resolve("resume-crashed.log").toFile()).start();
  }

  private static long countParts(Path parts) throws IOException {
    if (!Files.isDirectory(parts)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(parts)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".bin")).count();
    }
  }

}
