package nnsweep.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import nnsweep.grid.Grid;
import nnsweep.grid.NetworkSpec;
import nnsweep.nn.LockstepTrainer;

/**
 * Warms the JIT up on a study's own shapes before its networks are trained, once per JVM.
 *
 * <p>Why: HotSpot's C2 compiles the kernels for the branches it has seen taken. A JVM that trains the grid in id
 * order sees one shape at a time (no hidden layer, then 1, 2, ... hidden units, bias off, then on), so it compiles the
 * kernels for the first shape, and deoptimises and recompiles them each time the grid moves on to a shape that takes
 * another branch: measured on the 500-network tutorial grid, about 2 s of a 7 s training stage on 2 cores, paid again
 * by every fresh JVM. Training every shape of the grid briefly, in rotation, with full and partial lockstep groups and
 * single networks, gives the first compilation a profile with every path in it. The results are thrown away; the
 * networks of the study are trained afterwards exactly as they would be without it.
 */
public final class Warmup {
  /** Epochs per warm-up training: long enough for the epoch loops to count, short enough to rotate quickly. */
  static final int EPOCHS = 32;
  /** Lockstep group sizes the rotation uses: a full group, a partial one, and one network alone (FusedTrainer). */
  private static final int[] GROUP_SIZES = {LockstepTrainer.DEFAULT_LANES, 7, 1};
  private static final AtomicBoolean STARTED = new AtomicBoolean();
  private static final CountDownLatch DONE = new CountDownLatch(1);

  private Warmup() {}

  /**
   * Warms up for about {@code budgetMillis} on this thread unless this JVM has warmed up already; if another thread
   * is warming up, waits for it to finish (so that task does not compile the kernels for its own shape alone).
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
   * Trains the grid's shapes in rotation, each for {@link #EPOCHS} epochs in each group size: one full rotation, then
   * more until {@code budgetMillis} have passed. Returns the number of groups trained.
   */
  static int run(Grid grid, List<Problem> problems, long budgetMillis) {
    List<List<NetworkSpec>> groups = new ArrayList<>();
    for (NetworkSpec shape : grid.shapes()) {
      NetworkSpec spec = shape.withEpochs(Math.min(EPOCHS, shape.epochs()));
      for (int size : GROUP_SIZES) {
        groups.add(Collections.nCopies(size, spec));
      }
    }
    NetworkRun.Prepared[] prepared = new NetworkRun.Prepared[problems.size()];
    long deadline = System.nanoTime() + budgetMillis * 1_000_000L;
    int trained = 0;
    while (trained < groups.size() || System.nanoTime() < deadline) {
      List<NetworkSpec> group = groups.get(trained % groups.size());
      int d = group.get(0).datasetIndex();
      if (prepared[d] == null) {
        prepared[d] = NetworkRun.prepare(problems.get(d));
      }
      NetworkRun.trainGroup(group, prepared[d], grid.curvePoints(), grid.stopError(), false);
      trained++;
    }
    return trained;
  }
}
