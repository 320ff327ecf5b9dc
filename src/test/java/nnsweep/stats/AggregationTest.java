package nnsweep.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nnsweep.grid.Cell;
import nnsweep.grid.Grid;
import nnsweep.nn.Model;
import nnsweep.nn.TrainingOutcome;
import nnsweep.report.ReportFixtures;
import nnsweep.run.Evaluation;
import nnsweep.run.NetworkRun;
import nnsweep.run.Problem;
import nnsweep.run.TrainingResult;
import nnsweep.study.HiddenRule;
import nnsweep.study.Seeds;
import nnsweep.study.Study;
import nnsweep.testing.Studies;
import org.junit.jupiter.api.Test;

/**
 * The reports' aggregation: cells folded in any split and merged in any order give the same dataset reports; the
 * statistics of a cell; the networks the curves chart draws.
 */
class AggregationTest {
  private static final Study STUDY = ReportFixtures.study("agg", Studies.or(), Studies.xor())
      .models(Model.NONE, Model.HIDDEN).hiddenSizes(1, 2, 3)
      .hiddenRules(HiddenRule.FEWER_THAN_TWICE_INPUTS, HiddenRule.BETWEEN_INPUTS_AND_OUTPUTS).learningRates(0.5, 4.0)
      .epochs(400).bias(false, true).seeds(Seeds.range(0, 6)).curvePoints(6).build();

  private static List<TrainingResult> train(Study study) {
    List<Problem> problems = List.of(new Problem(Studies.or(), new double[0][]),
        new Problem(Studies.xor(), new double[0][]));
    Grid grid = Grid.expand(study, problems.stream().map(Problem::dataset).toList());
    return grid.specs().map(s -> NetworkRun.train(s, problems.get(s.datasetIndex()), study.curvePoints(),
        study.stopError())).toList();
  }

  @Test
  void foldedInAnySplitAndMergedInAnyOrderTheReportsAreTheSame() {
    List<TrainingResult> results = train(STUDY);
    List<DatasetReport> whole = Aggregation.of(results, STUDY.hiddenRules());
    assertEquals(2, whole.size());
    assertEquals(results.size(), whole.stream().mapToLong(DatasetReport::networks).sum());

    Random random = new Random(7);
    for (int trial = 0; trial < 5; trial++) {
      List<TrainingResult> shuffled = new ArrayList<>(results);
      Collections.shuffle(shuffled, random);
      // cut into 1 + trial * 3 parts of random sizes, each folded on its own (as Spark tasks do)
      List<Map<Cell, CellStats>> parts = new ArrayList<>();
      int cuts = 1 + trial * 3;
      int from = 0;
      for (int p = 0; p < cuts; p++) {
        int to = p == cuts - 1 ? shuffled.size() : from + random.nextInt(shuffled.size() - from + 1);
        parts.add(Aggregation.cells(shuffled.subList(from, to)));
        from = to;
      }
      Collections.shuffle(parts, random);
      Map<Cell, CellStats> merged = new LinkedHashMap<>();
      for (Map<Cell, CellStats> part : parts) {
        part.forEach((k, cell) -> merged.merge(k, cell, CellStats::merge));
      }
      List<CellStats> cells = new ArrayList<>(merged.values());
      Collections.shuffle(cells, random);
      assertEquals(whole, Aggregation.datasets(cells, STUDY.hiddenRules()), "trial " + trial);
    }
  }

