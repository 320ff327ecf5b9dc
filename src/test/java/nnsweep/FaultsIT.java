package nnsweep;

import static nnsweep.testing.Submits.IT;
import static nnsweep.testing.Submits.networks;
import static nnsweep.testing.Submits.parts;
import static nnsweep.testing.Submits.run;
import static nnsweep.testing.Submits.shell;
import static nnsweep.testing.Submits.startTutorial80;
import static nnsweep.testing.Submits.submit;
import static nnsweep.testing.Submits.tutorial80;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nnsweep.testing.Outputs;
import nnsweep.testing.Submits;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Faults a user meets, each through a real {@code ./submit.sh} (whose JVM is the driver): a second run on a folder in
 * use, SIGINT mid-run, damaged committed parts, the output filesystem running full. Each ends in one clear line, keeps
 * the committed work, and a {@code --resume} finishes with reports identical to an uninterrupted run's (every column
 * but train_ms).
 */
class FaultsIT {
  private static final int NETWORKS = 80;
  private static final Path FULL = IT.resolve("faults-full");

  @BeforeAll
  static void uninterruptedRun() throws Exception {
    Submits.Result r = submit(tutorial80("--overwrite", "--out", FULL.toString()));
    assertEquals(0, r.status(), r.err());
  }

  @Test
  void aSecondRunOnAFolderInUseIsRefusedInEveryModeAndTheFirstFinishes() throws Exception {
    Path busy = IT.resolve("faults-busy");
    Process first = startTutorial80("faults-busy", 1);
    // stopped, the first run cannot finish while the others try: the test does not depend on timing
    signal("STOP", first);
    try {
      Map<String, String> before = snapshot(busy);
      for (String[] mode : List.of(new String[0], new String[] {"--overwrite"}, new String[] {"--resume"})) {
        List<String> args = new ArrayList<>(List.of(mode));
        args.addAll(List.of("--out", busy.toString()));
        Submits.Result second = submit(tutorial80(args.toArray(String[]::new)));

        assertEquals(2, second.status(), second.err());
        List<String> lines = nnsweepLines(second.err());
        assertEquals(1, lines.size(), second.err());
        assertTrue(lines.get(0).startsWith("nnsweep: error: --out " + busy + ": in use by another run, pid "
            + first.pid() + " on host "), lines.get(0));
        assertTrue(lines.get(0).contains("(./submit.sh --master 'local[2]' --config conf/tutorial.conf --set 'seeds={"
            + " from = 0, count = 4 }' --set partitions=24 --out " + busy + "); expected one run per output folder"),
            lines.get(0));
        assertEquals(before, snapshot(busy), "the second run " + Arrays.toString(mode) + " touched nothing");
      }
    } finally {
      signal("CONT", first);
    }
    assertTrue(first.waitFor(5, TimeUnit.MINUTES), "the first run finished");
    assertEquals(0, first.exitValue(), Files.readString(IT.resolve("faults-busy.log")));
    assertSameReports(busy);
    assertFalse(Files.exists(busy.resolve(".nnsweep/lock")), "the lock is gone");
  }

  @Test
  void sigintKeepsCommittedPartsAndResumeRetrainsTruncatedAndBitFlippedPartsToIdenticalReports() throws Exception {
    Path cut = IT.resolve("faults-sigint");
    Process driver = startTutorial80("faults-sigint", 3);

    signal("INT", driver);

    assertTrue(driver.waitFor(2, TimeUnit.MINUTES), "the run stopped on SIGINT");
    String log = Files.readString(IT.resolve("faults-sigint.log"));
    assertEquals(130, driver.exitValue(), log);
    assertFalse(log.contains("\tat ") || log.contains("Exception"), "no stack trace:\n" + log);
    List<String> interrupted = log.lines().filter(l -> l.startsWith("nnsweep: interrupted")).toList();
    assertEquals(1, interrupted.size(), log);
    Matcher m = Pattern.compile("nnsweep: interrupted \\(SIGINT\\): (\\d+) of " + NETWORKS + " networks are"
        + " committed in " + Pattern.quote(cut.toString()) + "; to finish the run: (.*)").matcher(interrupted.get(0));
    assertTrue(m.matches(), interrupted.get(0));
    List<Path> parts = parts(cut);
    assertEquals(parts.stream().mapToLong(Submits::networks).sum(), Long.parseLong(m.group(1)),
        "the line counts the committed parts");
    assertEquals("./submit.sh --master 'local[2]' --config conf/tutorial.conf --set 'seeds={ from = 0, count = 4 }'"
        + " --set partitions=24 --out " + cut + " --resume", m.group(2));
    assertFalse(Files.exists(cut.resolve(".nnsweep/lock")), "the lock is gone");
    assertFalse(Files.exists(cut.resolve("results.csv")), "no report from the interrupted run");

    // a part cut short and a part with one bit flipped, as a failing disk or a crash of the filesystem leaves them
    Path truncated = parts.get(0);
    Path flipped = parts.get(1);
    Files.write(truncated, Arrays.copyOf(Files.readAllBytes(truncated), (int) Files.size(truncated) / 2));
    byte[] bytes = Files.readAllBytes(flipped);
    bytes[bytes.length - 5] ^= 0x01;
    Files.write(flipped, bytes);

    Submits.Result resumed = shell(m.group(2));

    assertEquals(0, resumed.status(), resumed.err());
    List<String> warnings = nnsweepLines(resumed.err());
    assertEquals(2, warnings.size(), resumed.err());
    assertTrue(warnings.get(0).startsWith("nnsweep: warning: " + truncated + ": damaged committed part (wrong"
        + " length"), warnings.get(0));
    assertTrue(warnings.get(1).startsWith("nnsweep: warning: " + flipped + ": damaged committed part (checksum"
        + " mismatch"), warnings.get(1));
    long kept = parts.stream().mapToLong(Submits::networks).sum() - networks(truncated) - networks(flipped);
    assertTrue(resumed.out().contains("(" + kept + " already committed, " + (NETWORKS - kept) + " to train)"),
        resumed.out());
    assertSameReports(cut);
  }

