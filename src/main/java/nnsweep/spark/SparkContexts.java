package nnsweep.spark;

import java.util.Locale;
import java.util.function.IntSupplier;
import nnsweep.errors.InputException;
import nnsweep.errors.ServiceException;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** Starts the job's Spark context with defaults a local run wants and a cluster run can override. */
public final class SparkContexts {
  /**
   * Spark setting: the most time each JVM that trains spends warming the kernels up first, in milliseconds (0: no
   * warm-up). The warm-up ends earlier once the kernels run at a steady speed.
   */
  public static final String WARMUP_MILLIS = "spark.nnsweep.warmupMillis";
  static final long DEFAULT_WARMUP_MILLIS = 3000;
  /**
   * Spark setting: the folder (a URI such as {@code hdfs://nn/user/me/nnsweep} or {@code file:///home/me/nnsweep})
   * that plain relative paths (study file, datasets, output folder) resolve against instead of the driver's current
   * directory. {@code submit.sh} sets it for {@code --deploy-mode cluster}.
   */
  public static final String BASE_DIR = "spark.nnsweep.baseDir";

  /**
   * Spark setting: how long, in seconds, a run on a cluster waits after Spark starts for its first executor before
   * it gives up with one line (0: wait for ever, as Spark does).
   */
  public static final String EXECUTOR_WAIT_SECONDS = "spark.nnsweep.executorWaitSeconds";
  static final long DEFAULT_EXECUTOR_WAIT_SECONDS = 120;

  private SparkContexts() {}

  /** The master spark-submit gives the driver ({@code spark.master}), {@code local[*]} without one. */
  public static String master() {
    return new SparkConf().get("spark.master", "local[*]");
  }

  /**
   * The configuration for the study. spark-submit's {@code --master} and {@code --conf} win; without them the job
   * runs on {@code local[*]} with the web UI off (it costs start-up time and a port, and a batch job rarely needs
   * it), Spark's console progress bar off (the driver prints its own progress line, in networks), and executors'
   * native BLAS on one thread per task.
   */
  public static SparkConf conf(String studyName) {
    return new SparkConf()
        .setIfMissing("spark.master", "local[*]")
        .setIfMissing("spark.app.name", "nnsweep-" + studyName)
        .setIfMissing("spark.ui.enabled", "false")
        .setIfMissing("spark.ui.showConsoleProgress", "false")
        // a native BLAS (OpenBLAS) would otherwise start a thread per core in every task: one task per core already
        .setIfMissing("spark.executorEnv.OPENBLAS_NUM_THREADS", "1");
  }

  /** The {@link #BASE_DIR} setting of spark-submit's configuration, or empty. */
  public static String baseDir() {
    return new SparkConf().get(BASE_DIR, "");
  }

  /**
   * The Hadoop configuration a context started with spark-submit's settings would have (its {@code spark.hadoop.*}
   * settings and the cluster's Hadoop files), available before Spark starts, so that inputs are read and checked
   * first.
   */
  public static org.apache.hadoop.conf.Configuration hadoopConf() {
    return org.apache.spark.deploy.SparkHadoopUtil.get().newConfiguration(new SparkConf());
  }

  /**
   * Starts a context with {@code conf}.
   *
   * @throws ServiceException naming the master and the cause when Spark does not start
   */
  public static JavaSparkContext start(SparkConf conf) {
    try {
      return new JavaSparkContext(conf);
    } catch (Exception e) { // Spark throws checked exceptions undeclared (a ClassNotFoundException, say)
      throw new ServiceException("--master " + conf.get("spark.master", "local[*]") + ": Spark did not start ("
          + cause(e) + ")", e);
    }
  }

  /** The innermost message of a failure, on one line (Spark wraps its causes several times). */
  private static String cause(Throwable e) {
    String message = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        message = t.getMessage();
      }
    }
    return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("").trim();
  }

  /**
   * On a cluster, waits for the first executor, at most {@link #EXECUTOR_WAIT_SECONDS}; nothing to wait for in
   * local mode (the driver runs the tasks) or with dynamic allocation (executors come once tasks are pending).
   *
   * @throws ServiceException when the cluster granted none in time
   * @throws InputException when the setting is not a whole number >= 0
   */
  public static void awaitExecutors(JavaSparkContext sc) {
    SparkConf conf = sc.getConf();
    long seconds = executorWaitSeconds(conf);
    if (isLocal(conf) || conf.getBoolean("spark.dynamicAllocation.enabled", false) || seconds == 0) {
      return;
    }
    // the driver is one of the executor infos
    awaitExecutors(() -> sc.sc().statusTracker().getExecutorInfos().length - 1, seconds * 1000, 200,
        conf.get("spark.master", ""));
  }

  /**
   * Polls {@code executors} every {@code pollMillis} until it is positive, at most {@code waitMillis}.
   *
   * @throws ServiceException naming {@code master} when none came
   */
  static void awaitExecutors(IntSupplier executors, long waitMillis, long pollMillis, String master) {
    long deadline = System.nanoTime() + waitMillis * 1_000_000;
    while (executors.getAsInt() <= 0) {
      if (System.nanoTime() >= deadline) {
        throw new ServiceException(String.format(Locale.ROOT, "--master %s: the cluster granted no executor within"
            + " %s s (%s), expected at least one (are workers up, with the free cores and memory that"
            + " --executor-cores and --executor-memory ask for?)", master, waitMillis % 1000 == 0
                ? Long.toString(waitMillis / 1000) : Double.toString(waitMillis / 1000.0), EXECUTOR_WAIT_SECONDS));
      }
      try {
        Thread.sleep(pollMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ServiceException("--master " + master + ": interrupted while waiting for an executor", e);
      }
    }
  }

  /**
   * Whether the driver must start a SparkContext even when there is nothing to compute: in YARN cluster mode the
   * application master fails an application whose driver never started one ("User did not initialize spark
   * context"), as a restarted attempt that finds every part committed would.
   */
  public static boolean contextRequired(SparkConf conf) {
    return conf.get("spark.master", "").equals("yarn") && conf.get("spark.submit.deployMode", "").equals("cluster");
  }

  /** Whether the tasks run in the driver's JVM ({@code local}, {@code local[N]}, {@code local[*]}, ...). */
  public static boolean isLocal(SparkConf conf) {
    String master = conf.get("spark.master", "local[*]");
    return master.equals("local") || master.startsWith("local[");
  }

  /**
   * The warm-up budget of {@link #WARMUP_MILLIS}.
   *
   * @throws InputException when it is not a whole number >= 0
   */
  public static long warmupMillis(SparkConf conf) {
    return wholeNumber(conf, WARMUP_MILLIS, DEFAULT_WARMUP_MILLIS, "milliseconds", "3000 (0 turns the warm-up off)");
  }

  /**
   * The executor wait of {@link #EXECUTOR_WAIT_SECONDS}, checked before anything is written.
   *
   * @throws InputException when it is not a whole number >= 0
   */
  public static long executorWaitSeconds(SparkConf conf) {
    return wholeNumber(conf, EXECUTOR_WAIT_SECONDS, DEFAULT_EXECUTOR_WAIT_SECONDS, "seconds",
        "120 (0 waits for ever)");
  }

  private static long wholeNumber(SparkConf conf, String key, long fallback, String unit, String example) {
    String value = conf.get(key, Long.toString(fallback)).trim();
    try {
      long n = Long.parseLong(value);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below, with the value found
    }
    throw new InputException("spark conf " + key + ": not a whole number of " + unit + " >= 0, found '" + value
        + "', expected e.g. " + example);
  }
}
