package nnsweep;

import java.util.List;

/**
 * Where and how the Spark step ran, for {@code run.json} and the closing line.
 *
 * @param parallelism Spark's default parallelism
 * @param partitions the task plan's partitions
 * @param executors executors besides the driver
 * @param blas the BLAS of the JVMs that trained
 * @param trainSeconds wall time of the training stage
 */
record RunFacts(String master, String sparkVersion, int parallelism, int partitions, int executors,
    List<String> blas, double trainSeconds) {
  /** Nothing was left to train and Spark did not start. */
  static final RunFacts NOTHING_TRAINED = new RunFacts("none (everything was committed)", "", 0, 0, 0, List.of(), 0);
}
