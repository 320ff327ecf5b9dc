package nnsweep.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import nnsweep.grid.Cell;
import org.junit.jupiter.api.Test;

/** The tuned rows from per-cell statistics: the validation-best cell per size, its tie rule, scores and budget. */
class TunedSizesTest {
  private static Summary.Row row(String model, int hidden, double rate, int epochs, double validation,
      double testError, double testAccuracy, double testClassAccuracy, double bestEpoch) {
    Cell key = new Cell("d", model, hidden, true, rate, epochs, "xavier");
    return new Summary.Row(key, 2, 0, 1, 0, 1, 1, 1, null, testError, testAccuracy, Double.NaN, testClassAccuracy,
        null, testError, 0, new Summary.Validation(validation, validation, 0, 0.5, 0.5), bestEpoch);
  }

  private static DatasetReport report(Summary.Row... rows) {
    return new DatasetReport(0, "d", 2L * rows.length, 0, List.of(), List.of(rows), List.of(), List.of(), null, 1e-3,
        false, List.of());
  }

  @Test
  void eachSizeTakesItsLowestMedianValidationErrorTiesToTheCellFirstInGridOrder() {
    DatasetReport d = report(
        row("none", 0, 0.1, 100, 0.5, 0.9, 0.7, 0.6, Double.NaN),
        row("hidden", 2, 0.1, 100, 0.3, 0.8, 0.75, 0.65, Double.NaN),
        row("hidden", 2, 0.3, 100, 0.3, 0.1, 0.95, 0.9, Double.NaN), // a tie: the first cell stays
        row("hidden", 4, 0.1, 100, 0.4, 0.8, 0.75, 0.65, Double.NaN),
        row("hidden", 4, 0.3, 100, 0.2, 0.7, 0.8, 0.7, Double.NaN),
        row("hidden", 8, 0.1, 100, Double.NaN, Double.NaN, 0.2, 0.1, Double.NaN)); // every network diverged
    List<Verdict.Tuned> multi = TunedSizes.of(List.of(d), List.of(3), k -> true, Cell::epochs);
    assertEquals(List.of(
        new Verdict.Tuned("d", 0, 0.1, 100, 0.5, 0.9, 0.6, false, false),
        new Verdict.Tuned("d", 2, 0.1, 100, 0.3, 0.8, 0.65, false, false),
        new Verdict.Tuned("d", 4, 0.3, 100, 0.2, 0.7, 0.7, false, false)), multi);
    // one output: the accuracy at 0.5
    List<Verdict.Tuned> one = TunedSizes.of(List.of(d), List.of(1), k -> true, Cell::epochs);
    assertEquals(List.of(0.7, 0.75, 0.8), one.stream().map(Verdict.Tuned::testClassAccuracy).toList());
    // successive halving: only the candidates (the top rung's cells)
    List<Verdict.Tuned> top = TunedSizes.of(List.of(d), List.of(3), k -> k.learningRate() == 0.1, k -> 300);
    assertEquals(List.of(0.1, 0.1, 0.1), top.stream().map(Verdict.Tuned::learningRate).toList());
    assertEquals(List.of(0.4, 300), List.of(top.get(2).validationError(), top.get(2).epochs()));
  }

  @Test
  void withEarlyStoppingTheEpochsAreTheMedianBestEpochAndALateOneIsFlagged() {
    DatasetReport d = report(
        row("none", 0, 0.1, 1000, 0.5, 0.9, 0.7, 0.6, 800), // at 80% of the budget: not in the last 20%
        row("hidden", 2, 0.1, 1000, 0.3, 0.8, 0.75, 0.65, 800.5),
        row("hidden", 4, 0.1, 1000, 0.3, 0.8, 0.75, 0.65, 0)); // the initial weights kept: at least 1 epoch
    List<Verdict.Tuned> rows = TunedSizes.of(List.of(d), List.of(3), k -> true, Cell::epochs);
    assertEquals(List.of(
        new Verdict.Tuned("d", 0, 0.1, 800, 0.5, 0.9, 0.6, false, true),
        new Verdict.Tuned("d", 2, 0.1, 801, 0.3, 0.8, 0.65, true, true),
        new Verdict.Tuned("d", 4, 0.1, 1, 0.3, 0.8, 0.65, false, true)), rows);
    Verdict.Budget b = Verdict.of(rows, List.of(new Verdict.Dataset("d", 150, 4, 4, 5)),
        List.of(nnsweep.study.HiddenRule.FEWER_THAN_TWICE_INPUTS, nnsweep.study.HiddenRule.SQRT_INPUTS_TIMES_OUTPUTS))
        .budget().get(0);
    assertEquals(new Verdict.Budget("d", 3, 1 / 3.0, true), b);
  }
}
