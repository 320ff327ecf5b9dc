package nnsweep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import nnsweep.grid.Cell;
import nnsweep.grid.NetworkSpec;
import nnsweep.nn.Model;
import nnsweep.nn.TrainingOutcome;
import nnsweep.run.Evaluation;
import nnsweep.run.TrainingResult;
import nnsweep.search.CellScore;
import nnsweep.stats.CellStats;
import nnsweep.study.InitSpec;
import nnsweep.study.Study;
import org.junit.jupiter.api.Test;

/** The winner rule on hand-made scores: best median, ties to the lower first id; in the cell, lowest score. */
class WinnersTest {
  private static TrainingResult result(long id, int dataset, double lr, double error, boolean diverged) {
    NetworkSpec spec = new NetworkSpec(id, "d" + dataset, dataset, Model.HIDDEN, 2, List.of(), 2, 1, true, lr, 10,
        id, new InitSpec.Uniform());
    return new TrainingResult(spec, new TrainingOutcome(error, error, 10, -1, diverged, new double[0]),
        new Evaluation(error, 1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, ""), new int[0], 0, null,
        new double[0][]);
  }

  private static CellStats stats(TrainingResult... rs) {
    CellStats c = new CellStats(rs[0].spec());
    for (TrainingResult r : rs) {
      c.add(r);
    }
    return c;
  }

  private static CellScore cell(TrainingResult... rs) {
    return CellScore.of(stats(rs));
  }

  @Test
  void bestCellByMedianThenFirstIdAndItsLowestNetwork() {
    // dataset 0: cell a (median 0.2) beats cell b (median 0.3, though it holds the lowest single error)
    CellScore a = cell(result(0, 0, 0.1, 0.2, false), result(1, 0, 0.1, 0.15, false), result(2, 0, 0.1, 0.9, false));
    CellScore b = cell(result(3, 0, 0.2, 0.01, false), result(4, 0, 0.2, 0.3, false), result(5, 0, 0.2, 0.4, false));
    // dataset 1: two cells with equal medians: the lower first id wins; inside, equal scores: the lower id
    CellScore c = cell(result(9, 1, 0.1, 0.5, false), result(7, 1, 0.1, 0.5, false), result(8, 1, 0.1, 0.6, true));
    CellScore d = cell(result(6, 1, 0.2, 0.5, false), result(10, 1, 0.2, 0.5, false), result(11, 1, 0.2, 0.1, true));
    assertEquals(List.of(1L, 6L), Winners.pick(List.of(a, b, c, d), null, Study.KeepModels.BEST));
    assertEquals(List.of(1L, 3L, 6L, 7L), Winners.pick(List.of(a, b, c, d), null, Study.KeepModels.CELLS));
    assertEquals(List.of(), Winners.pick(List.of(a, b, c, d), null, Study.KeepModels.NONE));
    // merging parts gives the same score and best network as adding them to one cell
    CellStats part1 = stats(result(9, 1, 0.1, 0.5, false));
    CellStats part2 = stats(result(7, 1, 0.1, 0.5, false), result(8, 1, 0.1, 0.6, true));
    assertEquals(c, CellScore.of(part1.merge(part2)));
    assertEquals(new CellScore(Cell.of(result(7, 1, 0.1, 0.5, false).spec()), 1, 7, 3, 0.5, 7, 0.5), c);
  }

  private static TrainingResult withWeights(TrainingResult r) {
    return new TrainingResult(r.spec(), r.outcome(), r.evaluation(), new int[0], 0,
        new nnsweep.nn.Weights(Model.HIDDEN, true, new double[2][2], new double[2], new double[2][1],
            new double[1]), new double[0][]);
  }

  @Test
  void aNetworkThatScoresDifferentlyWhenTrainedAgainIsAnError() {
    CellScore a = cell(result(0, 0, 0.1, 0.2, false));
    TrainingResult same = withWeights(result(0, 0, 0.1, 0.2, false));
    assertEquals(List.of(same), Winners.verify(List.of(same), List.of(a), List.of(0L)));
    assertEquals("network 0 to save came back without weights", assertThrows(IllegalStateException.class,
        () -> Winners.verify(List.of(result(0, 0, 0.1, 0.2, false)), List.of(a), List.of(0L))).getMessage());
    assertEquals("network 0 trained again scores 0.20000000000000004, the sweep's was 0.2",
        assertThrows(IllegalStateException.class, () -> Winners.verify(
            List.of(withWeights(result(0, 0, 0.1, 0.1 + 0.2 - 0.1, false))), List.of(a), List.of(0L))).getMessage());
  }
}
