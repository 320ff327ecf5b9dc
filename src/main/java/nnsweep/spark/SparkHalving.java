package nnsweep.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import nnsweep.grid.Cell;
import nnsweep.grid.Grid;
import nnsweep.grid.IdRange;
import nnsweep.grid.NetworkSpec;
import nnsweep.run.Problem;
import nnsweep.run.ResultCodec;
import nnsweep.run.RangeTrainer;
import nnsweep.run.Warmup;
import nnsweep.search.CellScore;
import nnsweep.search.Halving;
import nnsweep.search.Ladder;
import nnsweep.search.Rungs;
import nnsweep.stats.CellStats;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Function2;
import scala.Tuple2;
import scala.reflect.ClassTag$;
import scala.runtime.BoxedUnit;

/**
 * Successive halving on Spark. The first rung trains every network of each id range to the first rung's epochs (one
 * task per range); each later rung maps the previous rung's blocks, which stay on the executors with the networks'
 * weights, continuing the surviving cells' networks and copying the rest, so partition i of every rung holds the
 * same ids. After each rung a small job folds the blocks into cell scores ({@code reduceByKey}) and the driver picks
 * the survivors ({@link Ladder}). Each rung's blocks are handed to the driver as their tasks finish, to be committed
 * for {@code --resume}; a block already committed for a rung is not trained again.
 */
public final class SparkHalving {
  private final JavaSparkContext sc;
  private final Broadcast<Grid> grid;
  private final Broadcast<List<Problem>> problems;
  private final long warmupMillis;
  private final StorageLevel cache;

  /** Called on the driver as each task of rung {@code rung} succeeds, with its block. */
  @FunctionalInterface
  public interface RungDone {
    void accept(int rung, IdRange range, byte[] block);
  }

  /** Successive halving over the sweep's grid and datasets, with the broadcasts and cache level it already has. */
  public SparkHalving(SparkSweep sweep) {
    this.sc = sweep.sc;
    this.grid = sweep.grid;
    this.problems = sweep.problems;
    this.warmupMillis = sweep.warmupMillis;
    this.cache = sweep.cache;
  }

  /** The range a block covers. */
  public static IdRange range(byte[] block) {
    long from = ResultCodec.from(block);
    return new IdRange(from, from + ResultCodec.count(block));
  }

  /**
   * Runs every rung. {@code todo} are the first rung's ranges to train, {@code committed.get(k)} the blocks already
   * committed for rung k (by an interrupted run; none: empty lists). Returns the last rung's blocks, persisted (every
   * network's final state, for the aggregation) and the ladder.
   */
  public Result run(Rungs rungs, List<IdRange> todo, List<List<byte[]>> committed, RungDone done) {
    Ladder ladder = new Ladder(rungs);
    JavaRDD<byte[]> trained = sc.parallelize(todo, Math.max(1, todo.size()))
        .mapPartitions(new FirstRung(grid, problems, warmupMillis, rungs.epochs(0)))
        .persist(cache);
    commitEach(trained, 0, done);
    JavaRDD<byte[]> blocks = withCommitted(trained, committed.get(0));
    ladder.record(scores(blocks, null));
    for (int k = 1; k < rungs.count(); k++) {
      Set<IdRange> already = new java.util.HashSet<>();
      committed.get(k).forEach(b -> already.add(range(b)));
      Broadcast<Set<IdRange>> skip = sc.broadcast(already);
      Broadcast<Set<Cell>> survivors = sc.broadcast(ladder.candidates());
      JavaRDD<byte[]> next = blocks
          .filter(new NotIn(skip))
          .map(new NextRung(grid, problems, survivors, rungs.startEpochs(k), rungs.epochs(k)))
          .persist(cache);
      commitEach(next, k, done);
      JavaRDD<byte[]> all = withCommitted(next, committed.get(k));
      ladder.record(scores(all, ladder.candidates()));
      blocks.unpersist(false);
      blocks = all;
    }
    return new Result(blocks, ladder);
  }

  /** The last rung's blocks and the ladder. */
  public record Result(JavaRDD<byte[]> blocks, Ladder ladder) {}

  private JavaRDD<byte[]> withCommitted(JavaRDD<byte[]> trained, List<byte[]> committed) {
    return committed.isEmpty() ? trained : trained.union(sc.parallelize(committed, committed.size()));
  }

