package nnsweep.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;
import nnsweep.grid.Cell;
import nnsweep.nn.Model;
import nnsweep.run.Problem;
import nnsweep.run.Problems;
import nnsweep.search.Rungs;
import nnsweep.stats.DatasetReport;
import nnsweep.stats.TunedSizes;
import nnsweep.stats.Verdict;
import nnsweep.study.Study;

/**
 * Whether a study run gives the rules verdict (docs/rules-verdict.md, "Running the verdict") and, if so, the verdict
 * from the run's per-cell statistics: every dataset has validation and test rows, the models include {@code none}
 * and {@code hidden}, {@code hidden.rules} is not empty, and the search is a grid or successive halving racing each
 * hidden size on its own ({@code race-by} naming {@code hidden}).
 */
public final class StudyVerdict {
  private StudyVerdict() {}

  /** Why the study gives no verdict, or empty when it gives one. */
  public static Optional<String> whyNot(Study study, List<Problem> problems) {
    if (study.hiddenRules().isEmpty()) {
      return Optional.of("hidden.rules is empty");
    }
    if (!study.models().contains(Model.NONE) || !study.models().contains(Model.HIDDEN)) {
      return Optional.of("models must include none and hidden, found "
          + study.models().stream().map(Model::configName).toList());
    }
    for (int d = 0; d < problems.size(); d++) {
      Problem p = problems.get(d);
      String name = study.datasets().get(d).name();
      if (!p.validated()) {
        return Optional.of("dataset " + name + " has no validation-fraction");
      }
      if (p.test() == null && p.folds().isEmpty()) {
        return Optional.of("dataset " + name + " has no test rows (test-fraction or folds)");
      }
    }
    if (study.search().halving() && !study.search().raceBy().contains("hidden")) {
      return Optional.of("successive halving does not race each hidden size on its own (race-by without hidden),"
          + " so not every size reaches the top rung");
    }
    return Optional.empty();
  }

  /**
   * The verdict of a finished run, or empty when the study gives none ({@link #whyNot}).
   *
   * @param ladder successive halving's ladder (null: a grid); with halving only top-rung cells are candidates
   * @throws IllegalStateException when the run's numbers leave an entry without a size (every network of those
   *     sizes diverged), with Verdict's message
   */
  public static Optional<Verdict.Result> of(Study study, List<Problem> problems, List<DatasetReport> reports,
      nnsweep.search.Ladder ladder) {
    Rungs rungs = ladder == null ? null : ladder.rungs();
    ToIntFunction<Cell> rungOf = LadderTable.rungOf(ladder);
    if (whyNot(study, problems).isPresent()) {
      return Optional.empty();
    }
    List<nnsweep.data.Dataset> data = Problems.datasets(problems);
    int[] trainingRows = Problems.trainingRows(problems);
    List<Verdict.Dataset> shapes = new ArrayList<>();
    List<Integer> outputs = new ArrayList<>();
    for (int d = 0; d < data.size(); d++) {
      // the samples the grid's rules saw (Grid.expand), so a rule's sizes here are the sizes trained
      shapes.add(new Verdict.Dataset(study.datasets().get(d).name(), trainingRows[d], data.get(d).inputCount(),
          data.get(d).outputCount(), study.ruleAlpha()));
      outputs.add(data.get(d).outputCount());
    }
    List<Verdict.Tuned> rows = rungs == null
        ? TunedSizes.of(reports, outputs, key -> true, Cell::epochs)
        : TunedSizes.of(reports, outputs, key -> rungOf.applyAsInt(key) == rungs.last(),
            key -> rungs.epochs(rungOf.applyAsInt(key)));
    try {
      return Optional.of(Verdict.of(rows, shapes, study.hiddenRules()));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("no rules verdict: " + e.getMessage(), e);
    }
  }
}
