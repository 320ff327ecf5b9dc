package nnsweep.report;

import java.util.List;
import java.util.Map;

/**
 * Provenance of a run, written as {@code run.json}: enough to rerun it and to know what it ran on.
 *
 * @param kernels networks per training kernel ({@code LOCKSTEP}, {@code GEMM})
 * @param blas the BLAS of the JVMs that trained (e.g. {@code JNIBLAS}: native), empty when nothing was trained
 * @param stageSeconds wall time per stage, in order (load, spark-start, train, spark-stop, reports)
 */
public record RunInfo(
    List<String> commandLine,
    String nnsweepVersion,
    String sparkVersion,
    String javaVersion,
    String master,
    int defaultParallelism,
    int partitions,
    int executors,
    long networks,
    long trained,
    long resumed,
    Map<String, Long> kernels,
    List<String> blas,
    String started,
    String finished,
    Map<String, Double> stageSeconds) {

  /** The version of a build run from its classes rather than its jar. */
  public static final String DEV = "dev";

  /** nnsweep's version, from its jar's manifest ({@value #DEV} when run from classes). */
  public static String version() {
    Package p = RunInfo.class.getPackage();
    String v = p == null ? null : p.getImplementationVersion();
    return v == null ? DEV : v;
  }
}
