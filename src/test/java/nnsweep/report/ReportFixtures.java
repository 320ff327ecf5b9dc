package nnsweep.report;

import java.util.Comparator;
import java.util.List;
import nnsweep.data.Dataset;
import nnsweep.grid.Grid;
import nnsweep.nn.Model;
import nnsweep.run.NetworkRun;
import nnsweep.run.Problem;
import nnsweep.run.TrainingResult;
import nnsweep.study.HiddenRule;
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
    Study study = study("tiny", Studies.or(), Studies.xor()).models(Model.NONE, Model.HIDDEN).hiddenSizes(3)
        .hiddenRules(tutorialRules).learningRates(0.5).epochs(3000).bias(false, true).seeds(Seeds.range(0, 4))
        .curvePoints(20).canonical("{\"name\":\"tiny\",\"learning-rates\":[0.5],\"epochs\":[3000]}").build();
    return model(study, List.of(Studies.or(), Studies.xor()));
  }

  /**
   * {@link Study#builder()} preset for report tests: the study {@code name} from {@code conf/<name>.conf} over
   * {@code datasets}, its canonical form naming it, recording no curves.
   */
  public static Study.Builder study(String name, Dataset... datasets) {
    String canonical = "{\"name\":\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    return Studies.builder(datasets).name(name).source("conf/" + name + ".conf").canonical(canonical);
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
