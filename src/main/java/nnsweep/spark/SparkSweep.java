package nnsweep.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import nnsweep.grid.Cell;
import nnsweep.grid.Grid;
import nnsweep.grid.IdRange;
import nnsweep.run.JvmKernels;
import nnsweep.run.Problem;
import nnsweep.run.RangeTrainer;
import nnsweep.run.ResultCodec;
import nnsweep.run.TrainingResult;
import nnsweep.run.Warmup;
import nnsweep.search.CellScore;
import nnsweep.stats.Aggregation;
import nnsweep.stats.CellStats;
import nnsweep.stats.DatasetReport;
import nnsweep.study.HiddenRule;
import nnsweep.study.Study;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Function2;
import scala.Tuple2;
import scala.reflect.ClassTag$;
import scala.runtime.BoxedUnit;

/**
 * Distribution only: ships the grid and the datasets to the executors once (broadcast), gives each task a range of
 * network ids to decode and train, keeps the results distributed (an RDD of compact result blocks), and runs the
 * reports' aggregation over them as Spark jobs. The maths is in {@code nn}/{@code run}, the statistics in
 * {@code stats}; nothing here reads or writes files, but for handing the per-network tables to Spark's own
 * Parquet writer ({@link #writeParquet}).
 */
public final class SparkSweep {
  // shared with SparkHalving, which runs over the same broadcasts
  final JavaSparkContext sc;
  final Broadcast<Grid> grid;
  final Broadcast<List<Problem>> problems;
  final long warmupMillis;
  final StorageLevel cache;

  /**
   * Called on the driver as each task succeeds, with the task's id range and its results in the compact form of
   * {@link ResultCodec} (decode with {@link ResultCodec#decode}).
   */
  @FunctionalInterface
  public interface TaskDone {
    void accept(IdRange range, byte[] results);
  }

  /**
   * A sweep of {@code grid} on {@code sc}: broadcasts the grid and the datasets. Each executor JVM warms up for
   * {@code warmupMillis} before its first task (see {@link Warmup}; 0: no warm-up).
   */
  public SparkSweep(JavaSparkContext sc, Grid grid, List<Problem> problems, long warmupMillis) {
    this.sc = sc;
    this.grid = sc.broadcast(grid);
    this.problems = sc.broadcast(List.copyOf(problems));
    this.warmupMillis = warmupMillis;
    // on a cluster each cached block has a copy on a second executor: losing one (and it happens: ClusterIT kills
    // one) must not mean training its networks again for the aggregation
    this.cache = sc.isLocal() ? StorageLevel.MEMORY_AND_DISK() : StorageLevel.MEMORY_AND_DISK_2();
  }

  /**
   * Pays the once-per-JVM costs before the sweep starts, so that its first tasks do not: Spark's first job (broadcast,
   * serializer and scheduler set-up) and the JIT compiling the task's code path as it gets hot. It runs the sweep's
   * own task code on the first (and last) lockstep group of every shape ({@link Warmup#ranges}) for a few epochs
   * each, and drops the results; each executor JVM it reaches warms the kernels up first ({@link Warmup}; in local
   * mode its tasks wait for the warm-up the driver started).
   */
  public void warmUp() {
    List<IdRange> ranges = Warmup.ranges(grid.value());
    // the blocks are not kept: their networks ran fewer epochs than the grid says; removed before the sweep starts
    // (blocking), so that the removal does not run beside its first tasks
    train(ranges, false, Warmup.epochs(grid.value(), ranges), (range, block) -> { }).unpersist(true);
  }

  /**
   * Trains the networks of {@code ranges} (one task each, in this order) and hands each task's results to
   * {@code done} on the driver as soon as the task finishes (Spark's result handler), so they can be committed while
   * the job goes on. A task that is re-run after an executor loss is reported once, by the attempt that succeeded.
   *
   * <p>Returns the results as they stay on the executors: an RDD with one {@link ResultCodec} block per range
   * (partition {@code i} holds {@code ranges.get(i)}), persisted for the aggregation job that follows (on a cluster
   * with a copy on a second executor; should both be lost, Spark trains those ranges again: the same numbers but for
   * train_ms). A task prepares each
   * dataset once for all its networks and keeps the final weights only when {@code weights}.
   */
  public JavaRDD<byte[]> train(List<IdRange> ranges, boolean weights, TaskDone done) {
    return train(ranges, weights, Integer.MAX_VALUE, done);
  }

