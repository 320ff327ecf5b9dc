package nnsweep.spark;

import nnsweep.InputException;
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

  private SparkContexts() {}

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

  /** Starts a context with {@code conf}. */
  public static JavaSparkContext start(SparkConf conf) {
    return new JavaSparkContext(conf);
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
    String value = conf.get(WARMUP_MILLIS, Long.toString(DEFAULT_WARMUP_MILLIS)).trim();
    try {
      long millis = Long.parseLong(value);
      if (millis >= 0) {
        return millis;
      }
    } catch (NumberFormatException e) {
      // reported below, with the value found
    }
    throw new InputException("spark conf " + WARMUP_MILLIS + ": not a whole number of milliseconds >= 0, found '"
        + value + "', expected e.g. 3000 (0 turns the warm-up off)");
  }
}