  private void commitEach(JavaRDD<byte[]> blocks, int rung, RungDone done) {
    Function2<Object, byte[][], BoxedUnit> handler = (partition, results) -> {
      for (byte[] b : results) {
        done.accept(rung, range(b), b);
      }
      return BoxedUnit.UNIT;
    };
    sc.sc().runJob(blocks.rdd(), new AllBlocks(), handler, ClassTag$.MODULE$.apply(byte[][].class));
  }

  private List<CellScore> scores(JavaRDD<byte[]> blocks, Set<Cell> candidates) {
    Broadcast<Set<Cell>> keep = sc.broadcast(candidates == null ? null : Set.copyOf(candidates));
    return new ArrayList<>(blocks.mapPartitionsToPair(new FoldCells(grid, problems, keep))
        .reduceByKey(CellStats::merge, Math.max(1, sc.defaultParallelism()))
        .values()
        .map(CellScore::of)
        .collect());
  }

  /** Executor side of the first rung: one range from initial weights. */
  private static final class FirstRung implements FlatMapFunction<Iterator<IdRange>, byte[]> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<Grid> grid;
    private final Broadcast<List<Problem>> problems;
    private final long warmupMillis;
    private final int epochs;

    FirstRung(Broadcast<Grid> grid, Broadcast<List<Problem>> problems, long warmupMillis, int epochs) {
      this.grid = grid;
      this.problems = problems;
      this.warmupMillis = warmupMillis;
      this.epochs = epochs;
    }

    @Override
    public Iterator<byte[]> call(Iterator<IdRange> it) {
      if (!it.hasNext()) {
        return java.util.Collections.emptyIterator();
      }
      IdRange range = it.next();
      Warmup.once(grid.value(), problems.value(), warmupMillis);
      return List.of(new RangeTrainer(grid.value(), problems.value(), true).train(range, epochs)).iterator();
    }
  }

  /** Executor side of a later rung: one block, its survivors continued. */
  private static final class NextRung implements Function<byte[], byte[]> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<Grid> grid;
    private final Broadcast<List<Problem>> problems;
    private final Broadcast<Set<Cell>> survivors;
    private final int from;
    private final int to;

    NextRung(Broadcast<Grid> grid, Broadcast<List<Problem>> problems, Broadcast<Set<Cell>> survivors,
        int from, int to) {
      this.grid = grid;
      this.problems = problems;
      this.survivors = survivors;
      this.from = from;
      this.to = to;
    }

    @Override
    public byte[] call(byte[] block) {
      Predicate<NetworkSpec> survives = Halving.survivors(survivors.value());
      return new RangeTrainer(grid.value(), problems.value(), true).train(block, survives, from, to);
    }
  }

  /** Blocks whose range is not in the set (those already committed for the rung). */
  private static final class NotIn implements Function<byte[], Boolean> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<Set<IdRange>> ranges;

    NotIn(Broadcast<Set<IdRange>> ranges) {
      this.ranges = ranges;
    }

    @Override
    public Boolean call(byte[] block) {
      return !ranges.value().contains(range(block));
    }
  }

  /** A partition's blocks (none, after a filter, or one), sent to the driver's handler. */
  private static final class AllBlocks extends scala.runtime.AbstractFunction1<scala.collection.Iterator<byte[]>,
      byte[][]> implements Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public byte[][] apply(scala.collection.Iterator<byte[]> it) {
      List<byte[]> all = new ArrayList<>();
      while (it.hasNext()) {
        all.add(it.next());
      }
      return all.toArray(byte[][]::new);
    }
  }

  /** Executor side of the scores: a partition's networks folded into their cells. */
  private static final class FoldCells implements PairFlatMapFunction<Iterator<byte[]>, Cell, CellStats> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<Grid> grid;
    private final Broadcast<List<Problem>> problems;
    private final Broadcast<Set<Cell>> candidates;

    FoldCells(Broadcast<Grid> grid, Broadcast<List<Problem>> problems,
        Broadcast<Set<Cell>> candidates) {
      this.grid = grid;
      this.problems = problems;
      this.candidates = candidates;
    }

    @Override
    public Iterator<Tuple2<Cell, CellStats>> call(Iterator<byte[]> blocks) {
      Map<Cell, CellStats> cells = new HashMap<>();
      while (blocks.hasNext()) {
        Halving.fold(cells, ResultCodec.decode(blocks.next(), grid.value(), problems.value()),
            candidates.value());
      }
      return cells.entrySet().stream().map(e -> new Tuple2<>(e.getKey(), e.getValue())).iterator();
    }
  }
}
