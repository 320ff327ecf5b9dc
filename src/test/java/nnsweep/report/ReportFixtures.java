package nnsweep.report;

import java.util.Comparator;
import java.util.List;
import nnsweep.data.Dataset;
import nnsweep.grid.Grid;
import nnsweep.nn.Model;
import nnsweep.run.NetworkRun;
import nnsweep.run.Problem;
import nnsweep.run.TrainingResult;
import nnsweep.study.DatasetSpec;
import nnsweep.study.HiddenRule;
import nnsweep.study.InitSpec;
import nnsweep.study.Seeds;
import nnsweep.study.Study;
import nnsweep.testing.Studies;

/** Report models made from small real sweeps: tiny networks trained for real, in-process (no Spark). */
public final class ReportFixtures {
  private ReportFixtures() {}

  /**
   * OR and XOR; none and hidden 1-3 (the tutorial's three rules' sizes plus 3); bias off and on; 4 seeds; curves
   * recorded.
   */
  static ReportModel tutorialLike() {
    List<HiddenRule> tutorialRules = List.of(HiddenRule.FEWER_THAN_TWICE_INPUTS,
        HiddenRule.TWO_THIRDS_INPUTS_PLUS_OUTPUTS, HiddenRule.BETWEEN_INPUTS_AND_OUTPUTS);
    Study study = study("tiny", List.of(Studies.or(), Studies.xor()), List.of(Model.NONE, Model.HIDDEN),
        List.of(3), tutorialRules, List.of(0.5), List.of(3000), List.of(false, true), Seeds.range(0, 4), 20);
    return model(study, List.of(Studies.or(), Studies.xor()));
  }

  /** A study built in code, with a canonical form and curve points. */
  public static Study study(String name, List<Dataset> datasets, List<Model> models, List<Integer> sizes,
      List<HiddenRule> rules, List<Double> rates, List<Integer> epochs, List<Boolean> bias, Seeds seeds,
      int curvePoints) {
    return study(name, datasets, models, sizes, rules, rates, epochs, bias, seeds, List.of(new InitSpec.Uniform()),
        curvePoints);
  }

  /** As above, with an init axis. */
  public static Study study(String name, List<Dataset> datasets, List<Model> models, List<Integer> sizes,
      List<HiddenRule> rules, List<Double> rates, List<Integer> epochs, List<Boolean> bias, Seeds seeds,
      List<InitSpec> inits, int curvePoints) {
    List<DatasetSpec> specs = datasets.stream()
        .map(d -> new DatasetSpec(d.name(), d.source(), d.outputCount(), List.of())).toList();
    String canonical = "{\"name\":\"" + name.replace("\\", "\\\\").replace("\"", "\\\"")
        + "\",\"learning-rates\":" + rates + ",\"epochs\":" + epochs + "}";
    return new Study(name, "conf/" + name + ".conf", specs, models, sizes, rules, rates, epochs, bias, seeds,
        inits, 0, curvePoints, 5.0, Double.NEGATIVE_INFINITY, canonical);
  }

  /** Trains every network of the study's grid and builds the report model. */
  static ReportModel model(Study study, List<Dataset> datasets) {
    List<Problem> problems = datasets.stream().map(d -> new Problem(d, new double[0][])).toList();
    Grid grid = Grid.expand(study, datasets);
    List<TrainingResult> results = grid.specs()
        .map(spec -> NetworkRun.train(spec, problems.get(spec.datasetIndex()), study.curvePoints(),
            study.stopError()))
        .sorted(Comparator.comparingLong(r -> r.spec().id())).toList();
    return ReportModel.of(study, problems, results);
  }
}
