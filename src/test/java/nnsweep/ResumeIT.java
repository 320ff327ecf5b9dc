package nnsweep;

import static nnsweep.testing.Submits.IT;
import static nnsweep.testing.Submits.parts;
import static nnsweep.testing.Submits.startTutorial80;
import static nnsweep.testing.Submits.submit;
import static nnsweep.testing.Submits.tutorial80;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import nnsweep.testing.Outputs;
import nnsweep.testing.Submits;
import org.junit.jupiter.api.Test;

/**
 * A driver killed with SIGKILL mid-run, then {@code ./submit.sh --resume}: the dead driver's lock is taken over with
 * a warning, only the networks without a committed result are trained, and the outputs are identical to an
 * uninterrupted run (every column but train_ms).
 */
class ResumeIT {
  @Test
  void killedDriverResumesToIdenticalOutputs() throws Exception {
    Path crashed = IT.resolve("resume-crashed");
    Path full = IT.resolve("resume-full");
    Process driver = startTutorial80("resume-crashed", 3);
    driver.destroyForcibly();
    driver.waitFor();
    assertTrue(Files.notExists(crashed.resolve("results.csv")), "the crash left no report");
    assertTrue(Files.readString(crashed.resolve(".nnsweep/lock")).contains("pid=" + driver.pid() + "\n"),
        "SIGKILL leaves the lock behind");
    long committed = parts(crashed).size();

    Submits.Result resumed = submit(tutorial80("--resume", "--out", crashed.toString()));
    Submits.Result uninterrupted = submit(tutorial80("--overwrite", "--out", full.toString()));

    assertEquals(0, resumed.status(), resumed.err());
    assertEquals(0, uninterrupted.status(), uninterrupted.err());
    assertTrue(resumed.out().contains("already committed"), resumed.out());
    assertTrue(resumed.err().contains("nnsweep: warning: --out " + crashed + ": took over the lock of a run that is"
        + " gone, pid " + driver.pid() + " on host "), resumed.err());
    assertTrue(Files.notExists(crashed.resolve(".nnsweep/lock")));
    System.out.println("ResumeIT: killed after " + committed + " committed tasks; " + resumed.out().lines()
        .filter(l -> l.contains("already committed")).findFirst().orElse(""));
    assertEquals(Outputs.read(full), Outputs.read(crashed));
  }
}
