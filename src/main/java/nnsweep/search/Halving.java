package nnsweep.search;

import java.util.ArrayList;
import java.util.HashMap;
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
import nnsweep.run.TrainingResult;
import nnsweep.stats.Aggregation;
import nnsweep.stats.CellStats;

/**
 * Successive halving's pieces that do not depend on Spark: folding a rung's results into cells, the survivor
 * test the tasks of the next rung apply, and a whole search run in this JVM (the tests' reference; the Spark job,
 * {@code spark/SparkHalving}, runs the same steps distributed).
 */
public final class Halving {
  private Halving() {}

  /** Folds results into their cells (the cells of {@code candidates}, or every cell when null). */
  public static void fold(Map<Cell, CellStats> cells, Iterable<TrainingResult> results, Set<Cell> candidates) {
    for (TrainingResult r : results) {
      if (candidates == null || candidates.contains(Cell.of(r.spec()))) {
        Aggregation.fold(cells, r);
      }
    }
  }

  /** The networks of the candidate cells (a serializable predicate for the tasks). */
  public static Predicate<NetworkSpec> survivors(Set<Cell> candidates) {
    Set<Cell> set = Set.copyOf(candidates);
    return (Predicate<NetworkSpec> & java.io.Serializable) spec -> set.contains(Cell.of(spec));
  }

  /** What a search run gives: the final block of each range (every network's last state) and the ladder. */
  public record Outcome(List<byte[]> blocks, Ladder ladder) {}

  /** Runs every rung in this JVM over {@code ranges} (which must cover the grid). */
  public static Outcome runLocal(Grid grid, List<Problem> problems, Rungs rungs, List<IdRange> ranges) {
    RangeTrainer trainer = new RangeTrainer(grid, problems, true);
    Ladder ladder = new Ladder(rungs);
    List<byte[]> blocks = new ArrayList<>();
    for (IdRange r : ranges) {
      blocks.add(trainer.train(r, rungs.epochs(0)));
    }
    ladder.record(scores(blocks, grid, problems, null));
    for (int k = 1; k < rungs.count(); k++) {
      Predicate<NetworkSpec> survives = survivors(ladder.candidates());
      List<byte[]> next = new ArrayList<>();
      for (byte[] b : blocks) {
        next.add(trainer.train(b, survives, rungs.startEpochs(k), rungs.epochs(k)));
      }
      blocks = next;
      ladder.record(scores(blocks, grid, problems, ladder.candidates()));
    }
    return new Outcome(blocks, ladder);
  }

  private static List<CellScore> scores(List<byte[]> blocks, Grid grid, List<Problem> problems,
      Set<Cell> candidates) {
    Map<Cell, CellStats> cells = new HashMap<>();
    for (byte[] b : blocks) {
      fold(cells, ResultCodec.decode(b, grid, problems), candidates);
    }
    return cells.values().stream().map(CellScore::of).toList();
  }
}
