package nnsweep.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nnsweep.grid.Grid;
import nnsweep.grid.IdRange;
import nnsweep.grid.TaskPlan;
import nnsweep.run.NetworkRun;
import nnsweep.run.Problem;
import nnsweep.run.Problems;
import nnsweep.run.TrainingResult;
import nnsweep.study.Study;
import nnsweep.study.StudyLoader;
import nnsweep.testing.Csv;
import nnsweep.testing.InProcessJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resume: a folder holding the committed results of some tasks (as a crashed driver leaves it) is finished by
 * {@code --resume}, which trains only the rest and gives the same reports as an uninterrupted run.
 */
@ExtendWith(InProcessJob.class)
class ResumeTest {
  private static final List<String> SETS = List.of("seeds=[0, 1, 2]", "epochs=[2000]", "learning-rates=[0.5]");
  @TempDir static Path tmp;

  @Test
  void resumeTrainsOnlyWhatIsMissingAndMatchesAnUninterruptedRun() throws IOException {
    Path full = tmp.resolve("full");
    assertEquals(0, main("--out", full.toString()).status());

    // a crashed run: the state of a started run with two of its tasks committed, no reports
    Path crashed = tmp.resolve("crashed");
    long committed = crashedRun(crashed, List.of(1, 4));

    InProcessJob.Run resumed = main("--resume", "--out", crashed.toString());

    assertEquals(0, resumed.status(), resumed.err());
    assertTrue(resumed.out().contains("(" + committed + " already committed, " + (60 - committed)
        + " to train)"), resumed.out());
    assertEquals(Csv.rowsWithoutTrainMs(full.resolve("results.csv")),
        Csv.rowsWithoutTrainMs(crashed.resolve("results.csv")));
    assertEquals(Files.readString(full.resolve("summary.csv")), Files.readString(crashed.resolve("summary.csv")));
    assertEquals(Files.readString(full.resolve("predictions.csv")),
        Files.readString(crashed.resolve("predictions.csv")));
  }

  @Test
  void aRunThatDiedAfterItsLastCommitIsFinishedWithoutSpark() throws IOException {
    Path full = tmp.resolve("full-for-reports");
    assertEquals(0, main("--out", full.toString()).status());
    // every task committed, no reports: what a driver killed between the last commit and the reports leaves
    Path crashed = tmp.resolve("all-committed");
    assertEquals(60, crashedRun(crashed, List.of(0, 1, 2, 3, 4, 5)));

    InProcessJob.Run resumed = main("--resume", "--out", crashed.toString());

    assertEquals(0, resumed.status(), resumed.err());
    assertTrue(resumed.out().contains("trained 0 networks"), resumed.out());
    assertTrue(Files.readString(crashed.resolve("run.json")).contains("none (everything was committed)"));
    assertEquals(Csv.rowsWithoutTrainMs(full.resolve("results.csv")),
        Csv.rowsWithoutTrainMs(crashed.resolve("results.csv")));
    for (String f : List.of("summary.csv", "rules.csv", "layers.csv", "predictions.csv", "curves.csv")) {
      assertEquals(Files.readString(full.resolve(f)), Files.readString(crashed.resolve(f)), f);
    }
  }

  /**
   * The state a crashed driver leaves in {@code out}: the study's 60 networks planned as 6 tasks, the tasks at
   * {@code tasks} committed, no reports. Returns how many networks were committed.
   */
  private static long crashedRun(Path out, List<Integer> tasks) {
    Study study = StudyLoader.load(Path.of("conf/tutorial.conf"), SETS);
    List<Problem> problems = Problems.load(study);
    Grid grid = Grid.expand(study, Problems.datasets(problems));
    assertEquals(60, grid.size());
    RunState state = RunState.open(out, RunState.Mode.NEW, study, problems);
    List<IdRange> ranges = TaskPlan.plan(grid, List.of(new IdRange(0, grid.size())), 32, 6);
    assertEquals(6, ranges.size());
    long committed = 0;
    for (int t : tasks) {
      IdRange r = ranges.get(t);
      state.commit(r, r.ids().mapToObj(id -> NetworkRun.train(grid.spec(id), problems.get(grid.spec(id)
          .datasetIndex()), grid.curvePoints(), grid.stopError())).toArray(TrainingResult[]::new));
      committed += r.size();
    }
    return committed;
  }