  private JavaRDD<byte[]> train(List<IdRange> ranges, boolean weights, int toEpochs, TaskDone done) {
    scala.reflect.ClassTag<byte[]> tag = ClassTag$.MODULE$.apply(byte[].class);
    JavaRDD<byte[]> blocks = JavaRDD.fromRDD(sc.parallelize(ranges, Math.max(1, ranges.size())).rdd()
        .mapPartitions(new TrainRanges(grid, problems, weights, warmupMillis, toEpochs), false, tag), tag)
        .persist(cache);
    if (ranges.isEmpty()) {
      return blocks;
    }
    List<IdRange> byPartition = List.copyOf(ranges);
    Function2<Object, byte[], BoxedUnit> handler = (partition, results) -> {
      done.accept(byPartition.get((Integer) partition), results);
      return BoxedUnit.UNIT;
    };
    sc.sc().runJob(blocks.rdd(), new OnlyBlock(), handler, ClassTag$.MODULE$.apply(byte[].class));
    return blocks;
  }

  /**
   * The BLAS (and sigmoid) of the JVMs that run this sweep's tasks, as {@link JvmKernels#describe} names them,
   * distinct and sorted: one short job of one task per default-parallelism slot.
   */
  public List<String> kernels() {
    int slots = Math.max(1, sc.defaultParallelism());
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < slots; i++) {
      ids.add(i);
    }
    // at most one name per slot: made distinct on the driver, without a shuffle
    String[] names = (String[]) sc.sc().runJob(sc.parallelize(ids, slots).rdd(), new DescribeJvm(),
        ClassTag$.MODULE$.apply(String.class));
    return List.copyOf(new java.util.TreeSet<>(List.of(names)));
  }

  /** The trained blocks together with blocks committed by an earlier run (on --resume), as one RDD. */
  public JavaRDD<byte[]> withCommitted(JavaRDD<byte[]> trained, List<byte[]> committed) {
    if (committed.isEmpty()) {
      return trained;
    }
    return trained.union(sc.parallelize(committed, committed.size()));
  }

  /**
   * The reports' aggregation, in Spark: each task decodes its blocks and folds the results into the cells of the
   * sweep (map-side), cells with the same key are merged across tasks ({@code reduceByKey}), and each dataset's
   * cells become its {@link DatasetReport} in one task ({@code groupByKey} on the dataset). Only those reports
   * (tables, headlines and the ids of the networks the charts draw) come to the driver.
   */
  public List<DatasetReport> aggregate(JavaRDD<byte[]> blocks, List<HiddenRule> rules) {
    return aggregate(blocks, rules, false).reports();
  }

  /**
   * The reports and, with {@code scores}, every cell's score and best network ({@link CellScore}, for the saved
   * models): what {@link #aggregate(JavaRDD, List)} gives, from the same cells.
   */
  public Aggregate aggregate(JavaRDD<byte[]> blocks, List<HiddenRule> rules, boolean scores) {
    int partitions = Math.max(1, sc.defaultParallelism());
    List<HiddenRule> hiddenRules = List.copyOf(rules);
    List<Tuple2<DatasetReport, List<CellScore>>> perDataset = blocks
        .mapPartitionsToPair(new FoldCells(grid, problems))
        .reduceByKey(CellStats::merge, partitions)
        .values()
        .keyBy(CellStats::datasetIndex)
        .groupByKey(partitions)
        .map(dataset -> {
          List<CellStats> cells = toList(dataset._2());
          List<CellScore> ranked = scores ? cells.stream().map(CellScore::of).toList() : List.of();
          return new Tuple2<>(DatasetReport.of(cells, hiddenRules), ranked);
        })
        .collect();
    List<DatasetReport> reports = new ArrayList<>();
    List<CellScore> cellScores = new ArrayList<>();
    perDataset.forEach(t -> {
      reports.add(t._1());
      cellScores.addAll(t._2());
    });
    reports.sort(Comparator.comparingInt(DatasetReport::datasetIndex));
    return new Aggregate(reports, cellScores);
  }

  /** The reports' statistics per dataset and, when asked for, every cell's compact score. */
  public record Aggregate(List<DatasetReport> reports, List<CellScore> scores) {}

  /**
   * Writes the per-network tables of {@code blocks} as Parquet datasets under {@code folder} (a URI), in the tasks,
   * with Spark's Parquet writer and output commit protocol; returns the table folders written ({@code results/},
   * ...).
   */
  public List<String> writeParquet(JavaRDD<byte[]> blocks, String folder, Study study) {
    return ParquetTables.write(blocks, folder, grid, problems, study);
  }

  /** The results of the networks {@code ids} among {@code blocks} (the few the charts and console show). */
  public List<TrainingResult> results(JavaRDD<byte[]> blocks, java.util.Set<Long> ids) {
    return ParquetTables.collect(blocks, ids, grid, problems);
  }

  /**
   * The networks {@code ids} trained again, with their final weights: one small job, each task running the sweep's
   * own training step ({@link RangeTrainer}) on the one-network range, so the kernel and, for a matrix-product
   * group, the group's members are those of the sweep, and the numbers are the sweep's, bit for bit.
   */
  public List<TrainingResult> retrain(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<byte[]> blocks = sc.parallelize(ids, Math.min(ids.size(), Math.max(1, sc.defaultParallelism())))
        .map(new TrainOne(grid, problems)).collect();
    List<TrainingResult> results = new ArrayList<>();
    blocks.forEach(b -> results.addAll(ResultCodec.decode(b, grid.value(), problems.value())));
    results.sort(Comparator.comparingLong(r -> r.spec().id()));
    return results;
  }

  /** Executor side of {@link #retrain}: one network's range trained with its weights kept. */
  private static final class TrainOne implements org.apache.spark.api.java.function.Function<Long, byte[]> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<Grid> grid;
    private final Broadcast<List<Problem>> problems;

    TrainOne(Broadcast<Grid> grid, Broadcast<List<Problem>> problems) {
      this.grid = grid;
      this.problems = problems;
    }

    @Override
    public byte[] call(Long id) {
      return new RangeTrainer(grid.value(), problems.value(), true).train(new IdRange(id, id + 1));
    }
  }

  /** No blocks (a run whose networks were all committed before). */
  public JavaRDD<byte[]> none() {
    return sc.emptyRDD();
  }

  private static <T> List<T> toList(Iterable<T> values) {
    List<T> list = new ArrayList<>();
    values.forEach(list::add);
    return list;
  }

  /**
   * Executor side: trains the partition's id range into one encoded block. A named Scala function, handed to
   * {@code RDD.mapPartitions} as it is, so that Spark's closure cleaner passes it by ({@code JavaRDD.mapPartitions}
   * would wrap it in a lambda of its own, whose class files the cleaner reads and walks with ASM at every job).
   */
  private static final class TrainRanges extends scala.runtime.AbstractFunction1<scala.collection.Iterator<IdRange>,
      scala.collection.Iterator<byte[]>> implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Broadcast<Grid> grid;
    private final Broadcast<List<Problem>> problems;
    private final boolean weights;
    private final long warmupMillis;
    private final int toEpochs;

    TrainRanges(Broadcast<Grid> grid, Broadcast<List<Problem>> problems, boolean weights, long warmupMillis,
        int toEpochs) {
      this.grid = grid;
      this.problems = problems;
      this.weights = weights;
      this.warmupMillis = warmupMillis;
      this.toEpochs = toEpochs;
    }

    @Override
    public scala.collection.Iterator<byte[]> apply(scala.collection.Iterator<IdRange> it) {
      IdRange range = it.next();
      if (it.hasNext()) {
        throw new IllegalStateException("a partition must hold exactly one id range");
      }
      // once per executor JVM (in local mode the driver did it while Spark started)
      Warmup.once(grid.value(), problems.value(), warmupMillis);
      byte[] block = new RangeTrainer(grid.value(), problems.value(), weights).train(range, toEpochs);
      return scala.jdk.javaapi.CollectionConverters.asScala(List.of(block).iterator());
    }
  }

  /** Executor side of {@link #kernels}: this JVM's BLAS and sigmoid (a named function: see {@link OnlyBlock}). */
  private static final class DescribeJvm extends scala.runtime.AbstractFunction2<TaskContext,
      scala.collection.Iterator<Integer>, String> implements Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public String apply(TaskContext context, scala.collection.Iterator<Integer> it) {
      return JvmKernels.describe();
    }
  }

  /**
   * Executor side of the training job: the partition's one block, sent to the driver's result handler. A named
   * function of the task's context and partition, so that Spark's closure cleaner passes it by (for a function of the
   * partition alone, {@code SparkContext.runJob} makes a lambda of its own and the cleaner reads and walks its class
   * files with ASM at the job's start, on the cores the first tasks start on).
   */
  private static final class OnlyBlock extends scala.runtime.AbstractFunction2<TaskContext,
      scala.collection.Iterator<byte[]>, byte[]> implements Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public byte[] apply(TaskContext context, scala.collection.Iterator<byte[]> it) {
      return it.next();
    }
  }

  /** Executor side of the aggregation: the partition's results folded into cells (the map-side combine). */
  private static final class FoldCells implements PairFlatMapFunction<Iterator<byte[]>, Cell, CellStats> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<Grid> grid;
    private final Broadcast<List<Problem>> problems;

    FoldCells(Broadcast<Grid> grid, Broadcast<List<Problem>> problems) {
      this.grid = grid;
      this.problems = problems;
    }

    @Override
    public Iterator<Tuple2<Cell, CellStats>> call(Iterator<byte[]> blocks) {
      Map<Cell, CellStats> cells = new HashMap<>();
      while (blocks.hasNext()) {
        for (TrainingResult r : ResultCodec.decode(blocks.next(), grid.value(), problems.value())) {
          Aggregation.fold(cells, r);
        }
      }
      return cells.entrySet().stream().map(e -> new Tuple2<>(e.getKey(), e.getValue())).iterator();
    }
  }
}
