package nnsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The command printed to finish an interrupted run: pasted into a shell, it is the run's own, with --resume. */
class LaunchCommandTest {
  @Test
  void dropsOverwriteAndBreakLockKeepsEverythingElseAndAddsResume() {
    assertEquals("./submit.sh --master 'local[2]' --config conf/tutorial.conf --set 'seeds={ from = 0, count = 4 }'"
            + " --out out/t --resume",
        LaunchCommand.toResume("./submit.sh", List.of("--master", "local[2]"), List.of("--config",
            "conf/tutorial.conf", "--set", "seeds={ from = 0, count = 4 }", "--overwrite", "--break-lock", "--out",
            "out/t"), "out/t"));
  }

  @Test
  void namesTheDefaultOutputFolderAndDoesNotRepeatResume() {
    assertEquals("./submit.sh --out out/tutorial --resume",
        LaunchCommand.toResume("./submit.sh", List.of(), List.of("--resume"), "out/tutorial"));
    assertEquals("./submit.sh --out=out/x --resume",
        LaunchCommand.toResume("./submit.sh", List.of(), List.of("--out=out/x", "--resume"), "out/x"));
  }

  @Test
  void quotesWhatAShellWouldSplitOrExpand() {
    assertEquals("conf/a.conf", LaunchCommand.quote("conf/a.conf"));
    assertEquals("'it'\\''s here'", LaunchCommand.quote("it's here"));
    assertEquals("'$HOME'", LaunchCommand.quote("$HOME"));
    assertEquals("''", LaunchCommand.quote(""));
  }
}