  @Test
  void aFullOutputFilesystemStopsWithOneLineKeepsThePartsAndResumeFinishesOnceSpaceIsFreed() throws Exception {
    Path mount = IT.resolve("faults-tmpfs").toAbsolutePath();
    Files.createDirectories(mount);
    Submits.Result mounted = run(List.of("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", mount.toString()));
    Assumptions.assumeTrue(mounted.status() == 0, "skipped: cannot mount a tmpfs here (needs root or"
        + " CAP_SYS_ADMIN): " + mounted.err().strip());
    try {
      // 48 KiB left: the lock, the study's two files and nine parts (a page each), then the disk is full
      Path filler = mount.resolve("filler");
      Files.write(filler, new byte[8 * 1024 * 1024 - 48 * 1024]);
      Path out = mount.resolve("out");

      Submits.Result full = submit(tutorial80("--out", out.toString()));

      assertEquals(1, full.status(), full.err());
      assertFalse(full.err().contains("\tat "), "no stack trace:\n" + full.err());
      List<String> lines = nnsweepLines(full.err());
      assertEquals(3, lines.size(), full.err());
      assertTrue(lines.get(0).matches("nnsweep: failed: cannot commit " + Pattern.quote(out.toString())
          + "/\\.nnsweep/parts/part-\\d+-\\d+\\.bin: No space left on device"), lines.get(0));
      assertEquals("nnsweep: run with --verbose for the stack trace", lines.get(1));
      long committed = parts(out).stream().mapToLong(Submits::networks).sum();
      assertTrue(committed > 0 && committed < NETWORKS, "some parts committed: " + committed);
      String resume = "./submit.sh --master 'local[2]' --config conf/tutorial.conf --set 'seeds={ from = 0, count = 4"
          + " }' --set partitions=24 --out " + out + " --resume";
      assertEquals("nnsweep: " + committed + " of " + NETWORKS + " networks are committed in " + out + "; to finish"
          + " the run: " + resume, lines.get(2));
      // nothing half-written: no temporary file, no report, no lock; every part whole (the resume warns of none)
      try (Stream<Path> files = Files.walk(out)) {
        List<String> names = files.filter(Files::isRegularFile).map(p -> out.relativize(p).toString()).sorted()
            .toList();
        assertTrue(names.stream().allMatch(n -> n.matches("\\.nnsweep/(study\\.json|study\\.sha256|parts/part-\\d+"
            + "-\\d+\\.bin)")), names.toString());
      }

      Files.delete(filler);
      Submits.Result resumed = shell(resume);

      assertEquals(0, resumed.status(), resumed.err());
      assertEquals(List.of(), nnsweepLines(resumed.err()), "no warning: every part was whole");
      assertTrue(resumed.out().contains("(" + committed + " already committed, " + (NETWORKS - committed)
          + " to train)"), resumed.out());
      assertSameReports(out);
    } finally {
      Submits.Result unmounted = run(List.of("umount", mount.toString()));
      if (unmounted.status() != 0) {
        run(List.of("umount", "-l", mount.toString()));
      }
    }
  }

  private static void assertSameReports(Path out) {
    assertEquals(Outputs.read(FULL), Outputs.read(out));
  }

  /** The lines nnsweep itself wrote (not the JVM's or Spark's). */
  private static List<String> nnsweepLines(String text) {
    return text.lines().filter(l -> l.startsWith("nnsweep: ")).toList();
  }

  /** Sends SIGname to the driver (submit.sh execs the JVM, so its pid is the driver's). */
  private static void signal(String name, Process driver) throws Exception {
    assertEquals(0, run(List.of("kill", "-" + name, Long.toString(driver.pid()))).status());
  }

  /** Every file under {@code dir} with a hash of its content. */
  private static Map<String, String> snapshot(Path dir) throws Exception {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.toList()) {
        files.put(dir.relativize(p).toString(), Files.isRegularFile(p) ? HexFormat.of().formatHex(
            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))) : "folder");
      }
    }
    return files;
  }
}
