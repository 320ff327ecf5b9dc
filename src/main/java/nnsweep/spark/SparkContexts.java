package nnsweep.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** Starts the job's Spark context with defaults a local run wants and a cluster run can override. */
public final class SparkContexts {
  private SparkContexts() {}

  /**
   * A context for the study. spark-submit's {@code --master} and {@code --conf} win; without them the job runs on
   * {@code local[*]} with the web UI off (it costs start-up time and a port, and a batch job rarely needs it) and
   * Spark's console progress bar off (the driver prints its own progress line, in networks).
   */
  public static JavaSparkContext start(String studyName) {
    SparkConf conf = new SparkConf()
        .setIfMissing("spark.master", "local[*]")
        .setIfMissing("spark.app.name", "nnsweep-" + studyName)
        .setIfMissing("spark.ui.enabled", "false")
        .setIfMissing("spark.ui.showConsoleProgress", "false");
    return new JavaSparkContext(conf);
  }
}
