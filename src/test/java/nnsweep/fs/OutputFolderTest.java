package nnsweep.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The output folder's three values: where it is, how the user gave it, and its files as messages show them. */
class OutputFolderTest {
  @Test
  void aPlainPathIsLocalAndShownAsTyped() {
    OutputFolder out = OutputFolder.of(Storage.local(), "out/tutorial");

    assertTrue(out.isLocal());
    assertEquals(Path.of("out/tutorial").toAbsolutePath(), Storage.localPath(out.path()));
    assertEquals("out/tutorial", out.shown());
    assertEquals("out/tutorial/.nnsweep/parts", out.shown(out.resolve(".nnsweep/parts")));
    assertEquals(Path.of("out/tutorial/report.html").toAbsolutePath().toUri().toString(), out.link("report.html"));
  }

  @Test
  void aFolderOnAClusterFilesystemIsLinkedByItsUri() {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path("hdfs://namenode:8020/runs/x");
    OutputFolder out = new OutputFolder(Storage.local(), path, "hdfs://namenode:8020/runs/x");

    assertFalse(out.isLocal());
    assertEquals("hdfs://namenode:8020/runs/x/report.html", out.link("report.html"));
    assertEquals("hdfs://namenode:8020/runs/x/.nnsweep/lock", out.shown(out.resolve(".nnsweep/lock")));
  }

  @Test
  void aPathOutsideTheFolderIsShownWhole() {
    OutputFolder out = OutputFolder.local(Path.of("runs/a"));

    assertEquals(Path.of("runs/b").toAbsolutePath().toString(),
        out.shown(Storage.local().resolve("runs/b")));
  }

  @Test
  void everyValueIsRequired() {
    assertEquals("shown", assertThrows(NullPointerException.class,
        () -> new OutputFolder(Storage.local(), Storage.local().resolve("x"), null)).getMessage());
  }
}
