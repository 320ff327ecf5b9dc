package nnsweep.spark;

import java.util.List;
import nnsweep.grid.Grid;
import nnsweep.grid.IdRange;
import nnsweep.run.NetworkRun;
import nnsweep.run.Problem;
import nnsweep.run.TrainingResult;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Distribution only: ships the grid and the datasets to the executors once (broadcast), gives each task a range of
 * network ids, and lets the task decode and train its networks. No maths and no file formats here.
 */
public final class SparkSweep {
  private SparkSweep() {}

  /** Partitions to use when the study says 0: a few per core, so uneven tasks even out, never more than networks. */
  public static int defaultPartitions(JavaSparkContext sc, long networks) {
    return (int) Math.max(1, Math.min(networks, 4L * sc.defaultParallelism()));
  }

  /**
   * The results table: one {@link TrainingResult} per network of {@code grid}, in no particular order. Lazy: nothing
   * runs until an action.
   *
   * @param problems the study's datasets with their query points, in study order
   */
  public static JavaRDD<TrainingResult> train(JavaSparkContext sc, Grid grid, List<Problem> problems,
      int partitions) {
    List<IdRange> ranges = IdRange.balanced(grid, partitions);
    Broadcast<Grid> sharedGrid = sc.broadcast(grid);
    Broadcast<List<Problem>> sharedProblems = sc.broadcast(List.copyOf(problems));
    return sc.parallelize(ranges, ranges.size())
        .flatMap(range -> range.ids()
            .mapToObj(id -> {
              var spec = sharedGrid.value().spec(id);
              return NetworkRun.train(spec, sharedProblems.value().get(spec.datasetIndex()));
            })
            .iterator());
  }
}
