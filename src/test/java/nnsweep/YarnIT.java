package nnsweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nnsweep.testing.Commands;
import nnsweep.testing.Commands.Run;
import nnsweep.testing.Csv;
import nnsweep.testing.Outputs;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The job on a real YARN cluster with a real HDFS: {@code bench/yarn.sh} starts Hadoop's MiniDFSCluster and
 * MiniYARNCluster (one ResourceManager, two NodeManagers) in a JVM of their own on loopback, and {@code ./submit.sh
 * --master yarn} runs the study there in client and in cluster deploy mode (the driver in the application master's
 * container), with the study and datasets on HDFS or local and {@code --out} on HDFS; the results must be those of a
 * {@code local[2]} run (train times aside). A bad study in cluster mode shows its driver's error line and exits 2.
 * With {@code spark.yarn.maxAppAttempts=2}, killing the first attempt's driver (the application master's JVM) once it
 * has committed parts makes YARN start a second attempt, which takes over the lock as the same submission, resumes
 * from the committed parts and gives the uninterrupted run's results.
 *
 * <p>A failsafe integration test ({@code mvn verify}) on the jar {@code package} built, run from the project root;
 * Linux only ({@code /proc}, {@code kill}). Everything it writes is under {@code target/it/}; the cluster's state
 * folder ({@code target/it/yarn}) is deleted after a passing run and kept, with its logs, after a failure.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class YarnIT {
  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Path IT = ROOT.resolve("target/it");
  private static final Path STATE = IT.resolve("yarn");
  private static final Path LOGS = IT.resolve("yarn-logs");
  private static final String AM_CLASS = "org.apache.spark.deploy.yarn.ApplicationMaster";

  /** 60 small networks: quick, but every dataset, model, rule and bias setting of the tutorial. */
  private static final List<String> SMALL_STUDY = List.of("--config", "conf/tutorial.conf", "--overwrite",
      "--set", "seeds=[0,1,2]", "--set", "epochs=[20000]");
  /** 200 tutorial-size networks in 8 parts: parts are committed well before the sweep ends, time to kill the driver. */
  private static final List<String> SLOW_STUDY = List.of("--config", "conf/tutorial.conf", "--overwrite",
      "--set", "seeds={from=0,count=10}", "--set", "epochs=[200000]", "--set", "partitions=8");

  // Upper bounds for a busy machine (quiet 2-core one: start ~20 s, each YARN application 20-40 s).
  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(8);

  private static final long STARTED = System.nanoTime();
  private static final Commands COMMANDS = new Commands("YarnIT", ROOT, LOGS, env -> {
    env.put("NNSWEEP_YARN_DIR", STATE.toString());
    env.put("NNSWEEP_YARN_TIMEOUT", Long.toString(START_TIMEOUT.toSeconds() - 30));
    env.remove("YARN_CONF_DIR");
    env.put("HADOOP_CONF_DIR", STATE.resolve("conf").toString());
    env.remove("SPARK_HOME"); // the Maven jars, as in CI
  }, "yarn-", 55);
  private static String hdfs;
  private static FileSystem fs;
  private static int ran;
  private static int passed;

  @BeforeAll
  static void startCluster() throws Exception {
    for (String built : List.of("target/nnsweep.jar", "target/classpath.txt", "target/test-classpath.txt")) {
      assertTrue(Files.isRegularFile(ROOT.resolve(built)),
          built + " is missing: run this test with 'mvn verify' (after package), from the project root");
    }
    COMMANDS.run("yarn-stop-before", START_TIMEOUT, "bench/yarn.sh", "stop");
    Csv.deleteTree(STATE);
    Run start = COMMANDS.run("yarn-start", START_TIMEOUT, "bench/yarn.sh", "start");
    assertEquals(0, start.exit(), () -> "bench/yarn.sh start failed:\n" + start.tail());
    assertTrue(start.output().lines().anyMatch(l -> l.equals(STATE.resolve("conf").toString())), start::tail);
    COMMANDS.timing("cluster start (HDFS + YARN, 2 NodeManagers registered)", start.took());

    Configuration conf = new Configuration(false);
    for (String site : List.of("core-site.xml", "hdfs-site.xml", "yarn-site.xml")) {
      assertTrue(Files.isRegularFile(STATE.resolve("conf").resolve(site)), site + " written");
      conf.addResource(new org.apache.hadoop.fs.Path(STATE.resolve("conf").resolve(site).toUri()));
    }
    hdfs = conf.get("fs.defaultFS");
    assertTrue(hdfs.matches("hdfs://127\\.0\\.0\\.1:\\d+"), hdfs);
    assertTrue(conf.get("yarn.resourcemanager.address").matches("127\\.0\\.0\\.1:\\d+"));
    assertTrue(conf.get("dfs.namenode.http-address").matches("127\\.0\\.0\\.1:\\d+"));
    fs = FileSystem.newInstance(URI.create(hdfs), new Configuration());
    // the study and its datasets on HDFS, for the cluster-mode runs (relative to spark.nnsweep.baseDir)
    for (String f : List.of("conf/tutorial.conf", "data/or.csv", "data/xor.csv")) {
      fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(ROOT.resolve(f).toUri()),
          new org.apache.hadoop.fs.Path(hdfs + "/user/nnsweep/" + f));
    }
  }

  @AfterAll
  static void stopCluster() throws Exception {
    try {
      COMMANDS.killUnfinished();
      if (fs != null) {
        fs.close();
      }
      Run stop = COMMANDS.run("yarn-stop", START_TIMEOUT, "bench/yarn.sh", "stop");
      COMMANDS.timing("cluster stop", stop.took());
      assertEquals(0, stop.exit(), () -> "bench/yarn.sh stop failed:\n" + stop.tail());
      List<Long> left = clusterProcesses();
      assertTrue(left.isEmpty(), "processes of the test cluster still running after stop: " + left);
      if (passed == ran) {
        Csv.deleteTree(STATE);
      } else {
        System.out.println("YarnIT: kept the cluster's state and container logs in " + STATE);
      }
    } finally {
      COMMANDS.timing("YarnIT total", Duration.ofNanos(System.nanoTime() - STARTED));
      COMMANDS.printTimings();
    }
  }

  @Test
  @Order(0)
  void yarnWithoutAHadoopConfigurationIsACommandLineError() throws Exception {
    ran++;
    Path out = IT.resolve("yarn-no-conf");
    Process p = COMMANDS.launch("no-conf", List.of("./submit.sh", "--master", "yarn", "--config", "conf/tutorial.conf",
        "--out", out.toString()), env -> env.remove("HADOOP_CONF_DIR"));
    Run r = COMMANDS.await("no-conf", p, JOB_TIMEOUT, System.nanoTime());
    assertEquals(2, r.exit(), r::tail);
    assertEquals(List.of("nnsweep: error: command line: --master yarn needs HADOOP_CONF_DIR (or YARN_CONF_DIR) naming"
        + " the folder with the cluster's yarn-site.xml and core-site.xml, found neither set (bench/yarn.sh start"
        + " writes target/yarn/conf)"), r.output().lines().toList());
    assertFalse(Files.exists(out), "nothing written");
    passed++;
  }

  @Test
  @Order(1)
  void clientModeWritesToHdfsWhatALocalRunWrites() throws Exception {
    ran++;
    String out = hdfs + "/user/nnsweep/out/client";
    Run client = submit("client", List.of("--master", "yarn", "--out", out), SMALL_STUDY);
    assertEquals(0, client.exit(), client::tail);
    assertTrue(client.output().contains("60 networks in 2 partitions on yarn"), client::tail);
    assertTrue(client.output().contains("nnsweep: wrote " + out + ": results.csv"), client::tail);
    assertEquals(Outputs.read(localRun("local2", SMALL_STUDY)), Outputs.read(copy(out, "client")));
    passed++;
  }

  @Test
  @Order(2)
  void clusterModeWithTheStudyOnHdfsWritesWhatALocalRunWrites() throws Exception {
    ran++;
    // relative --config, datasets and --out: all against the HDFS base folder
    Run cluster = submit("cluster", List.of("--master", "yarn", "--deploy-mode", "cluster",
        "--conf", "spark.nnsweep.baseDir=" + hdfs + "/user/nnsweep", "--out", "out/cluster"), SMALL_STUDY);
    assertEquals(0, cluster.exit(), cluster::tail);
    String out = hdfs + "/user/nnsweep/out/cluster";
    // the driver ran in the application master's container; its console output came back through submit.sh
    assertTrue(cluster.output().contains("60 networks in 2 partitions on yarn"), cluster::tail);
    assertTrue(cluster.output().contains("nnsweep: wrote out/cluster: results.csv"), cluster::tail);
    assertTrue(cluster.output().contains("nnsweep: open " + out + "/report.html"), cluster::tail);
    assertEquals(Outputs.read(localRun("local2", SMALL_STUDY)), Outputs.read(copy(out, "cluster")));
    passed++;
  }

  @Test
  @Order(3)
  void aBadStudyInClusterModeShowsItsErrorLineAndExitsTwo() throws Exception {
    ran++;
    String out = hdfs + "/user/nnsweep/out/bad";
    // every attempt fails the same way: one attempt is enough here
    Run bad = submit("bad", List.of("--master", "yarn", "--deploy-mode", "cluster",
        "--conf", "spark.yarn.maxAppAttempts=1", "--out", out),
        List.of("--config", "conf/tutorial.conf", "--set", "learning-rates=[0.05, -0.1]"));
    assertEquals(2, bad.exit(), bad::tail);
    assertTrue(bad.output().lines().anyMatch(l -> l.equals("nnsweep: error: --set learning-rates=[0.05, -0.1]:"
        + " study.learning-rates[1]: learning rate must be > 0 and finite, found -0.1, expected a positive finite"
        + " number such as 0.05")), bad::tail);
    assertFalse(fs.exists(new org.apache.hadoop.fs.Path(out)), "nothing written to " + out);
    passed++;
  }

  @Test
  @Order(4)
  void aKilledApplicationMasterIsRestartedAndItsSecondAttemptResumes() throws Exception {
    ran++;
    String out = hdfs + "/user/nnsweep/out/restart";
    List<String> command = new ArrayList<>(List.of("./submit.sh", "--master", "yarn", "--deploy-mode", "cluster",
        "--conf", "spark.yarn.maxAppAttempts=2", "--out", out));
    command.addAll(SLOW_STUDY);
    long started = System.nanoTime();
    Process job = COMMANDS.launch("restart", command);

    ProcessHandle driver = awaitFirstAttemptWithCommittedParts(job, out);
    Process kill = new ProcessBuilder("kill", "-9", Long.toString(driver.pid())).inheritIO().start();
    assertEquals(0, kill.waitFor(), "kill -9 " + driver.pid() + " failed");
    System.out.printf(Locale.ROOT, "YarnIT: killed the first attempt's driver (pid %d) %.1f s after submit%n",
        driver.pid(), (System.nanoTime() - started) / 1e9);

    // meanwhile, another submission on the folder is refused, whether the lock is still the dead first attempt's
    // or already the second's: only an attempt of the same submission takes it over
    Run other = submit("restart-other", List.of("--master", "local[2]", "--out", out), SLOW_STUDY.stream()
        .filter(a -> !a.equals("--overwrite")).toList());
    assertEquals(2, other.exit(), other::tail);
    assertTrue(Pattern.compile("nnsweep: error: --out " + Pattern.quote(out) + ": (in use by another run, pid \\d+"
        + "|a run that is gone left its lock, pid " + driver.pid() + ") on host ").matcher(other.output()).find(),
        other::tail);

    Run restarted = COMMANDS.await("restart", job, JOB_TIMEOUT, started);
    assertEquals(0, restarted.exit(), restarted::tail);
    // the second attempt took over the lock as the same submission and found the first one's parts
    assertTrue(restarted.output().contains("took over the lock of a run that is gone, pid " + driver.pid()), 
        restarted::tail);
    assertTrue(restarted.output().contains("(an earlier attempt of this submission)"), restarted::tail);
    Matcher resumed = Pattern.compile("200 networks \\((\\d+) already committed, (\\d+) to train\\)")
        .matcher(restarted.output());
    assertTrue(resumed.find(), restarted::tail);
    assertTrue(Integer.parseInt(resumed.group(1)) > 0, restarted::tail);
    assertEquals(Outputs.read(localRun("slow-local2", SLOW_STUDY)), Outputs.read(copy(out, "restart")));
    passed++;
  }

  /**
   * The first attempt's application master JVM (its container id ends in {@code _01_000001}) once the sweep has
   * committed a part to {@code out}.
   */
  private static ProcessHandle awaitFirstAttemptWithCommittedParts(Process job, String out) throws Exception {
    long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
    org.apache.hadoop.fs.Path parts = new org.apache.hadoop.fs.Path(out + "/.nnsweep/parts");
    Pattern firstAttempt = Pattern.compile("container_\\d+_\\d+_01_000001");
    while (System.nanoTime() < deadline) {
      assertTrue(job.isAlive(), () -> "the job ended before its driver was killed:\n"
          + Commands.tail(COMMANDS.log("restart")));
      boolean committed = false;
      if (fs.exists(parts)) {
        for (FileStatus s : fs.listStatus(parts)) {
          committed |= s.getPath().getName().startsWith("part-");
        }
      }
      if (committed) {
        List<ProcessHandle> masters = ProcessHandle.allProcesses().filter(p -> {
          List<String> argv = Commands.commandLine(p.pid());
          String args = String.join(" ", argv);
          // the JVM itself, not a launch script's shell whose command line holds the same text
          return !argv.isEmpty() && argv.get(0).endsWith("/java") && argv.contains(AM_CLASS)
              && firstAttempt.matcher(args).find() && inState(p.pid());
        }).toList();
        assertEquals(1, masters.size(), "application masters of a first attempt: " + masters);
        return masters.get(0);
      }
      Thread.sleep(300);
    }
    throw new AssertionError("no part committed to " + out + " within " + JOB_TIMEOUT);
  }

  /** A local[2] run of {@code study} into target/it/yarn-NAME, unless an earlier test made it. */
  private static Path localRun(String name, List<String> study) throws Exception {
    Path out = IT.resolve("yarn-" + name);
    if (!Files.isRegularFile(out.resolve("run.json"))) {
      Run local = submit(name, List.of("--master", "local[2]", "--out", out.toString()), study);
      assertEquals(0, local.exit(), local::tail);
    }
    return out;
  }

  /** An output folder on HDFS copied to target/it/yarn-copies/NAME. */
  private static Path copy(String hdfsDir, String name) throws IOException {
    Path local = IT.resolve("yarn-copies").resolve(name);
    Csv.deleteTree(local);
    Files.createDirectories(local.getParent());
    fs.copyToLocalFile(new org.apache.hadoop.fs.Path(hdfsDir), new org.apache.hadoop.fs.Path(local.toUri()));
    Map<String, String> files = Outputs.read(local);
    assertEquals(6, files.size(), "report CSVs in " + hdfsDir + ": " + files.keySet());
    return local;
  }

  // --- processes -----------------------------------------------------------------------------------------------

  private static Run submit(String name, List<String> options, List<String> study) throws Exception {
    List<String> command = new ArrayList<>(List.of("./submit.sh"));
    command.addAll(options);
    command.addAll(study);
    return COMMANDS.run(name, JOB_TIMEOUT, command.toArray(String[]::new));
  }

  /** Processes of the test cluster: its JVM (yarn.sh's marker) and anything running in its folders (containers). */
  private static List<Long> clusterProcesses() {
    String marker = "-Dnnsweep.yarn.dir=" + STATE;
    return ProcessHandle.allProcesses()
        .filter(p -> Commands.commandLine(p.pid()).contains(marker) || inState(p.pid()))
        .map(ProcessHandle::pid).toList();
  }

  private static boolean inState(long pid) {
    return Commands.workingUnder(pid, STATE);
  }
}
