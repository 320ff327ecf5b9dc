package nnsweep.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import nnsweep.grid.Grid;
import nnsweep.grid.IdRange;
import nnsweep.grid.NetworkSpec;
import nnsweep.nn.LockstepTrainer;
import nnsweep.run.NetworkRun;
import nnsweep.run.Problem;
import nnsweep.run.ResultCodec;
import nnsweep.run.TrainingResult;
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

  /** Partitions to use when the study says 0: a few per core, so uneven tasks even out, never more than networks. */
  public static int defaultPartitions(JavaSparkContext sc, long networks) {
    return (int) Math.max(1, Math.min(networks, 4L * sc.defaultParallelism()));
  }

  /**
   * Trains the networks of {@code ranges} and hands each task's results to {@code done} on the driver as soon as
   * the task finishes (Spark's result handler), so they can be committed while the job goes on. A task that is
   * re-run after an executor loss is reported once, by the attempt that succeeded.
   *
   * <p>A task sends its results as one {@link ResultCodec} block (a byte array: nothing for Spark's serializer to
   * walk), prepares each dataset once for all its networks, and keeps the final weights only when {@code weights}.
   */
  public static void run(JavaSparkContext sc, Grid grid, List<Problem> problems, List<IdRange> ranges,
      boolean weights, TaskDone done) {
    if (ranges.isEmpty()) {
      return;
    }
    Broadcast<Grid> sharedGrid = sc.broadcast(grid);
    Broadcast<List<Problem>> sharedProblems = sc.broadcast(List.copyOf(problems));
    JavaRDD<IdRange> rdd = sc.parallelize(ranges, ranges.size());
    Function1<scala.collection.Iterator<IdRange>, byte[]> train = new TrainRanges(sharedGrid, sharedProblems,
        weights);
    List<IdRange> byPartition = new ArrayList<>(ranges);
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

    TrainRanges(Broadcast<Grid> grid, Broadcast<List<Problem>> problems, boolean weights) {
      this.grid = grid;
      this.problems = problems;
      this.weights = weights;
    }

    @Override
    public byte[] apply(scala.collection.Iterator<IdRange> it) {
      IdRange range = it.next();
      if (it.hasNext()) {
        throw new IllegalStateException("a partition must hold exactly one id range");
      }
      Grid g = grid.value();
      List<Problem> ps = problems.value();
      NetworkRun.Prepared[] prepared = new NetworkRun.Prepared[ps.size()];
      ResultCodec.Writer out = new ResultCodec.Writer(range.from(), weights, (int) range.size());
      // consecutive ids mostly share a shape (seed and init vary fastest): train those together, in lockstep
      List<NetworkSpec> group = new ArrayList<>(LockstepTrainer.DEFAULT_LANES);
      for (long id = range.from(); id <= range.to(); id++) {
        NetworkSpec spec = id < range.to() ? g.spec(id) : null;
        if (!group.isEmpty() && (spec == null || group.size() == LockstepTrainer.DEFAULT_LANES
            || !NetworkRun.sameShape(group.get(0), spec))) {
          int d = group.get(0).datasetIndex();
          if (prepared[d] == null) {
            prepared[d] = NetworkRun.prepare(ps.get(d));
          }
          for (TrainingResult r : NetworkRun.trainGroup(group, prepared[d], g.curvePoints(), g.stopError(),
              weights)) {
            out.add(r);
          }
          group.clear();
        }
        if (spec != null) {
          group.add(spec);
        }
      }
      return out.toBytes();
    }
  }
}
