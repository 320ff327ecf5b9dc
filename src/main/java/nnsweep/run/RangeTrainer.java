package nnsweep.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import nnsweep.grid.Grid;
import nnsweep.grid.IdRange;
import nnsweep.grid.NetworkSpec;
import nnsweep.nn.Kernel;
import nnsweep.nn.LockstepTrainer;
import nnsweep.study.EarlyStopping;

/**
 * The training step of a task, the one the grid and every successive-halving rung run: networks of a range of grid
 * ids in, from their initial weights or on from an earlier rung's results, one {@link ResultCodec} block out. It
 * forms the groups, takes each group's kernel from the grid ({@link Grid#kernel}, chosen once per shape) and trains
 * them ({@link NetworkRun}, or {@link EarlyStopper} when the study asks for early stopping). No Spark here: the
 * Spark tasks, the local halving search and the benchmarks' plain-thread baseline run exactly this.
 *
 * <p>Groups: consecutive networks of one shape that train, lockstep networks in runs of up to {@link #GROUP_SIZE}
 * (their numbers do not depend on the run), matrix-product networks in their grid groups ({@link Grid#groupStart}),
 * every network of the group that has not finished training together, even where the range cuts the group or where
 * only some of them are wanted (the others' results are dropped), so that a network's numbers depend on the grid
 * alone, never on how the ids were cut into tasks or which cells a rung continues.
 *
 * <p>Continuation: full-batch gradient descent is deterministic, so a network trained to e0 and then continued to e1
 * is bit for bit the network trained to e1 in one go: its final error, the error before its last update, accuracy,
 * test metrics, predictions, epochs to target and its curve (recorded at the log-spaced epochs of the whole budget,
 * each step filling the points in its span) are exactly a full grid's. A network that stopped (stop-error reached) or
 * diverged is finished and never continued, as it would have stopped there in a full run too. Its
 * {@code spec().epochs()} is the budget throughout; {@code epochsRun} says how far it got.
 */
public final class RangeTrainer {
  /** Most networks trained together in lockstep: ranges cut at multiples of it keep every group whole. */
  public static final int GROUP_SIZE = LockstepTrainer.DEFAULT_LANES;
  private final Grid grid;
  private final List<Problem> problems;
  private final boolean weights;
  private final PreparedProblems prepared;

  /**
   * A trainer for ranges of {@code grid}; {@code weights} keeps each network's final weights in the block (which a
   * rung that continues it needs).
   */
  public RangeTrainer(Grid grid, List<Problem> problems, boolean weights) {
    this.grid = grid;
    this.problems = problems;
    this.weights = weights;
    this.prepared = new PreparedProblems(problems);
  }

  /** The grid's training of {@code range}: every network from its initial weights for all its epochs. */
  public byte[] train(IdRange range) {
    return train(range, Integer.MAX_VALUE);
  }

  /**
   * As {@link #train(IdRange)}, each network for at most {@code toEpochs} updates: halving's first rung, and the
   * warm-up's short run of the sweep's own code.
   */
  public byte[] train(IdRange range, int toEpochs) {
    if (toEpochs < 1) {
      throw new IllegalArgumentException("toEpochs must be >= 1, found " + toEpochs);
    }
    List<TrainingResult> none = Collections.nCopies((int) range.size(), null);
    return encode(range.from(), none, spec -> true, 0, toEpochs);
  }

  /**
   * A later halving rung: the networks of {@code block} that {@code survives} accepts and that are not finished
   * ({@link #finished}) continue from {@code fromEpochs} to {@code toEpochs}; the others are copied unchanged.
   */
  public byte[] train(byte[] block, Predicate<NetworkSpec> survives, int fromEpochs, int toEpochs) {
    if (!weights) {
      throw new IllegalStateException("continuing a block needs a trainer that keeps the weights");
    }
    long from = ResultCodec.from(block);
    return encode(from, ResultCodec.decode(block, grid, problems), survives, fromEpochs, toEpochs);
  }

  /** A network that will not train again: stopped at its target, diverged, or ended before the rung's epochs. */
  private static boolean finished(TrainingResult r, int rungEpochs) {
    return r.diverged() || r.epochsToTarget() >= 0 || r.epochsRun() < rungEpochs;
  }

  /** The {@link #step} of the block's networks, each result encoded as soon as its group is done. */
  private byte[] encode(long from, List<TrainingResult> previous, Predicate<NetworkSpec> survives, int fromEpochs,
      int toEpochs) {
    ResultCodec.Writer out = new ResultCodec.Writer(from, weights, previous.size());
    step(from, previous, survives, fromEpochs, toEpochs, r ->
        // every network records its curve (its plateau label reads it); only the kept ones travel on
        out.add(grid.curvePoints(r.spec()) == 0 ? r.withoutCurve() : r));
    return out.toBytes();
  }

