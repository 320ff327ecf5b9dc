package nnsweep.run;

import java.util.ArrayList;
import java.util.List;
import nnsweep.grid.Grid;
import nnsweep.grid.IdRange;
import nnsweep.grid.NetworkSpec;
import nnsweep.nn.Kernel;
import nnsweep.nn.LockstepTrainer;

/**
 * What one task does: decodes a range of network ids from the grid, trains them (consecutive networks of one shape
 * together, in lockstep) and encodes the results as one {@link ResultCodec} block. No Spark here: the Spark task and
 * the benchmarks' plain-thread baseline run exactly this.
 */
public final class RangeTrainer {
  /** Most networks trained together in lockstep: ranges cut at multiples of it keep every group whole. */
  public static final int GROUP_SIZE = LockstepTrainer.DEFAULT_LANES;
  private final Grid grid;
  private final boolean weights;
  private final int maxEpochs;
  private final PreparedProblems prepared;

  /** A trainer for ranges of {@code grid}; {@code weights} keeps each network's final weights in the block. */
  public RangeTrainer(Grid grid, List<Problem> problems, boolean weights) {
    this(grid, problems, weights, Integer.MAX_VALUE);
  }

  /** As {@link #RangeTrainer(Grid, List, boolean)}, training each network for at most {@code maxEpochs} epochs. */
  public RangeTrainer(Grid grid, List<Problem> problems, boolean weights, int maxEpochs) {
    if (maxEpochs < 1) {
      throw new IllegalArgumentException("maxEpochs must be >= 1, found " + maxEpochs);
    }
    this.grid = grid;
    this.weights = weights;
    this.maxEpochs = maxEpochs;
    this.prepared = new PreparedProblems(problems);
  }

  /**
   * Trains the networks of {@code range} into one encoded block (decode with {@link ResultCodec#decode}).
   * Consecutive networks of one shape are trained together: lockstep networks in runs of up to {@link #GROUP_SIZE}
   * from the range's start (their numbers do not depend on the run), matrix-product networks in their grid groups
   * ({@link Grid#groupStart}), trained whole even where the range cuts one, so that a network's numbers never depend
   * on how the ids were cut into tasks.
   */
  public byte[] train(IdRange range) {
    ResultCodec.Writer out = new ResultCodec.Writer(range.from(), weights, (int) range.size());
    for (long id = range.from(); id < range.to(); ) {
      Kernel kernel = grid.kernel(id);
      boolean products = kernel == Kernel.GEMM;
      long from = products ? grid.groupStart(id) : id;
      long to = products ? grid.groupEnd(id) : Math.min(range.to(), Math.min(grid.shapeRunEnd(id), id + GROUP_SIZE));
      List<NetworkSpec> group = new ArrayList<>((int) (to - from));
      for (long g = from; g < to; g++) {
        NetworkSpec spec = grid.spec(g);
        group.add(spec.epochs() > maxEpochs ? spec.withEpochs(maxEpochs) : spec);
      }
      for (TrainingResult r : NetworkRun.trainGroup(kernel, group, prepared.of(group.get(0)),
          grid.curvePoints(), grid.stopError(), weights, grid.earlyStopping())) {
        if (range.contains(r.spec().id())) {
          // every network records its curve (its plateau label reads it); only the kept ones travel on
          out.add(grid.curvePoints(r.spec()) == 0 ? r.withoutCurve() : r);
        }
      }
      id = Math.min(to, range.to());
    }
    return out.toBytes();
  }
}
