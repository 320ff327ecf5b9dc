package nnsweep.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import nnsweep.grid.Cell;
import nnsweep.grid.Grid;
import nnsweep.grid.NetworkSpec;
import nnsweep.nn.Model;
import nnsweep.nn.TrainingOutcome;
import nnsweep.run.Evaluation;
import nnsweep.run.TrainingResult;
import nnsweep.stats.CellStats;
import nnsweep.study.Search;
import nnsweep.study.Study;
import nnsweep.testing.Studies;
import org.junit.jupiter.api.Test;

/**
 * Halving chooses on validation rows when there are any (a constructed case where validation and test disagree),
 * and races each group of {@code race-by} on its own.
 */
class ValidationHalvingTest {
  private static final Study STUDY = Studies.builder(Studies.xor()).models(Model.HIDDEN).hiddenSizes(2, 3)
      .learningRates(0.5, 1.0, 2.0).epochs(100).seeds(nnsweep.study.Seeds.of(0, 1, 2)).build();
  private static final Grid GRID = Grid.expand(STUDY, List.of(Studies.xor()));

  /** A network of {@code spec} with these errors (NaN validation: no validation split). */
  private static TrainingResult result(NetworkSpec spec, double test, double validation) {
    Evaluation e = new Evaluation(0.1, 0.5, Double.NaN, test, 0.5, Double.NaN, "", validation,
        Double.isNaN(validation) ? Double.NaN : 0.5, Double.NaN);
    return new TrainingResult(spec, new TrainingOutcome(0.2, 0.2, 100, -1, false, new double[0]), e, new int[0], 1,
        null, new double[0][]);
  }

  /** Every network of the grid scored by its cell: (test, validation) of the cell's hidden size and rate. */
  private static List<CellScore> scores(ToDoubleFunction<NetworkSpec> test, ToDoubleFunction<NetworkSpec> validation) {
    List<TrainingResult> results = new ArrayList<>();
    GRID.specs().forEach(s -> results.add(result(s, test.applyAsDouble(s) + s.seed() * 1e-3,
        validation.applyAsDouble(s) + s.seed() * 1e-3)));
    Map<Cell, CellStats> cells = new HashMap<>();
    Halving.fold(cells, results, null);
    return cells.values().stream().map(CellScore::of).toList();
  }

  private static Set<String> kept(Ladder ladder) {
    return ladder.candidates().stream().map(c -> c.hidden() + "@" + c.learningRate()).collect(Collectors.toSet());
  }

  @Test
  void validationDecidesWhereValidationAndTestDisagree() {
    // test error falls with the rate, validation error rises with it: the test would keep 2.0, validation keeps 0.5
    ToDoubleFunction<NetworkSpec> test = s -> 3 - s.learningRate() + s.hidden() * 0.01;
    ToDoubleFunction<NetworkSpec> validation = s -> s.learningRate() + s.hidden() * 0.01;
    Ladder onValidation = new Ladder(new Rungs(6, 10, 100));
    onValidation.record(scores(test, validation));
    assertEquals(Set.of("2@0.5"), kept(onValidation));
    // the cell's score is the median of its seeds' validation errors, not their test errors
    Ladder.Step best = onValidation.best().get(0);
    assertEquals(0.5 + 0.02 + 0.001, best.scores()[0], 1e-12);

    Ladder onTest = new Ladder(new Rungs(6, 10, 100));
    onTest.record(scores(test, s -> Double.NaN));
    assertEquals(Set.of("2@2.0"), kept(onTest), "without validation rows the test rows score, as before");
  }

  @Test
  void raceByHiddenKeepsTheBestOfEachSize() {
    // every size-2 cell beats every size-3 cell; within a size, the middle rate is best
    ToDoubleFunction<NetworkSpec> validation = s -> s.hidden() + Math.abs(s.learningRate() - 1.0);
    Ladder together = new Ladder(new Rungs(3, 10, 100));
    together.record(scores(s -> 0, validation));
    assertEquals(Set.of("2@1.0", "2@0.5"), kept(together), "one race: 2 of 6, both of size 2");

    Ladder perSize = new Ladder(new Rungs(3, 10, 100, List.of("dataset", "hidden")));
    perSize.record(scores(s -> 0, validation));
    assertEquals(Set.of("2@1.0", "3@1.0"), kept(perSize), "a race per size: the best rate of each");
    assertEquals(List.of(0, "xor", 3), perSize.race(new Cell("xor", "hidden", 3, false, 0.5, 100, "uniform"), 0,
        List.of("dataset", "hidden")));

    Ladder perRate = new Ladder(new Rungs(3, 10, 100, List.of("learning-rate")));
    perRate.record(scores(s -> 0, validation));
    assertEquals(Set.of("2@0.5", "2@1.0", "2@2.0"), kept(perRate), "a race per rate: the best size of each");
  }

  @Test
  void raceByNamesCellAxesOnly() {
    assertThrows(IllegalArgumentException.class, () -> new Rungs(3, 10, 100, List.of("seed")));
    assertThrows(IllegalArgumentException.class, () -> Search.halving(3, 10, List.of("epochs")));
    assertEquals(Search.BY_DATASET, Search.halving(3, 10).raceBy());
  }
}
