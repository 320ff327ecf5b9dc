package nnsweep.run;

import java.util.ArrayList;
import java.util.List;
import nnsweep.grid.Grid;
import nnsweep.grid.IdRange;
import nnsweep.grid.NetworkSpec;
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
  private final List<Problem> problems;
  private final boolean weights;
  private final int maxEpochs;
  private final NetworkRun.Prepared[] prepared;
  private final java.util.Map<Long, NetworkRun.Prepared> folds = new java.util.HashMap<>();

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
    this.problems = problems;
    this.weights = weights;
    this.maxEpochs = maxEpochs;
    this.prepared = new NetworkRun.Prepared[problems.size()];
  }

  /** Trains the networks of {@code range} into one encoded block (decode with {@link ResultCodec#decode}). */
  public byte[] train(IdRange range) {
    ResultCodec.Writer out = new ResultCodec.Writer(range.from(), weights, (int) range.size());
    // consecutive ids mostly share a shape (seed and init vary fastest): train those together, in lockstep
    List<NetworkSpec> group = new ArrayList<>(GROUP_SIZE);
    for (long id = range.from(); id <= range.to(); id++) {
      NetworkSpec spec = id < range.to() ? grid.spec(id) : null;
      if (spec != null && spec.epochs() > maxEpochs) {
        spec = spec.withEpochs(maxEpochs);
      }
      if (!group.isEmpty() && (spec == null || group.size() == GROUP_SIZE
          || !NetworkRun.sameShape(group.get(0), spec))) {
        for (TrainingResult r : NetworkRun.trainGroup(group, prepared(group.get(0)),
            grid.curvePoints(), grid.stopError(), weights)) {
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

  /** Each dataset (or cross-validation fold) is prepared once per trainer, when its first network needs it. */
  private NetworkRun.Prepared prepared(NetworkSpec spec) {
    int dataset = spec.datasetIndex();
    if (spec.fold() >= 0) {
      return folds.computeIfAbsent(((long) dataset << 32) | spec.fold(),
          k -> NetworkRun.prepare(problems.get(dataset).forFold(spec.fold())));
    }
    if (prepared[dataset] == null) {
      prepared[dataset] = NetworkRun.prepare(problems.get(dataset));
    }
    return prepared[dataset];
  }
}
