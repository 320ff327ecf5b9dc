package nnsweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nnsweep.spark.SparkContexts;
import nnsweep.testing.InProcessJob;
import nnsweep.testing.Outputs;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real HDFS (Hadoop's MiniDFSCluster: a NameNode and a DataNode in this JVM, on 127.0.0.1): the study file and
 * its datasets read from hdfs://, the output folder and its run state written there, and every per-network file
 * identical to a run on local paths (train_ms aside).
 */
@ExtendWith(InProcessJob.class)
class HdfsIT {
  @TempDir static Path tmp;
  static MiniDFSCluster hdfs;
  static FileSystem fs;
  static String root;

  static final String[] SETS = {"--set", "epochs=[3000]", "--set", "seeds=[0, 1, 2]", "--set", "curve-points=8",
      "--set", "learning-rates=[0.5]"};

  @BeforeAll
  static void startHdfs() throws IOException {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("hdfs").toString());
    hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    hdfs.waitActive();
    fs = hdfs.getFileSystem();
    root = "hdfs://127.0.0.1:" + hdfs.getNameNodePort() + "/user/nnsweep";
    assertTrue(root.startsWith("hdfs://127.0.0.1:"), root);
    for (String f : List.of("conf/tutorial.conf", "data/or.csv", "data/xor.csv")) {
      fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(Path.of(f).toAbsolutePath().toUri()),
          new org.apache.hadoop.fs.Path(root + "/" + f));
    }
  }

  @AfterAll
  static void stopHdfs() {
    System.clearProperty(SparkContexts.BASE_DIR);
    if (hdfs != null) {
      hdfs.shutdown();
    }
  }

  @Test
  void aStudyOnHdfsGivesTheSameFilesAsOnLocalPaths() throws IOException {
    Path local = tmp.resolve("local");
    InProcessJob.Run a = run("--out", local.toString());
    assertEquals(0, a.status(), a.err());

    // relative paths (the study file and the datasets it names) against an hdfs:// base, --out a full URI
    System.setProperty(SparkContexts.BASE_DIR, root);
    InProcessJob.Run b;
    try {
      b = run("--out", root + "/out/t");
    } finally {
      System.clearProperty(SparkContexts.BASE_DIR);
    }
    assertEquals(0, b.status(), b.err());
    assertTrue(b.out().contains("nnsweep: wrote " + root + "/out/t: results.csv"), b.out());

    List<String> written = files(root + "/out/t");
    assertTrue(written.contains("report.html") && written.contains("run.json") && written.contains(".nnsweep/complete"),
        written.toString());
    assertFalse(written.stream().anyMatch(f -> f.endsWith(".tmp") || f.contains("/parts/")),
        "no temporary files, committed parts removed: " + written);
    Path copy = tmp.resolve("copied");
    fs.copyToLocalFile(new org.apache.hadoop.fs.Path(root + "/out/t"), new org.apache.hadoop.fs.Path(copy.toUri()));
    Map<String, String> fromHdfs = Outputs.read(copy);
    assertEquals(Outputs.read(local), fromHdfs);
    assertEquals(6, fromHdfs.size(), fromHdfs.keySet().toString());
    assertEquals(Files.readString(local.resolve("report.html")), Files.readString(copy.resolve("report.html")));
  }

  @Test
  void anInterruptedRunOnHdfsIsResumedFromItsCommittedParts() throws IOException {
    String out = root + "/out/resumed";
    InProcessJob.Run first = run("--out", out);
    assertEquals(0, first.status(), first.err());
    Map<String, String> expected = Outputs.read(copy(out, "resumed-full"));
    // what a driver killed mid-run leaves: the run state with some committed parts, no reports
    for (String f : files(out)) {
      if (!f.startsWith(".nnsweep/")) {
        fs.delete(new org.apache.hadoop.fs.Path(out + "/" + f), true);
      }
    }
    fs.delete(new org.apache.hadoop.fs.Path(out + "/.nnsweep/complete"), false);
    InProcessJob.Run again = run("--out", out, "--resume");
    assertEquals(0, again.status(), again.err());
    assertEquals(expected, Outputs.read(copy(out, "resumed-again")));
  }

  @Test
  void aLockOnHdfsRefusesASecondRunAndBreakLockTakesItOver() throws IOException {
    String out = root + "/out/locked";
    try (var os = fs.create(new org.apache.hadoop.fs.Path(out + "/.nnsweep/lock"))) {
      os.write("host=elsewhere.example\npid=4242\nstarted=2026-01-01T00:00:00Z\ncommand=./submit.sh\n"
          .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    InProcessJob.Run refused = run("--out", out);
    assertEquals(2, refused.status(), refused.err());
    assertEquals("nnsweep: error: --out " + out + ": locked by a run on another host, pid 4242 on host"
        + " elsewhere.example since 2026-01-01T00:00:00Z (./submit.sh); expected no other run on this folder (if that"
        + " run is gone, pass --break-lock)\n", refused.err());
    assertEquals(List.of(".nnsweep/lock"), files(out));
    InProcessJob.Run broken = run("--out", out, "--break-lock");
    assertEquals(0, broken.status(), broken.err());
    assertTrue(broken.err().contains("took over the lock of a run that is gone, pid 4242 on host elsewhere.example"),
        broken.err());
    assertFalse(fs.exists(new org.apache.hadoop.fs.Path(out + "/.nnsweep/lock")), "released at the end");
  }

  @Test
  void aMissingStudyFileOnHdfsIsOneLineNamingIt() {
    InProcessJob.Run r = InProcessJob.run("--config", root + "/conf/nope.conf", "--out", root + "/out/nope");
    assertEquals(2, r.status());
    assertEquals("nnsweep: error: " + root + "/conf/nope.conf: study file not found, expected a HOCON study file"
        + " such as conf/tutorial.conf\n", r.err());
  }

  @Test
  void aNonEmptyOutputFolderOnHdfsIsRefused() throws IOException {
    fs.create(new org.apache.hadoop.fs.Path(root + "/out/full/x")).close();
    InProcessJob.Run r = run("--out", root + "/out/full");
    assertEquals(2, r.status());
    assertTrue(r.err().startsWith("nnsweep: error: --out " + root + "/out/full: folder exists and is not empty"),
        r.err());
    assertEquals(List.of("x"), files(root + "/out/full").stream().map(f -> f.split("/")[0]).distinct().toList());
  }

  private static InProcessJob.Run run(String... args) {
    List<String> all = new ArrayList<>(List.of("--config", "conf/tutorial.conf"));
    all.addAll(List.of(SETS));
    all.addAll(List.of(args));
    return InProcessJob.run(all.toArray(String[]::new));
  }

  private static Path copy(String dir, String name) throws IOException {
    Path to = tmp.resolve(name);
    fs.copyToLocalFile(new org.apache.hadoop.fs.Path(dir), new org.apache.hadoop.fs.Path(to.toUri()));
    return to;
  }

  /** Every file under {@code dir}, relative to it. */
  private static List<String> files(String dir) throws IOException {
    List<String> names = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(new org.apache.hadoop.fs.Path(dir), true);
    String prefix = fs.makeQualified(new org.apache.hadoop.fs.Path(dir)).toString() + "/";
    while (it.hasNext()) {
      names.add(it.next().getPath().toString().substring(prefix.length()));
    }
    return names;
  }
}
