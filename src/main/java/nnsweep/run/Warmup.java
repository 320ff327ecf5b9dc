package nnsweep.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import nnsweep.grid.Grid;
import nnsweep.grid.IdRange;
import nnsweep.grid.NetworkSpec;
import nnsweep.nn.Kernel;
import nnsweep.nn.Matrices;
import nnsweep.nn.TrainingData;

/**
 * Warms the JIT up on a study's own shapes before its networks are trained, once per JVM.
 *
 * <p>Why: HotSpot's C2 compiles the kernels for the branches it has seen taken. A JVM that trains the grid in id
 * order sees one shape at a time (no hidden layer, then 1, 2, ... hidden units, bias off, then on), so it compiles the
 * kernels for the first shape, and deoptimises and recompiles them each time the grid moves on to a shape that takes
 * another branch: measured on the 500-network tutorial grid, about 2 s of a 7 s training stage on 2 cores, paid again
 * by every fresh JVM. Training the grid's own groups of every shape briefly, in rotation, gives the first compilation
 * a profile with every path in it. The results are thrown away; the networks of the study are trained afterwards
 * exactly as they would be without it.
 */
public final class Warmup {
  /** Fewest epochs per warm-up training. */
  static final int EPOCHS = 32;
  /**
   * Epochs a rotation trains in all, shared among its groups: enough that the methods called once an epoch reach
   * C2's compile thresholds (about 15,000 calls) within a few rotations; with only a few epochs they would still run
   * in C1's profiling code when the rotations look steady, and be compiled in the middle of the sweep.
   */
  static final int ROTATION_EPOCHS = 6_000;
  /**
   * Most estimated cost of a rotation, in {@link Grid#cost} units: about a quarter of a second of one core, so that a
   * study of large shapes (where a few epochs of a matrix-product group are already work) still rotates several
   * times within the budget, and its warm-up stays a small part of its training.
   */
  static final double ROTATION_COST = 0.25 * Kernel.LOCKSTEP_UNITS_PER_SECOND;
  /** Fewest epochs per warm-up training when the rotation's cost caps them. */
  static final int MIN_EPOCHS = 2;
  /**
   * Rows of a matrix-product group's drill (see {@link #run}): few enough that its epoch costs microseconds whatever
   * the dataset's size.
   */
  static final int DRILL_ROWS = 8;
  /**
   * Epochs of a matrix-product group's drill per rotation: a few rotations reach C2's invocation thresholds (about
   * 5,000 calls, more while the compile queue is long, as it is while Spark starts) for the methods the kernel calls
   * once an epoch.
   */
  static final int DRILL_EPOCHS = 3_000;
  /** Rotations in a row within 15% of the fastest that count as compiled. */
  static final int STEADY = 5;
  private static final AtomicBoolean STARTED = new AtomicBoolean();
  private static final CountDownLatch DONE = new CountDownLatch(1);

  private Warmup() {}

  /**
   * Warms up on this thread (until the kernels run at a steady speed, at most {@code budgetMillis}; see {@link #run})
   * unless this JVM has warmed up already; if another thread is warming up, waits for it to finish (so that task does
   * not compile the kernels for its own shape alone).
   *
   * @return whether this call did the warm-up
   */
  public static boolean once(Grid grid, List<Problem> problems, long budgetMillis) {
    if (budgetMillis <= 0) {
      return false;
    }
    if (!STARTED.compareAndSet(false, true)) {
      awaitDone();
      return false;
    }
    try {
      run(grid, problems, budgetMillis);
    } finally {
      DONE.countDown();
    }
    return true;
  }