  @Test
  void aCellsStatistics() {
    List<TrainingResult> results = train(STUDY);
    TrainingResult base = results.stream().filter(r -> r.spec().model() == Model.HIDDEN).findFirst()
        .orElseThrow();
    // four networks of one cell: errors 0.3, 0.1, 0.2 and one diverged; two classify every row right
    List<TrainingResult> four = List.of(with(base, 0.3, 1.0, false), with(base, 0.1, 1.0, false),
        with(base, 0.2, 0.75, false), with(base, Double.NaN, 0.5, true));
    CellStats cell = new CellStats(base.spec());
    four.forEach(cell::add);
    Summary.Row row = Summary.row(cell);
    assertEquals(4, row.networks());
    assertEquals(1, row.diverged());
    assertEquals(0.2, row.meanError(), 1e-15);
    assertEquals(0.1, row.stdError(), 1e-15);
    assertEquals(0.1, row.minError());
    assertEquals(0.2, row.medianError());
    assertEquals(0.3, row.maxError());
    assertEquals(Stats.wilson(2, 4), row.success());
    assertEquals(new Stats.Quartiles(0.15000000000000002, 0.2, 0.25), row.quartiles());
    assertTrue(Double.isNaN(row.medianTestError()), "no test split");
    assertTrue(Double.isNaN(row.meanClassAccuracy()), "not one-hot");
    assertTrue(Double.isNaN(row.meanTestClassAccuracy()), "not one-hot");

    // class accuracies (argmax) average over every network, the diverged one too
    CellStats classes = new CellStats(base.spec());
    List.of(with(base, 0.3, 1.0, false, 1.0, 0.5), with(base, 0.1, 1.0, false, 0.5, 0.5),
        with(base, 0.2, 0.75, false, 0.75, 1.0), with(base, Double.NaN, 0.5, true, 0.25, 0.0))
        .forEach(classes::add);
    Summary.Row withClasses = Summary.row(classes);
    assertEquals(0.625, withClasses.meanClassAccuracy());
    assertEquals(0.5, withClasses.meanTestClassAccuracy());
  }

  @Test
  void cellsOfDifferentKeysDoNotMerge() {
    List<TrainingResult> results = train(STUDY);
    CellStats a = new CellStats(results.get(0).spec());
    CellStats b = new CellStats(results.get(results.size() - 1).spec());
    assertThrows(IllegalArgumentException.class, () -> a.merge(b));
    assertThrows(IllegalArgumentException.class, () -> a.add(results.get(results.size() - 1)));
  }

  @Test
  void theCurvesChartDrawsTheBestMedianAndWorstByErrorThenId() {
    // errors from a small set, so many networks tie: the pick among equals is by id
    List<TrainingResult> trained = train(STUDY);
    double[] values = {0.25, 0.125, 0.25, 0.5, 0.125};
    List<TrainingResult> results = new ArrayList<>();
    for (TrainingResult r : trained) {
      int v = (int) (r.spec().id() * 7 % 6);
      results.add(v == 5 ? with(r, Double.NaN, 0.5, true) : with(r, values[v], r.accuracy(), false));
    }
    List<DatasetReport> reports = Aggregation.of(results, STUDY.hiddenRules());
    for (DatasetReport d : reports) {
      assertEquals(2, d.curveGroups().size(), d.dataset());
      for (DatasetReport.CurveGroup g : d.curveGroups()) {
        List<TrainingResult> group = new ArrayList<>(results.stream()
            .filter(r -> r.spec().dataset().equals(d.dataset()) && r.spec().hidden() == g.hidden()).toList());
        group.sort(Comparator.comparingDouble((TrainingResult r) -> r.diverged() ? Double.POSITIVE_INFINITY
            : r.finalError()).thenComparingLong(r -> r.spec().id()));
        int n = group.size();
        assertEquals(n, g.networks());
        assertEquals(List.of(new DatasetReport.Pick("best", group.get(0).spec().id()),
            new DatasetReport.Pick("median", group.get((n - 1) / 2).spec().id()),
            new DatasetReport.Pick("worst", group.get(n - 1).spec().id())), g.picks(), d.dataset() + " " + g);
      }
      assertTrue(d.curveGroups().get(1).picks().get(2).id() >= 0);
      assertFalse(d.pickedIds().isEmpty());
    }
    // the worst is a diverged network, the best one of the smallest error
    Map<Long, TrainingResult> byId = new HashMap<>();
    results.forEach(r -> byId.put(r.spec().id(), r));
    DatasetReport.CurveGroup g = reports.get(1).curveGroups().get(0);
    assertTrue(byId.get(g.picks().get(2).id()).diverged());
    assertEquals(0.125, byId.get(g.picks().get(0).id()).finalError());
  }

  private static TrainingResult with(TrainingResult r, double error, double accuracy, boolean diverged) {
    return with(r, error, accuracy, diverged, Double.NaN, Double.NaN);
  }

  private static TrainingResult with(TrainingResult r, double error, double accuracy, boolean diverged,
      double classAccuracy, double testClassAccuracy) {
    return new TrainingResult(r.spec(), new TrainingOutcome(error, error, r.epochsRun(), -1, diverged, r.curve()),
        new Evaluation(error / 2, accuracy, classAccuracy, Double.NaN, Double.NaN, testClassAccuracy, ""),
        r.curveEpochs(), 0.0, null, new double[0][]);
  }
}