  /**
   * The step: networks {@code from, from + 1, ...}, where {@code previous} left them (null: at their initial
   * weights, 0 updates), the unfinished ones {@code survives} accepts trained on to {@code toEpochs} (each at most
   * its budget); the rest copied. Results go to {@code sink} in id order, group by group, so that a task holds the
   * results of one group at a time, not of its whole range (a million-network task's range is ~60,000 networks).
   */
  void step(long from, List<TrainingResult> previous, Predicate<NetworkSpec> survives, int fromEpochs,
      int toEpochs, Consumer<TrainingResult> sink) {
    long end = from + previous.size();
    TrainingResult[] out = previous.toArray(TrainingResult[]::new);
    int done = 0; // out[0, done) went to the sink
    for (long id = from; id < end; ) {
      if (grid.kernel(id) == Kernel.GEMM) {
        // a matrix-product group's numbers depend on its members: every unfinished network of the grid's group
        // trains, as a full grid trains them, wanted or not (a rung continues only the networks its block holds:
        // blocks hold whole groups, as tasks are cut at group boundaries)
        long groupEnd = grid.groupEnd(id);
        List<Long> members = new ArrayList<>();
        boolean wanted = false;
        for (long g = grid.groupStart(id); g < groupEnd; g++) {
          boolean inBlock = g >= from && g < end;
          TrainingResult before = inBlock ? previous.get((int) (g - from)) : null;
          if (inBlock ? before == null || !finished(before, fromEpochs) : fromEpochs == 0) {
            members.add(g);
            wanted |= inBlock && wants(before, survives, fromEpochs);
          }
        }
        if (wanted) {
          trainGroup(Kernel.GEMM, members, from, previous, survives, fromEpochs, toEpochs, out);
        }
        id = Math.min(groupEnd, end);
        done = drain(out, done, (int) (id - from), sink);
        continue;
      }
      long runEnd = Math.min(end, grid.shapeRunEnd(id));
      List<Long> group = new ArrayList<>(GROUP_SIZE);
      for (long g = id; g < runEnd; g++) {
        if (wants(previous.get((int) (g - from)), survives, fromEpochs)) {
          group.add(g);
          if (group.size() == GROUP_SIZE) {
            trainGroup(Kernel.LOCKSTEP, group, from, previous, survives, fromEpochs, toEpochs, out);
            group.clear();
            done = drain(out, done, (int) (g + 1 - from), sink);
          }
        }
      }
      if (!group.isEmpty()) {
        trainGroup(Kernel.LOCKSTEP, group, from, previous, survives, fromEpochs, toEpochs, out);
      }
      id = runEnd;
      done = drain(out, done, (int) (id - from), sink);
    }
  }

  /** Hands {@code out[done, upTo)} (final: no later group holds them) to the sink and lets them go. */
  private static int drain(TrainingResult[] out, int done, int upTo, Consumer<TrainingResult> sink) {
    for (int i = done; i < upTo; i++) {
      sink.accept(out[i]);
      out[i] = null;
    }
    return Math.max(done, upTo);
  }

  /** Whether a network of the block trains in this step. */
  private static boolean wants(TrainingResult before, Predicate<NetworkSpec> survives, int fromEpochs) {
    return before == null || !finished(before, fromEpochs) && survives.test(before.spec());
  }

  /** Trains one group and puts the results of the block's wanted networks into {@code out}. */
  private void trainGroup(Kernel kernel, List<Long> ids, long from, List<TrainingResult> previous,
      Predicate<NetworkSpec> survives, int fromEpochs, int toEpochs, TrainingResult[] out) {
    List<Progress> group = new ArrayList<>(ids.size());
    for (long id : ids) {
      TrainingResult before = id >= from && id < from + previous.size() ? previous.get((int) (id - from)) : null;
      group.add(before == null ? Progress.start(grid.spec(id), grid.curvePoints()) : Progress.of(before));
    }
    NetworkRun.Prepared p = prepared.of(group.get(0).spec);
    EarlyStopping earlyStopping = grid.earlyStopping();
    List<TrainingResult> results = null;
    if (earlyStopping != null) {
      if (fromEpochs > 0) {
        throw new IllegalStateException("early stopping trains networks from their initial weights only");
      }
      results = new EarlyStopper(earlyStopping, kernel, p, grid.stopError())
          .train(group.stream().map(g -> g.spec).toList(), grid.curvePoints(), weights);
    } else {
      NetworkRun.advance(kernel, group, p.data(), toEpochs, grid.stopError());
    }
    for (int g = 0; g < ids.size(); g++) {
      long id = ids.get(g);
      int i = (int) (id - from);
      if (id >= from && i < out.length && wants(previous.get(i), survives, fromEpochs)) {
        out[i] = results != null ? results.get(g) : NetworkRun.result(group.get(g), p, weights);
      }
    }
  }
}