  /** Waits until the warm-up started by {@link #once} or {@link #inBackground} (if any) has finished. */
  public static void awaitDone() {
    if (!STARTED.get()) {
      return;
    }
    try {
      DONE.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** As {@link #once}, on a daemon thread, e.g. while Spark starts up; returns that thread. */
  public static Thread inBackground(Grid grid, List<Problem> problems, long budgetMillis) {
    Thread t = new Thread(() -> once(grid, problems, budgetMillis), "nnsweep-warmup");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /**
   * Trains the grid's own lockstep groups in rotation, each for {@link #epochs} epochs: for every shape, its
   * first group and, when it is smaller, its last (as {@link RangeTrainer} forms them). Rotations go on until the
   * kernels are compiled, seen as {@link #STEADY} rotations in a row within 15% of the fastest so far (the JIT
   * compiles them in the background, later when Spark's own start-up fills its queue), or until
   * {@code budgetMillis} have passed; at least one rotation. Returns the number of rotations.
   *
   * <p>A matrix-product group also runs its drill: the same networks on the dataset's first {@link #DRILL_ROWS} rows
   * for {@link #DRILL_EPOCHS} epochs. Its group on the full data trains only a few epochs within a rotation's cost,
   * so the methods the kernel calls once an epoch (the forward pass, the backward pass, the BLAS binding's checks)
   * stayed below C2's thresholds, and the speed looked steady while they ran in C1's code: C2 compiled them early in
   * the train stage, where its work took turns with the tasks on the same cores.
   */
  static int run(Grid grid, List<Problem> problems, long budgetMillis) {
    return run(grid, problems, budgetMillis, System::nanoTime);
  }

  /** As {@link #run(Grid, List, long)}, timed by {@code nanoTime} (a test's clock). */
  static int run(Grid grid, List<Problem> problems, long budgetMillis, LongSupplier nanoTime) {
    List<List<NetworkSpec>> groups = groups(grid);
    NetworkRun.Prepared[] prepared = new NetworkRun.Prepared[problems.size()];
    NetworkRun.Prepared[] drill = new NetworkRun.Prepared[problems.size()];
    long deadline = nanoTime.getAsLong() + budgetMillis * 1_000_000L;
    long fastest = Long.MAX_VALUE;
    int steady = 0;
    int rotations = 0;
    do {
      long start = nanoTime.getAsLong();
      for (List<NetworkSpec> group : groups) {
        int d = group.get(0).datasetIndex();
        if (prepared[d] == null) {
          prepared[d] = NetworkRun.prepare(problems.get(d));
        }
        Kernel kernel = grid.kernel(group.get(0).id());
        NetworkRun.train(kernel, group, prepared[d], grid.curvePoints(), grid.stopError(), false);
        if (kernel == Kernel.GEMM) {
          if (drill[d] == null) {
            drill[d] = head(prepared[d], DRILL_ROWS);
          }
          NetworkRun.train(kernel, drill(group, drill[d].data().rows()), drill[d], grid.curvePoints(),
              grid.stopError(), false);
        }
      }
      long took = nanoTime.getAsLong() - start;
      rotations++;
      // steady: neither clearly faster (still compiling) nor clearly slower (a pause) than the fastest so far
      steady = took * 1.15 >= fastest && took <= fastest * 1.15 ? steady + 1 : 0;
      fastest = Math.min(fastest, took);
    } while (steady < STEADY && nanoTime.getAsLong() < deadline);
    return rotations;
  }

  /** The first {@code rows} rows of a prepared problem's training data, as a problem of their own (no test rows). */
  static NetworkRun.Prepared head(NetworkRun.Prepared p, int rows) {
    int n = Math.min(rows, p.data().rows());
    TrainingData head = TrainingData.of(Arrays.copyOf(Matrices.toRows(p.data().x()), n),
        Arrays.copyOf(Matrices.toRows(p.data().t()), n));
    return new NetworkRun.Prepared(p.problem(), head, null, p.truthTable(), p.oneHot());
  }

  /**
   * A matrix-product group's drill on {@code rows} rows ({@link #head}): its networks for {@link #DRILL_EPOCHS}
   * epochs, fewer when those would cost more than {@link #ROTATION_COST} (a shape so wide that even 8 rows make its
   * epoch long, where the methods called once an epoch are a small part of it), at least {@link #MIN_EPOCHS}.
   */
  static List<NetworkSpec> drill(List<NetworkSpec> group, int rows) {
    double perEpoch = group.size() * Kernel.GEMM.costUnits(group.get(0).shape(), rows);
    int epochs = (int) Math.min(DRILL_EPOCHS, Math.max(MIN_EPOCHS, Math.floor(ROTATION_COST / perEpoch)));
    List<NetworkSpec> specs = new ArrayList<>(group.size());
    for (NetworkSpec spec : group) {
      specs.add(spec.withEpochs(epochs));
    }
    return specs;
  }

  /** The groups a rotation trains, in order. */
  static List<List<NetworkSpec>> groups(Grid grid) {
    List<IdRange> ranges = ranges(grid);
    int epochs = epochs(grid, ranges);
    List<List<NetworkSpec>> groups = new ArrayList<>(ranges.size());
    for (IdRange r : ranges) {
      List<NetworkSpec> group = new ArrayList<>((int) r.size());
      for (long id = r.from(); id < r.to(); id++) {
        NetworkSpec spec = grid.spec(id);
        group.add(spec.withEpochs(Math.min(epochs, spec.epochs())));
      }
      groups.add(group);
    }
    return groups;
  }

  /**
   * The id ranges of the groups a rotation trains, in id order: for every lockstep shape, its first group and, when
   * it is smaller, its last (as {@link RangeTrainer} forms them); for matrix products, the first group of the
   * cheapest shape of each model and bias setting. Train them for {@link #epochs(Grid, List)} epochs.
   */
  public static List<IdRange> ranges(Grid grid) {
    List<IdRange> ranges = new ArrayList<>();
    // matrix-product shapes share their kernel's code, whatever their size: the cheapest group of each model and
    // bias setting exercises it, where a group of every shape could cost more than the study's training
    Map<String, Long> cheapest = new LinkedHashMap<>();
    for (NetworkSpec shape : grid.shapes()) {
      long runEnd = grid.shapeRunEnd(shape.id());
      if (grid.kernel(shape.id()) == Kernel.GEMM) {
        cheapest.merge(shape.model() + "/" + shape.bias(), shape.id(),
            (a, b) -> groupCost(grid, b) < groupCost(grid, a) ? b : a);
        continue;
      }
      ranges.add(new IdRange(shape.id(), Math.min(runEnd, shape.id() + RangeTrainer.GROUP_SIZE)));
      long lastSize = (runEnd - shape.id()) % RangeTrainer.GROUP_SIZE;
      if (lastSize > 0 && runEnd - shape.id() > RangeTrainer.GROUP_SIZE) {
        ranges.add(new IdRange(runEnd - lastSize, runEnd));
      }
    }
    for (long id : cheapest.values()) {
      ranges.add(new IdRange(id, grid.groupEnd(id)));
    }
    ranges.sort(Comparator.comparingLong(IdRange::from));
    return ranges;
  }

  /** Estimated cost of one epoch of the group starting at {@code id}. */
  private static double groupCost(Grid grid, long id) {
    return grid.epochCost(id) * (grid.groupEnd(id) - id);
  }

  /** Epochs per group when a rotation has {@code groups} groups: {@link #ROTATION_EPOCHS} shared, at least 32. */
  public static int epochs(int groups) {
    return Math.max(EPOCHS, ROTATION_EPOCHS / Math.max(1, groups));
  }

  /**
   * Epochs per group of a rotation of {@code ranges} (and of the warm-up Spark job): {@link #epochs(int)}, fewer when
   * the rotation would cost more than {@link #ROTATION_COST}, at least {@link #MIN_EPOCHS}.
   */
  public static int epochs(Grid grid, List<IdRange> ranges) {
    double perEpoch = 0;
    for (IdRange r : ranges) {
      for (long id = r.from(); id < r.to(); id++) {
        perEpoch += grid.epochCost(id);
      }
    }
    long byCost = (long) Math.max(MIN_EPOCHS, Math.floor(ROTATION_COST / Math.max(perEpoch, 1e-9)));
    return (int) Math.min(epochs(ranges.size()), byCost);
  }
}
