package nnsweep;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nnsweep.testing.Commands;
import nnsweep.testing.Commands.Run;
import nnsweep.testing.Csv;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The job on a real Spark standalone cluster: {@code bench/cluster.sh} starts a Master and two 1-core Workers on
 * 127.0.0.1 (separate JVMs, executors in JVMs of their own), and the same study must give the same numbers there as
 * on {@code local[2]}, also when an executor JVM is killed with {@code kill -9} in the middle of the job, in cluster
 * deploy mode (the driver on a Worker), and when that driver is killed and restarted ({@code --supervise}); a bad
 * study in cluster deploy mode shows its one-line error and exits 2.
 *
 * <p>An integration test for maven-failsafe ({@code mvn verify}): it runs {@code ./submit.sh} on the jar that
 * {@code package} built, from the project root. Linux only (it reads {@code /proc} and uses {@code kill}). Everything
 * it writes is under {@code target/it/}: outputs and submit logs stay there; the cluster's state folder
 * ({@code target/it/spark-cluster}) is deleted after a passing run and kept, with its logs, after a failure.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Path IT = ROOT.resolve("target/it");
  private static final Path CLUSTER_DIR = IT.resolve("spark-cluster");
  private static final Path LOGS = IT.resolve("cluster-logs");
  private static final String EXECUTOR_CLASS = "org.apache.spark.executor.CoarseGrainedExecutorBackend";
  private static final int WORKERS = 2;
  private static final Set<String> TIMING_COLUMNS = Set.of("train_ms");
  private static final List<String> REPORTS = List.of("results.csv", "summary.csv", "predictions.csv");

  /** 60 small networks: quick, but every dataset, model, rule and bias setting of the tutorial. */
  private static final List<String> SMALL_STUDY = List.of("--config", "conf/tutorial.conf", "--overwrite",
      "--set", "seeds=[0,1,2]", "--set", "epochs=[20000]");
  /** 200 tutorial-size networks: about 15 s of computing on two 1-core executors, time to lose one. */
  private static final List<String> LARGE_STUDY = List.of("--config", "conf/tutorial.conf", "--overwrite",
      "--set", "seeds={from=0,count=10}", "--set", "epochs=[200000]");

  // Upper bounds for a busy machine (on a quiet 2-core one: start ~15 s, each job 5-40 s, the whole test ~80 s).
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration EXECUTOR_TIMEOUT = Duration.ofMinutes(3);
  /** How long an executor computes before it is killed, so a task is well under way. */
  private static final Duration BEFORE_KILL = Duration.ofSeconds(2);

  private static final long STARTED = System.nanoTime();
  private static final Commands COMMANDS = new Commands("ClusterIT", ROOT, LOGS, env -> {
    env.put("NNSWEEP_CLUSTER_DIR", CLUSTER_DIR.toString());
    env.put("NNSWEEP_CLUSTER_TIMEOUT", Long.toString(START_TIMEOUT.toSeconds() - 30));
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
  }, "cluster-", 50);
  private static String masterUrl;
  private static int ran;
  private static int passed;

  @BeforeAll
  static void startCluster() throws Exception {
    for (String built : List.of("target/nnsweep.jar", "target/classpath.txt")) {
      assertTrue(Files.isRegularFile(ROOT.resolve(built)),
          built + " is missing: run this test with 'mvn verify' (after package), from the project root");
    }
    // A cluster left running by an interrupted run of this test lives in our folder: stop it, start afresh.
    COMMANDS.run("cluster-stop-before", START_TIMEOUT, "bench/cluster.sh", "stop");
    deleteTree(CLUSTER_DIR);

    Run start = COMMANDS.run("cluster-start", START_TIMEOUT, "bench/cluster.sh", "start");
    assertEquals(0, start.exit(), () -> "bench/cluster.sh start failed:\n" + start.tail());
    masterUrl = start.output().lines().filter(l -> l.matches("spark://127\\.0\\.0\\.1:\\d+")).reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no master URL in the output of cluster.sh start:\n" + start.tail()));
    COMMANDS.timing("cluster start (master + " + WORKERS + " workers registered)", start.took());
  }

  @AfterAll
  static void stopCluster() throws Exception {
    try {
      COMMANDS.killUnfinished();
      Run stop = COMMANDS.run("cluster-stop", START_TIMEOUT, "bench/cluster.sh", "stop");
      COMMANDS.timing("cluster stop", stop.took());
      assertEquals(0, stop.exit(), () -> "bench/cluster.sh stop failed:\n" + stop.tail());
      List<Long> left = clusterProcesses();
      assertTrue(left.isEmpty(), "processes of the test cluster still running after stop: " + left);
      if (passed == ran) {
        deleteTree(CLUSTER_DIR);
      } else {
        System.out.println("ClusterIT: kept the cluster's logs and work folders in " + CLUSTER_DIR);
      }
    } finally {
      COMMANDS.timing("ClusterIT total", Duration.ofNanos(System.nanoTime() - STARTED));
      COMMANDS.printTimings();
    }
  }

  @Test
  @Order(1)
  void clusterGivesTheSameResultsAsLocal() throws Exception {
    ran++;
    Run cluster = submit("cluster", masterUrl, IT.resolve("cluster"), SMALL_STUDY);
    Run local = submit("local2", "local[2]", IT.resolve("local2"), SMALL_STUDY);

    for (String report : REPORTS) {
      assertSameTable(IT.resolve("local2").resolve(report), IT.resolve("cluster").resolve(report));
    }
    assertEquals(60, Csv.read(IT.resolve("cluster/results.csv")).rows().size());
    assertTrue(cluster.output().contains(" on " + masterUrl), () -> "not run on the cluster:\n" + cluster.tail());
    assertTrue(local.output().contains(" on local[2]"), local.tail());
    passed++;
  }

  @Test
  @Order(2)
  void resultsSurviveTheLossOfAnExecutor() throws Exception {
    ran++;
    Path out = IT.resolve("kill-cluster");
    long started = System.nanoTime();
    Process job = COMMANDS.launch("kill-cluster", submitCommand(masterUrl, out, LARGE_STUDY));

    Executor victim = awaitBusyExecutor(job);
    long killedAt = System.nanoTime();
    Process kill = new ProcessBuilder("kill", "-9", Long.toString(victim.pid())).inheritIO().start();
    assertEquals(0, kill.waitFor(), "kill -9 " + victim.pid() + " failed");
    ProcessHandle.of(victim.pid()).ifPresent(p -> p.onExit().orTimeout(30, SECONDS).join());
    System.out.printf(Locale.ROOT, "ClusterIT: killed executor %s (pid %d on worker-%d, running tasks %s) %.1f s "
        + "after submit%n", victim.executorId(), victim.pid(), victim.worker(), victim.runningTasks(),
        (killedAt - started) / 1e9);

    Run cluster = COMMANDS.await("kill-cluster", job, JOB_TIMEOUT, started);
    assertEquals(0, cluster.exit(), () -> "the job failed after losing an executor:\n" + cluster.tail());
    // The driver noticed: the killed executor's running task of the sweep failed and was run again elsewhere.
    assertTrue(Pattern.compile("Lost task \\S+ in stage (?!0\\.)").matcher(cluster.output()).find(),
        () -> "the driver reported no lost task of the sweep, so the kill hit no running task:\n" + cluster.tail());
    cluster.output().lines().filter(l -> l.contains("Lost ")).map(l -> "ClusterIT: driver said: " + l)
        .forEach(System.out::println);

    submit("kill-local2", "local[2]", IT.resolve("kill-local2"), LARGE_STUDY);
    List<Map<String, String>> rows = Csv.read(out.resolve("results.csv")).rows();
    assertEquals(200, rows.size(), "networks in the study");
    for (String report : REPORTS) {
      assertSameTable(IT.resolve("kill-local2").resolve(report), out.resolve(report));
    }
    passed++;
  }

  @Test
  @Order(3)
  void clusterDeployModeGivesTheSameResultsAsClientMode() throws Exception {
    ran++;
    Path out = IT.resolve("deploy-cluster");
    List<String> command = new ArrayList<>(List.of("--deploy-mode", "cluster"));
    command.addAll(SMALL_STUDY);
    Run cluster = submit("deploy-cluster", masterUrl, out, command);
    // the driver ran on a worker; its console output came back through submit.sh
    assertTrue(cluster.output().contains("nnsweep: wrote " + out + ": results.csv"), cluster::tail);
    assertTrue(cluster.output().contains(" on " + masterUrl), cluster::tail);
    Path local = localRun("local2", SMALL_STUDY);
    for (String report : REPORTS) {
      assertSameTable(local.resolve(report), out.resolve(report));
    }
    passed++;
  }

  @Test
  @Order(4)
  void aBadStudyInClusterDeployModeShowsItsErrorLineAndExitsNonZero() throws Exception {
    ran++;
    Path out = IT.resolve("deploy-bad");
    List<String> command = new ArrayList<>(submitCommand(masterUrl, out, List.of("--config", "conf/tutorial.conf",
        "--set", "learning-rates=[0.05, -0.1]")));
    command.addAll(1, List.of("--deploy-mode", "cluster"));
    Run bad = COMMANDS.run("deploy-bad", JOB_TIMEOUT, command.toArray(String[]::new));
    assertEquals(2, bad.exit(), bad::tail);
    assertTrue(bad.output().lines().anyMatch(l -> l.equals("nnsweep: error: --set learning-rates=[0.05, -0.1]:"
        + " study.learning-rates[1]: learning rate must be > 0 and finite, found -0.1, expected a positive finite"
        + " number such as 0.05")), bad::tail);
    assertTrue(Files.notExists(out), "nothing written to " + out);
    passed++;
  }

  @Test
  @Order(4)
  void aClusterThatGrantsNoExecutorFailsWithOneLineWithinTheWaitAndLeavesNothing() throws Exception {
    ran++;
    Path out = IT.resolve("no-executor");
    // the workers have 1 GiB each: an executor of 4 GiB is never granted
    List<String> command = new ArrayList<>(submitCommand(masterUrl, out, SMALL_STUDY));
    command.addAll(1, List.of("--executor-memory", "4g", "--conf", "spark.nnsweep.executorWaitSeconds=10"));
    Run none = COMMANDS.run("no-executor", JOB_TIMEOUT, command.toArray(String[]::new));
    assertEquals(1, none.exit(), none::tail);
    List<String> ours = none.output().lines()
        .filter(l -> l.startsWith("nnsweep: failed: ") || l.startsWith("nnsweep: error: ")).toList();
    assertEquals(List.of("nnsweep: failed: --master " + masterUrl + ": the cluster granted no executor within 10 s"
        + " (spark.nnsweep.executorWaitSeconds), expected at least one (are workers up, with the free cores and"
        + " memory that --executor-cores and --executor-memory ask for?)"), ours, none::tail);
    assertTrue(none.output().lines().noneMatch(l -> l.contains("--resume")), none::tail);
    assertTrue(Files.notExists(out), "no run state left in " + out);
    passed++;
  }

  @Test
  @Order(5)
  void aSupervisedDriverKilledMidSweepIsRestartedAndResumesByItself() throws Exception {
    ran++;
    Path out = IT.resolve("deploy-supervised");
    List<String> command = new ArrayList<>(submitCommand(masterUrl, out, LARGE_STUDY));
    command.addAll(1, List.of("--deploy-mode", "cluster", "--supervise"));
    long started = System.nanoTime();
    Process job = COMMANDS.launch("deploy-supervised", command);

    long driver = awaitDriverWithCommittedParts(job, out);
    Process kill = new ProcessBuilder("kill", "-9", Long.toString(driver)).inheritIO().start();
    assertEquals(0, kill.waitFor(), "kill -9 " + driver + " failed");
    System.out.printf(Locale.ROOT, "ClusterIT: killed the driver (pid %d) %.1f s after submit%n", driver,
        (System.nanoTime() - started) / 1e9);

    Run supervised = COMMANDS.await("deploy-supervised", job, JOB_TIMEOUT, started);
    assertEquals(0, supervised.exit(), supervised::tail);
    // the Worker started the driver again, and that attempt found its own submission's parts
    assertTrue(Pattern.compile("\\((\\d+) already committed, \\d+ to train\\)").matcher(supervised.output()).find(),
        supervised::tail);
    Path local = localRun("kill-local2", LARGE_STUDY);
    for (String report : REPORTS) {
      assertSameTable(local.resolve(report), out.resolve(report));
    }
    passed++;
  }

  /** A local[2] run of {@code study} into target/it/NAME, unless an earlier test made it. */
  private static Path localRun(String name, List<String> study) throws Exception {
    Path out = IT.resolve(name);
    if (!Files.isRegularFile(out.resolve("run.json"))) {
      submit(name, "local[2]", out, study);
    }
    return out;
  }

  /** The driver JVM a Worker of the test cluster started, once it has committed a part to {@code out}. */
  private static long awaitDriverWithCommittedParts(Process job, Path out) throws Exception {
    long deadline = System.nanoTime() + EXECUTOR_TIMEOUT.toNanos();
    Path parts = out.resolve(".nnsweep/parts");
    while (System.nanoTime() < deadline) {
      assertTrue(job.isAlive(), () -> "the job ended before its driver was killed:\n"
          + Commands.tail(COMMANDS.log("deploy-supervised")));
      boolean committed = false;
      if (Files.isDirectory(parts)) {
        try (Stream<Path> s = Files.list(parts)) {
          committed = s.anyMatch(p -> p.getFileName().toString().startsWith("part-"));
        }
      }
      if (committed) {
        for (int w = 1; w <= WORKERS; w++) {
          Optional<ProcessHandle> worker = ProcessHandle.of(pid(CLUSTER_DIR.resolve("pids/worker-" + w + ".pid")));
          for (ProcessHandle child : worker.map(h -> h.children().toList()).orElse(List.of())) {
            if (Commands.commandLine(child.pid()).contains("org.apache.spark.deploy.worker.DriverWrapper")) {
              return child.pid();
            }
          }
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no driver of the test cluster committed a part within " + EXECUTOR_TIMEOUT);
  }

  // --- the job -------------------------------------------------------------------------------------------------

  private static List<String> submitCommand(String master, Path out, List<String> study) {
    List<String> command = new ArrayList<>(List.of("./submit.sh", "--master", master, "--out", out.toString()));
    command.addAll(study);
    return command;
  }

  /** Runs the study to the end; asserts exit 0. */
  private static Run submit(String name, String master, Path out, List<String> study) throws Exception {
    Run run = COMMANDS.run(name, JOB_TIMEOUT, submitCommand(master, out, study).toArray(String[]::new));
    assertEquals(0, run.exit(), () -> "./submit.sh --master " + master + " failed:\n" + run.tail());
    return run;
  }

  /**
   * Every report row must be there exactly once, in the same order, with the same values in every column but the
   * timings.
   */
  private static void assertSameTable(Path expectedFile, Path actualFile) {
    Csv.Table expected = Csv.read(expectedFile);
    Csv.Table actual = Csv.read(actualFile);
    assertEquals(expected.header(), actual.header(), actualFile + ": columns");
    assertEquals(expected.rows().size(), actual.rows().size(), actualFile + ": rows");
    if (actual.header().contains("network_id") && actualFile.endsWith("results.csv")) {
      Set<String> ids = new HashSet<>();
      for (Map<String, String> row : actual.rows()) {
        assertTrue(ids.add(row.get("network_id")), actualFile + ": network_id " + row.get("network_id") + " twice");
      }
    }
    for (int i = 0; i < expected.rows().size(); i++) {
      Map<String, String> want = expected.rows().get(i);
      Map<String, String> got = actual.rows().get(i);
      for (String column : expected.header()) {
        if (!TIMING_COLUMNS.contains(column)) {
          assertEquals(want.get(column), got.get(column),
              actualFile + " row " + (i + 1) + " (network_id " + got.get("network_id") + "), column " + column);
        }
      }
    }
  }

  // --- executors -----------------------------------------------------------------------------------------------

  private record Executor(long pid, int worker, String appId, String executorId, Set<String> runningTasks) {}

  /** Stage 0 is the warm-up job ({@code SparkSweep.warmUp}); the sweep's tasks run in later stages. */
  private static final Pattern RUNNING = Pattern.compile("Running task \\S+ in stage (?!0\\.)\\S+ \\(TID (\\d+)\\)");
  private static final Pattern FINISHED = Pattern.compile("Finished task \\S+ in stage \\S+ \\(TID (\\d+)\\)");

  /**
   * Waits until an executor JVM of our workers is computing, lets it compute {@link #BEFORE_KILL}, and returns an
   * executor that is running a task at that moment.
   */
  private static Executor awaitBusyExecutor(Process job) throws Exception {
    long deadline = System.nanoTime() + EXECUTOR_TIMEOUT.toNanos();
    long busySince = 0;
    while (System.nanoTime() < deadline) {
      assertTrue(job.isAlive(), () -> "the job ended before an executor was killed:\n"
          + Commands.tail(COMMANDS.log("kill-cluster")));
      Optional<Executor> busy = executors().stream().filter(e -> !e.runningTasks().isEmpty()).findFirst();
      if (busy.isPresent()) {
        if (busySince == 0) {
          busySince = System.nanoTime();
          System.out.printf(Locale.ROOT, "ClusterIT: executor %s (pid %d) computing; killing one in %d s%n",
              busy.get().executorId(), busy.get().pid(), BEFORE_KILL.toSeconds());
        } else if (System.nanoTime() - busySince >= BEFORE_KILL.toNanos()) {
          return busy.get();
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no executor of the test cluster ran a task within " + EXECUTOR_TIMEOUT
        + "; see " + CLUSTER_DIR.resolve("work") + " and " + COMMANDS.log("kill-cluster"));
  }

  /**
   * Executor JVMs that are children of our Worker JVMs, with the sweep's tasks their log shows as started, not
   * finished.
   */
  private static List<Executor> executors() {
    List<Executor> found = new ArrayList<>();
    for (int w = 1; w <= WORKERS; w++) {
      long workerPid = pid(CLUSTER_DIR.resolve("pids/worker-" + w + ".pid"));
      Optional<ProcessHandle> worker = ProcessHandle.of(workerPid);
      assertTrue(worker.isPresent() && worker.get().isAlive(), "worker-" + w + " (pid " + workerPid + ") is gone");
      for (ProcessHandle child : worker.get().children().toList()) {
        List<String> args = Commands.commandLine(child.pid());
        if (args.contains(EXECUTOR_CLASS)) {
          String appId = after(args, "--app-id");
          String executorId = after(args, "--executor-id");
          Path stderr = CLUSTER_DIR.resolve("work/worker-" + w).resolve(appId).resolve(executorId).resolve("stderr");
          found.add(new Executor(child.pid(), w, appId, executorId, runningTasks(stderr)));
        }
      }
    }
    return found;
  }

  private static Set<String> runningTasks(Path executorLog) {
    Set<String> running = new HashSet<>();
    if (Files.isRegularFile(executorLog)) {
      String log = Commands.read(executorLog);
      for (Matcher m = RUNNING.matcher(log); m.find(); ) {
        running.add(m.group(1));
      }
      for (Matcher m = FINISHED.matcher(log); m.find(); ) {
        running.remove(m.group(1));
      }
    }
    return running;
  }

  /** JVMs of the test cluster: daemons (cluster.sh's marker on their command line), executors (by work folder). */
  private static List<Long> clusterProcesses() {
    String marker = "-Dnnsweep.cluster.dir=" + CLUSTER_DIR;
    Path work = CLUSTER_DIR.resolve("work");
    return ProcessHandle.allProcesses().filter(p -> {
      List<String> args = Commands.commandLine(p.pid());
      return args.contains(marker) || args.contains(EXECUTOR_CLASS) && Commands.workingUnder(p.pid(), work);
    }).map(ProcessHandle::pid).toList();
  }

  private static String after(List<String> args, String option) {
    int i = args.indexOf(option);
    assertTrue(i >= 0 && i + 1 < args.size(), "no " + option + " in " + args);
    return args.get(i + 1);
  }

  private static long pid(Path pidFile) {
    assertTrue(Files.isRegularFile(pidFile), pidFile + " is missing");
    return Long.parseLong(Commands.read(pidFile).trim());
  }

  /** Deletes a folder this test created (never follows symbolic links: spark-home/jars links into ~/.m2). */
  private static void deleteTree(Path dir) throws IOException {
    assertTrue(dir.startsWith(IT), "refusing to delete " + dir + " outside " + IT);
    Csv.deleteTree(dir);
  }
}
