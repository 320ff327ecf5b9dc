package nnsweep.spark;

import java.io.Serializable;
import java.util.List;
import nnsweep.grid.Grid;
import nnsweep.grid.IdRange;
import nnsweep.run.Problem;
import nnsweep.run.RangeTrainer;
import nnsweep.run.ResultCodec;
import nnsweep.run.Warmup;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Function1;
import scala.Function2;
import scala.reflect.ClassTag$;
import scala.runtime.BoxedUnit;

/**
 * Distribution only: ships the grid and the datasets to the executors once (broadcast), gives each task a range of
 * network ids, and lets the task decode and train its networks. No maths and no file formats here.
 */
public final class SparkSweep {
  private SparkSweep() {}

  /**
   * Called on the driver as each task succeeds, with the task's id range and its results in the compact form of
   * {@link ResultCodec} (decode with {@link ResultCodec#decode}).
   */
  @FunctionalInterface
  public interface TaskDone {
    void accept(IdRange range, byte[] results);
  }

  /**
   * Most tasks to cut a sweep into when the study says 0: 16 per core, so that the longest-first order leaves only
   * short tasks for the end (Spark's per-task cost is a few milliseconds; fewer, bigger tasks would idle cores at the
   * end of the job).
   */
  public static int defaultMaxTasks(JavaSparkContext sc) {
    return 16 * Math.max(1, sc.defaultParallelism());
  }

  /**
   * Pays the once-per-JVM costs before the sweep starts, so that its first tasks do not: Spark's first job (broadcast,
   * serializer and scheduler set-up, about 0.3-0.8 s measured in local mode) and the JIT compiling the task's code
   * path as it gets hot. It runs the sweep's own task code on the first (and last) lockstep group of every shape
   * ({@link Warmup#ranges}) for a few epochs each, and drops the results; each executor JVM it reaches warms the
   * kernels up first ({@link Warmup}; in local mode its tasks wait for the warm-up the driver started).
   */
  public static void warmUp(JavaSparkContext sc, Grid grid, List<Problem> problems, long warmupMillis) {
    List<IdRange> ranges = Warmup.ranges(grid);
    int epochs = Warmup.epochs(ranges.size());
    // the blocks are not decoded: their networks ran fewer epochs than the grid says
    run(sc, grid, problems, ranges, false, warmupMillis, epochs, (range, block) -> { });
  }

  /**
   * Trains the networks of {@code ranges} and hands each task's results to {@code done} on the driver as soon as
   * the task finishes (Spark's result handler), so they can be committed while the job goes on. A task that is
   * re-run after an executor loss is reported once, by the attempt that succeeded.
   *
   * <p>A task sends its results as one {@link ResultCodec} block (a byte array: nothing for Spark's serializer to
   * walk), prepares each dataset once for all its networks, and keeps the final weights only when {@code weights}.
   * Each executor JVM first warms up for {@code warmupMillis} (see {@link Warmup}; 0: no warm-up).
   */
  public static void run(JavaSparkContext sc, Grid grid, List<Problem> problems, List<IdRange> ranges,
      boolean weights, long warmupMillis, TaskDone done) {
    run(sc, grid, problems, ranges, weights, warmupMillis, Integer.MAX_VALUE, done);
  }

  private static void run(JavaSparkContext sc, Grid grid, List<Problem> problems, List<IdRange> ranges,
      boolean weights, long warmupMillis, int maxEpochs, TaskDone done) {
    if (ranges.isEmpty()) {
      return;
    }
    Broadcast<Grid> sharedGrid = sc.broadcast(grid);
    Broadcast<List<Problem>> sharedProblems = sc.broadcast(List.copyOf(problems));
    JavaRDD<IdRange> rdd = sc.parallelize(ranges, ranges.size());
    Function1<scala.collection.Iterator<IdRange>, byte[]> train = new TrainRanges(sharedGrid, sharedProblems,
        weights, warmupMillis, maxEpochs);
    List<IdRange> byPartition = List.copyOf(ranges);
    Function2<Object, byte[], BoxedUnit> handler = (partition, results) -> {
      done.accept(byPartition.get((Integer) partition), results);
      return BoxedUnit.UNIT;
    };
    sc.sc().runJob(rdd.rdd(), train, handler, ClassTag$.MODULE$.apply(byte[].class));
  }

  /** Executor side: trains the partition's id range into one encoded block (a named class, no closure). */
  private static final class TrainRanges extends scala.runtime.AbstractFunction1<
      scala.collection.Iterator<IdRange>, byte[]> implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Broadcast<Grid> grid;
    private final Broadcast<List<Problem>> problems;
    private final boolean weights;
    private final long warmupMillis;
    private final int maxEpochs;

    TrainRanges(Broadcast<Grid> grid, Broadcast<List<Problem>> problems, boolean weights, long warmupMillis,
        int maxEpochs) {
      this.grid = grid;
      this.problems = problems;
      this.weights = weights;
      this.warmupMillis = warmupMillis;
      this.maxEpochs = maxEpochs;
    }

    @Override
    public byte[] apply(scala.collection.Iterator<IdRange> it) {
      IdRange range = it.next();
      if (it.hasNext()) {
        throw new IllegalStateException("a partition must hold exactly one id range");
      }
      // once per executor JVM (in local mode the driver did it while Spark started)
      Warmup.once(grid.value(), problems.value(), warmupMillis);
      return new RangeTrainer(grid.value(), problems.value(), weights, maxEpochs).train(range);
    }
  }
}
