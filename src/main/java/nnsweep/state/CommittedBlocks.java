package nnsweep.state;

import java.util.List;
import nnsweep.grid.Grid;
import nnsweep.grid.IdRange;
import nnsweep.run.Problem;
import nnsweep.run.TrainingResult;

/**
 * Blocks of results committed in an output folder, one per id range: the run's parts ({@link RunState}, also
 * successive halving's first rung) or a later rung's ({@link RungState}).
 */
public interface CommittedBlocks {
  /** The committed ranges, by first id. */
  List<IdRange> committedRanges();

  /** The committed block of {@code range}, as {@link nnsweep.run.ResultCodec} encoded it. */
  byte[] block(IdRange range);

  /** The committed results of {@code range}, decoded against the run's grid and problems. */
  List<TrainingResult> results(IdRange range, Grid grid, List<Problem> problems);

  /** Commits the block of one finished task, encoded by {@link nnsweep.run.ResultCodec}, durably. */
  void commit(IdRange range, byte[] block);
}
