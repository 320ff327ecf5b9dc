package nnsweep.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import nnsweep.grid.Cell;

/**
 * The verdict's tuned rows ({@link Verdict.Tuned}, {@code sizes.csv}) from the per-cell statistics a run already
 * aggregates ({@link DatasetReport#summary()}): per (dataset, hidden size), the cell with the lowest median
 * validation error over its seeds and folds. Ties go to the cell first in grid order (the study's learning-rate
 * order, then epochs, bias, init): the summary rows' order. Cells whose every network diverged (no median) are not
 * candidates; a size with no candidate has no row.
 */
public final class TunedSizes {
  private TunedSizes() {}

  /**
   * The tuned rows of every dataset, in dataset order then by hidden size.
   *
   * @param reports the run's dataset reports, in dataset order
   * @param outputs each dataset's output count, in the same order: one-output datasets are scored by test accuracy
   *     at 0.5, the others by test class accuracy (argmax)
   * @param candidate which cells may be chosen (a grid: all; successive halving: the top rung's)
   * @param epochs the epochs a cell's networks were trained to (a grid: the cell's; halving: its rung's)
   */
  public static List<Verdict.Tuned> of(List<DatasetReport> reports, List<Integer> outputs,
      Predicate<Cell> candidate, ToIntFunction<Cell> epochs) {
    if (reports.size() != outputs.size()) {
      throw new IllegalArgumentException("expected one output count per dataset, found " + outputs.size()
          + " for " + reports.size());
    }
    List<Verdict.Tuned> rows = new ArrayList<>();
    for (int d = 0; d < reports.size(); d++) {
      TreeMap<Integer, Summary.Row> best = new TreeMap<>();
      for (Summary.Row r : reports.get(d).summary()) {
        double e = r.validation().medianError();
        if (!candidate.test(r.key()) || Double.isNaN(e)) {
          continue;
        }
        Summary.Row held = best.get(r.key().hidden());
        if (held == null || e < held.validation().medianError()) { // strict: a tie keeps the earlier cell
          best.put(r.key().hidden(), r);
        }
      }
      boolean oneOutput = outputs.get(d) == 1;
      for (Summary.Row r : best.values()) {
        rows.add(tuned(r, oneOutput, epochs.applyAsInt(r.key())));
      }
    }
    return List.copyOf(rows);
  }

  /**
   * One tuned row. With validation-based early stopping the epochs are the cell's median best epoch (what
   * validation chose, rounded, at least 1) and the optimum is late when that median lies in the last
   * {@link Verdict#LATE_FRACTION} of the budget; without it the late optimum is not known.
   */
  static Verdict.Tuned tuned(Summary.Row r, boolean oneOutput, int budget) {
    double best = r.medianBestEpoch();
    boolean known = !Double.isNaN(best);
    int epochs = known ? (int) Math.max(1, Math.round(best)) : budget;
    boolean late = known && best > (1 - Verdict.LATE_FRACTION) * budget;
    return new Verdict.Tuned(r.key().dataset(), r.key().hidden(), r.key().learningRate(), epochs,
        r.validation().medianError(), r.meanTestError(),
        oneOutput ? r.meanTestAccuracy() : r.meanTestClassAccuracy(), late, known);
  }
}