  @Test
  void resumeOfADifferentStudyIsRefused() throws IOException {
    Path out = tmp.resolve("other");
    Study study = StudyLoader.load(Path.of("conf/tutorial.conf"), SETS);
    List<Problem> problems = Problems.load(study);
    RunState.open(out, RunState.Mode.NEW, study, problems);
    List<String> before;
    try (var s = Files.walk(out)) {
      before = s.map(Path::toString).sorted().toList();
    }

    InProcessJob.Run run = main("--resume", "--out", out.toString(), "--set", "epochs=[2001]");

    assertEquals(2, run.status());
    assertTrue(run.err().startsWith("nnsweep: error: --resume --out " + out + ": the folder was started by a"
        + " different study"), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    try (var s = Files.walk(out)) {
      assertEquals(before, s.map(Path::toString).sorted().toList(), "nothing changed");
    }
  }

  @Test
  void truncatedBitFlippedAndForeignPartsAreSetAsideAndRetrainedToIdenticalReports() throws IOException {
    Path full = tmp.resolve("full-for-damaged");
    assertEquals(0, main("--out", full.toString()).status());
    Path out = tmp.resolve("damaged");
    long committed = crashedRun(out, List.of(0, 1, 2, 4));
    Path parts = out.resolve(".nnsweep/parts");
    List<Path> files;
    try (var s = Files.list(parts)) {
      files = s.sorted().toList();
    }
    assertEquals(4, files.size());
    Path truncated = files.get(1);
    Path flipped = files.get(2);
    Path foreign = files.get(3);
    long block = Files.size(truncated) - 16; // the block after the part's 16-byte header
    Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(truncated), (int) Files.size(truncated) - 7));
    byte[] bytes = Files.readAllBytes(flipped);
    bytes[bytes.length / 2] ^= 0x10;
    Files.write(flipped, bytes);
    // what an earlier build wrote: a Java-serialised object stream
    Files.write(foreign, new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5, 0x73, 0x72});
    assertEquals(committed, rangeSize(files.get(0)) + rangeSize(truncated) + rangeSize(flipped)
        + rangeSize(foreign));

    InProcessJob.Run run = main("--resume", "--out", out.toString());

    assertEquals(0, run.status(), run.err());
    List<String> warnings = run.err().lines().filter(l -> l.startsWith("nnsweep: warning: ")).toList();
    assertEquals(List.of(
        "nnsweep: warning: " + truncated + ": damaged committed part (wrong length (truncated or extended), found "
            + (block - 7) + " bytes, expected " + block + "), moved to .nnsweep/damaged/"
            + truncated.getFileName() + "; its " + rangeSize(truncated) + " networks will be trained again",
        "nnsweep: warning: " + flipped + ": damaged committed part (checksum mismatch, found CRC32C ",
        "nnsweep: warning: " + foreign + ": damaged committed part (no part header (another build's format, or"
            + " damaged)), moved to .nnsweep/damaged/" + foreign.getFileName() + "; its " + rangeSize(foreign)
            + " networks will be trained again"),
        List.of(warnings.get(0), warnings.get(1).substring(0, warnings.get(1).indexOf("CRC32C ") + 7),
            warnings.get(2)), run.err());
    assertTrue(warnings.get(1).endsWith("moved to .nnsweep/damaged/" + flipped.getFileName() + "; its "
        + rangeSize(flipped) + " networks will be trained again"), warnings.get(1));
    assertTrue(run.out().contains("(" + rangeSize(files.get(0)) + " already committed, " + (60 - rangeSize(files
        .get(0))) + " to train)"), run.out());
    try (var s = Files.list(out.resolve(".nnsweep/damaged"))) {
      assertEquals(List.of(truncated.getFileName(), flipped.getFileName(), foreign.getFileName()),
          s.map(Path::getFileName).sorted().toList());
    }
    assertEquals(Csv.rowsWithoutTrainMs(full.resolve("results.csv")),
        Csv.rowsWithoutTrainMs(out.resolve("results.csv")));
    for (String f : List.of("summary.csv", "rules.csv", "layers.csv", "predictions.csv", "curves.csv")) {
      assertEquals(Files.readString(full.resolve(f)), Files.readString(out.resolve(f)), f);
    }
  }

  private static long rangeSize(Path part) {
    String[] bounds = part.getFileName().toString().replace("part-", "").replace(".bin", "").split("-");
    return Long.parseLong(bounds[1]) - Long.parseLong(bounds[0]);
  }

  @Test
  void overwriteClearsTheFolderButTheRunsOwnLockAndANewRunSeesOnlyItsLockAsEmpty() throws IOException {
    Study study = StudyLoader.load(Path.of("conf/tutorial.conf"), SETS);
    List<Problem> problems = Problems.load(study);
    Path out = tmp.resolve("overwritten");
    Files.createDirectories(out.resolve(".nnsweep/parts"));
    Files.writeString(out.resolve("results.csv"), "earlier");
    Files.writeString(out.resolve(".nnsweep/parts/part-0-3.bin"), "earlier");
    try (OutputLock lock = OutputLock.acquire(out, RunState.Mode.OVERWRITE, false, "x", w -> { })) {
      String held = Files.readString(out.resolve(".nnsweep/lock"));
      RunState.check(out, RunState.Mode.OVERWRITE, study, problems);
      RunState.open(out, RunState.Mode.OVERWRITE, study, problems);
      assertEquals(held, Files.readString(out.resolve(".nnsweep/lock")), "the lock stays through the clearing");
      assertTrue(Files.notExists(out.resolve("results.csv")));
      assertTrue(Files.notExists(out.resolve(".nnsweep/parts/part-0-3.bin")));
    }
    Path fresh = tmp.resolve("fresh");
    try (OutputLock lock = OutputLock.acquire(fresh, RunState.Mode.NEW, false, "x", w -> { })) {
      RunState.check(fresh, RunState.Mode.NEW, study, problems); // does not throw: only its own lock is there
      Files.writeString(fresh.resolve(".nnsweep/other"), "x");
      assertEquals("nnsweep.errors.InputException", org.junit.jupiter.api.Assertions.assertThrows(
          RuntimeException.class, () -> RunState.check(fresh, RunState.Mode.NEW, study, problems)).getClass()
          .getName());
    }
  }

  @Test
  void resumeWithoutAnInterruptedRunIsRefused() {
    InProcessJob.Run run = main("--resume", "--out", tmp.resolve("nothing-here").toString());
    assertEquals(2, run.status());
    assertTrue(run.err().contains("no interrupted run there"), run.err());
    assertTrue(Files.notExists(tmp.resolve("nothing-here")));
  }

  private static InProcessJob.Run main(String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("--config", "conf/tutorial.conf"));
    for (String s : SETS) {
      args.add("--set");
      args.add(s);
    }
    args.addAll(List.of(extra));
    return InProcessJob.run(args.toArray(String[]::new));
  }
}
