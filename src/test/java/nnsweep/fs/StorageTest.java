package nnsweep.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nnsweep.errors.InputException;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where locations point (plain, file:// and with a base folder) and the local operations, on a real disk. */
class StorageTest {
  @TempDir Path tmp;

  @Test
  void plainPathsAreLocalAndRelativeToTheCurrentDirectory() {
    org.apache.hadoop.fs.Path p = Storage.local().resolve("conf/tutorial.conf");
    assertEquals("file", p.toUri().getScheme());
    assertEquals(Path.of("conf/tutorial.conf").toAbsolutePath(), Storage.localPath(p));
    assertEquals(Path.of("/etc/x"), Storage.localPath(Storage.local().resolve("/etc/x")));
  }

  @Test
  void fileUrisAreTheSameLocalFiles() {
    String abs = Path.of("conf/tutorial.conf").toAbsolutePath().toString();
    assertEquals(Storage.local().resolve(abs), Storage.local().resolve("file://" + abs));
    assertEquals(Storage.local().resolve(abs), Storage.local().resolve("file:" + abs));
  }

  @Test
  void aBaseFolderTakesRelativePathsOnly() {
    Storage s = Storage.of(Configuration::new, "hdfs://127.0.0.1:9/user/me/");
    assertEquals("hdfs://127.0.0.1:9/user/me/conf/t.conf", s.resolve("conf/t.conf").toString());
    assertEquals("hdfs://127.0.0.1:9/other/x.csv", s.resolve("hdfs://127.0.0.1:9/other/x.csv").toString());
    assertEquals(Path.of("/abs/x.csv"), Storage.localPath(s.resolve("/abs/x.csv")));
    Storage local = Storage.of(Configuration::new, tmp.toUri().toString());
    assertEquals(tmp.resolve("out/t"), Storage.localPath(local.resolve("out/t")));
  }

  @Test
  void aSchemeWithoutConnectorIsOneLineNamingIt() {
    InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
        () -> Storage.local().resolve("nosuchfs://bucket/x.conf"));
    assertEquals("nosuchfs://bucket/x.conf: no filesystem for scheme 'nosuchfs' in this Spark (its connector is not"
        + " on the classpath), expected a plain path or a URI such as file:///..., hdfs://namenode/... or one of a"
        + " connector the cluster has", e.getMessage());
  }

  @Test
  void localOperationsWriteWholeFilesAndLeaveNoSideFiles() throws IOException {
    Storage s = Storage.local();
    org.apache.hadoop.fs.Path dir = s.resolve(tmp.resolve("a/b").toString());
    assertFalse(s.exists(dir));
    s.mkdirs(dir);
    assertTrue(s.isDirectory(dir));
    org.apache.hadoop.fs.Path f = new org.apache.hadoop.fs.Path(dir, "x.bin");
    s.writeAtomically(f, "one".getBytes(StandardCharsets.UTF_8));
    s.writeAtomically(f, "two".getBytes(StandardCharsets.UTF_8));
    assertEquals("two", s.readUtf8(f));
    assertTrue(s.isFile(f));
    assertEquals(List.of("x.bin"), s.list(dir).stream().map(org.apache.hadoop.fs.Path::getName).toList());
    try (var files = Files.list(tmp.resolve("a/b"))) {
      assertEquals(List.of(tmp.resolve("a/b/x.bin")), files.toList(), "no temporary or .crc files");
    }
    s.delete(s.resolve(tmp.resolve("a").toString()));
    assertFalse(Files.exists(tmp.resolve("a")));
  }

  @Test
  void aFileAnotherHdfsClientIsCreatingAlreadyExists() throws IOException {
    Storage s = BusyFileSystem.storage();
    org.apache.hadoop.fs.Path file = s.resolve("busy://" + tmp.resolve("lock"));
    try {
      BusyFileSystem.beingCreated = true;
      assertFalse(s.createNew(file, "mine".getBytes(StandardCharsets.UTF_8)));
      assertFalse(Files.exists(tmp.resolve("lock")), "nothing written over the other client's file");
      BusyFileSystem.beingCreated = false;
      assertTrue(s.createNew(file, "mine".getBytes(StandardCharsets.UTF_8)));
      assertFalse(s.createNew(file, "again".getBytes(StandardCharsets.UTF_8)));
      assertEquals("mine", Files.readString(tmp.resolve("lock")));
    } finally {
      BusyFileSystem.reset();
    }
  }

  @Test
  void beingCreatedIsRecognisedAnywhereInTheCauseChainAndByNameOnly() {
    String abce = "org.apache.hadoop.hdfs.protocol.AlreadyBeingCreatedException";
    assertTrue(Storage.beingCreated(new org.apache.hadoop.ipc.RemoteException(abce, "lease")));
    assertTrue(Storage.beingCreated(new IOException("create", new org.apache.hadoop.ipc.RemoteException(abce, "x"))));
    assertTrue(Storage.beingCreated(new org.apache.hadoop.hdfs.protocol.AlreadyBeingCreatedException("x")));
    assertFalse(Storage.beingCreated(new org.apache.hadoop.ipc.RemoteException(
        "org.apache.hadoop.security.AccessControlException", "denied")));
    assertFalse(Storage.beingCreated(new IOException("disk full")));
  }
}
