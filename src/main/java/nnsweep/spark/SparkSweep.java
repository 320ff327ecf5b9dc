package nnsweep.spark;

import java.io.Serializable;
import java.util.List;
import nnsweep.grid.Grid;
import nnsweep.grid.IdRange;
import nnsweep.run.RangeTrainer;
import nnsweep.run.Warmup;
import nnsweep.run.Problem;
import nnsweep.run.ResultCodec;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.VoidFunction;
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
   * Pays the once-per-JVM costs before the sweep starts, so that its first tasks do not: runs 8 tiny tasks per core
   * (Spark's first job sets up the broadcast, serializer and scheduler machinery, about 0.3 s measured in local
   * mode), and each executor JVM it reaches warms the kernels up on the study's shapes ({@link Warmup}; in local mode
   * the tasks wait for the warm-up the driver started).
   */
  public static void warmUp(JavaSparkContext sc, Grid grid, List<Problem> problems, long warmupMillis) {
    Broadcast<Grid> sharedGrid = sc.broadcast(grid);
    Broadcast<List<Problem>> sharedProblems = sc.broadcast(List.copyOf(problems));
    // a few tasks per core: task (de)serialization is on every task's path and compiles as it gets hot
    int tasks = 8 * Math.max(1, sc.defaultParallelism());
    JavaRDD<Integer> rdd = sc.parallelize(java.util.stream.IntStream.range(0, tasks).boxed().toList(), tasks);
    rdd.foreachPartition(new WarmUpTask(sharedGrid, sharedProblems, warmupMillis));
    sharedGrid.destroy();
    sharedProblems.destroy();
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
    if (ranges.isEmpty()) {
      return;
    }
    Broadcast<Grid> sharedGrid = sc.broadcast(grid);
    Broadcast<List<Problem>> sharedProblems = sc.broadcast(List.copyOf(problems));
    JavaRDD<IdRange> rdd = sc.parallelize(ranges, ranges.size());
    Function1<scala.collection.Iterator<IdRange>, byte[]> train = new TrainRanges(sharedGrid, sharedProblems,
        weights, warmupMillis);
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

    TrainRanges(Broadcast<Grid> grid, Broadcast<List<Problem>> problems, boolean weights, long warmupMillis) {
      this.grid = grid;
      this.problems = problems;
      this.weights = weights;
      this.warmupMillis = warmupMillis;
    }

    @Override
    public byte[] apply(scala.collection.Iterator<IdRange> it) {
      IdRange range = it.next();
      if (it.hasNext()) {
        throw new IllegalStateException("a partition must hold exactly one id range");
      }
      // once per executor JVM (in local mode the driver did it while Spark started)
      Warmup.once(grid.value(), problems.value(), warmupMillis);
      return new RangeTrainer(grid.value(), problems.value(), weights).train(range);
    }
  }

  /** Executor side of {@link #warmUp}. */
  private static final class WarmUpTask implements VoidFunction<java.util.Iterator<Integer>> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<Grid> grid;
    private final Broadcast<List<Problem>> problems;
    private final long warmupMillis;

    WarmUpTask(Broadcast<Grid> grid, Broadcast<List<Problem>> problems, long warmupMillis) {
      this.grid = grid;
      this.problems = problems;
      this.warmupMillis = warmupMillis;
    }

    @Override
    public void call(java.util.Iterator<Integer> it) {
      Warmup.once(grid.value(), problems.value(), warmupMillis);
    }
  }
}
