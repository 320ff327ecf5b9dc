package nnsweep.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nnsweep.errors.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The output folder's lock: created atomically with its holder's details, refused to any second run while its holder
 * lives, taken over when the holder is gone (same host: by --resume or --overwrite; another host: by --break-lock),
 * and removed with the folders created only to hold it.
 */
class OutputLockTest {
  @TempDir Path tmp;
  private final List<String> warnings = new ArrayList<>();

  private OutputLock acquire(Path out, RunState.Mode mode, boolean breakLock) {
    return OutputLock.acquire(out, mode, breakLock, "./submit.sh --out " + out, warnings::add);
  }

  private static Path lockFile(Path out) {
    return out.resolve(".nnsweep/lock");
  }

  @Test
  void theLockNamesItsHolderAndGoesWithTheFoldersItCreated() throws IOException {
    Path out = tmp.resolve("a/b");
    try (OutputLock lock = acquire(out, RunState.Mode.NEW, false)) {
      OutputLock.Holder holder = OutputLock.holder(out).orElseThrow();
      assertEquals(ProcessHandle.current().pid(), holder.pid());
      assertEquals(OutputLock.localHost(), holder.host());
      assertEquals("./submit.sh --out " + out, holder.command());
      assertTrue(holder.started().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), holder.started());
    }
    assertFalse(Files.exists(tmp.resolve("a")), "the folders made for the lock are gone");
    assertTrue(warnings.isEmpty());
  }

  @Test
  void aFolderThatExistedStaysAndSoDoesStateWrittenNextToTheLock() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("existing"));
    try (OutputLock lock = acquire(out, RunState.Mode.NEW, false)) {
      Files.writeString(out.resolve(".nnsweep/study.sha256"), "x");
    }
    assertTrue(Files.notExists(lockFile(out)));
    assertTrue(Files.exists(out.resolve(".nnsweep/study.sha256")));
  }

  @ParameterizedTest
  @EnumSource(RunState.Mode.class)
  void aLiveHolderRefusesEverySecondRunAndKeepsItsLock(RunState.Mode mode) throws IOException {
    Path out = tmp.resolve("held");
    try (OutputLock lock = acquire(out, RunState.Mode.NEW, false)) {
      String before = Files.readString(lockFile(out));
      InputException e = assertThrows(InputException.class, () -> acquire(out, mode, true));
      assertEquals("--out " + out + ": in use by another run, " + OutputLock.holder(out).orElseThrow().describe()
          + "; expected one run per output folder (wait for it to end, or stop it)", e.getMessage());
      assertEquals(before, Files.readString(lockFile(out)));
    }
  }

  @Test
  void aGoneHoldersLockIsTakenOverByResumeAndOverwriteButNotByANewRun() throws IOException {
    Path out = tmp.resolve("stale");
    long gone = gonePid();
    String stale = "host=" + OutputLock.localHost() + "\npid=" + gone + "\nstarted=2026-01-01T00:00:00Z\ncommand=x\n";
    Files.createDirectories(out.resolve(".nnsweep"));
    Files.writeString(lockFile(out), stale);

    InputException e = assertThrows(InputException.class, () -> acquire(out, RunState.Mode.NEW, false));
    assertEquals("--out " + out + ": a run that is gone left its lock, pid " + gone + " on host "
        + OutputLock.localHost() + " since 2026-01-01T00:00:00Z (x); expected no lock (pass --resume to finish that"
        + " run, or --overwrite to replace it)", e.getMessage());
    assertEquals(stale, Files.readString(lockFile(out)));

    for (RunState.Mode mode : List.of(RunState.Mode.RESUME, RunState.Mode.OVERWRITE)) {
      Files.writeString(lockFile(out), stale);
      warnings.clear();
      try (OutputLock lock = acquire(out, mode, false)) {
        assertEquals(ProcessHandle.current().pid(), OutputLock.holder(out).orElseThrow().pid());
        assertEquals(List.of("nnsweep: warning: --out " + out + ": took over the lock of a run that is gone, pid "
            + gone + " on host " + OutputLock.localHost() + " since 2026-01-01T00:00:00Z (x)"), warnings);
      }
      assertTrue(Files.notExists(lockFile(out)));
    }
  }

  @Test
  void aLockWhosePidNowBelongsToALaterProcessIsStale() throws IOException {
    Path out = tmp.resolve("reused");
    Files.createDirectories(out.resolve(".nnsweep"));
    // this JVM's pid, but a lock taken long before this JVM started: the pid was reused
    Files.writeString(lockFile(out), "host=" + OutputLock.localHost() + "\npid=" + ProcessHandle.current().pid()
        + "\nstarted=2000-01-01T00:00:00Z\ncommand=x\n");
    try (OutputLock lock = acquire(out, RunState.Mode.RESUME, false)) {
      assertEquals(1, warnings.size(), warnings.toString());
    }
  }

  @Test
  void aLockFromAnotherHostNeedsBreakLock() throws IOException {
    Path out = tmp.resolve("remote");
    String remote = "host=elsewhere.example\npid=42\nstarted=2026-01-01T00:00:00Z\ncommand=./submit.sh\n";
    Files.createDirectories(out.resolve(".nnsweep"));
    Files.writeString(lockFile(out), remote);
    for (RunState.Mode mode : RunState.Mode.values()) {
      InputException e = assertThrows(InputException.class, () -> acquire(out, mode, false));
      assertEquals("--out " + out + ": locked by a run on another host, pid 42 on host elsewhere.example since"
          + " 2026-01-01T00:00:00Z (./submit.sh); expected no other run on this folder (if that run is gone, pass"
          + " --break-lock)", e.getMessage());
      assertEquals(remote, Files.readString(lockFile(out)));
    }
    try (OutputLock lock = acquire(out, RunState.Mode.RESUME, true)) {
      assertEquals(ProcessHandle.current().pid(), OutputLock.holder(out).orElseThrow().pid());
      assertEquals(List.of("nnsweep: warning: --out " + out + ": took over the lock of a run that is gone, pid 42 on"
          + " host elsewhere.example since 2026-01-01T00:00:00Z (./submit.sh) (--break-lock)"), warnings);
    }
  }

  @Test
  void anEmptyLockFileIsARunTakingItAndIsRefused() throws IOException {
    Path out = tmp.resolve("empty");
    Files.createDirectories(out.resolve(".nnsweep"));
    Files.writeString(lockFile(out), "");
    InputException e = assertThrows(InputException.class, () -> acquire(out, RunState.Mode.RESUME, false));
    assertTrue(e.getMessage().startsWith("--out " + out + ": locked by another run, found an empty lock file"),
        e.getMessage());
    assertTrue(Files.exists(lockFile(out)));
  }

  @Test
  void aLockAnotherHdfsClientIsStillWritingIsReadAgainUntilItNamesItsHolder() throws IOException {
    Path out = tmp.resolve("racing");
    Files.createDirectories(out.resolve(".nnsweep"));
    Files.writeString(lockFile(out), "");
    String holder = "host=" + OutputLock.localHost() + "\npid=" + ProcessHandle.current().pid() + "\nstarted="
        + java.time.Instant.now() + "\ncommand=./submit.sh restart-other\n";
    nnsweep.fs.Storage storage = nnsweep.fs.BusyFileSystem.storage();
    try {
      // HDFS refuses the create while the other client holds the lease, and the file stays blank for two reads
      nnsweep.fs.BusyFileSystem.beingCreated = true;
      nnsweep.fs.BusyFileSystem.finished = holder;
      nnsweep.fs.BusyFileSystem.finishAfter.set(2);
      InputException e = assertThrows(InputException.class, () -> OutputLock.acquire(
          new nnsweep.fs.OutputFolder(storage, storage.resolve("busy://" + out), out.toString()), RunState.Mode.NEW, false, "",
          "./submit.sh", warnings::add));
      assertEquals("--out " + out + ": in use by another run, pid " + ProcessHandle.current().pid() + " on host "
          + OutputLock.localHost() + " since " + OutputLock.holder(out).orElseThrow().started()
          + " (./submit.sh restart-other); expected one run per output folder (wait for it to end, or stop it)",
          e.getMessage());
      assertEquals(holder, Files.readString(lockFile(out)));
    } finally {
      nnsweep.fs.BusyFileSystem.reset();
    }
  }

  @Test
  void closeLeavesALockThatIsNoLongerThisRunsAlone() throws IOException {
    Path out = tmp.resolve("replaced");
    OutputLock lock = acquire(out, RunState.Mode.NEW, false);
    // what --break-lock from another host would leave
    Files.writeString(lockFile(out), "host=elsewhere.example\npid=7\nstarted=x\ncommand=y\n");
    lock.close();
    assertEquals(7, OutputLock.holder(out).orElseThrow().pid());
  }

  /** A pid with no process: one of a process that has ended. */
  private static long gonePid() throws IOException {
    Process p = new ProcessBuilder("true").start();
    try {
      p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    assertTrue(ProcessHandle.of(p.pid()).isEmpty() || !ProcessHandle.of(p.pid()).get().isAlive());
    return p.pid();
  }
}
