package nnsweep.report;

import java.util.Comparator;
import java.util.List;
import nnsweep.data.Dataset;
import nnsweep.grid.Grid;
import nnsweep.nn.Model;
import nnsweep.run.NetworkRun;
import nnsweep.run.Problem;
import nnsweep.run.TrainingResult;
import nnsweep.search.CellScore;
import nnsweep.search.Ladder;
import nnsweep.search.Rungs;
import nnsweep.stats.Aggregation;
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
    return ReportModel.of(study, problems(datasets), train(study, datasets));
  }

  private static List<Problem> problems(List<Dataset> datasets) {
    return datasets.stream().map(d -> new Problem(d, new double[0][])).toList();
  }

  private static List<TrainingResult> train(Study study, List<Dataset> datasets) {
    List<Problem> problems = problems(datasets);
    Grid grid = Grid.expand(study, datasets);
    return grid.specs()
        .map(spec -> NetworkRun.train(spec, problems.get(spec.datasetIndex()), study.curvePoints(),
            study.stopError()))
        .sorted(Comparator.comparingLong(r -> r.spec().id())).toList();
  }

  /** A report model and its successive-halving ladder. */
  record Halved(ReportModel model, Ladder ladder) {}

  /**
   * A successive-halving page's inputs: OR and XOR, hidden layers of 1-3 units only (no {@code none} model), two
   * learning rates, 3 seeds; the ladder (rungs of 100, 300 and 900 epochs, reduction 3) ranks the cells by their
   * median error, the networks trained once to 900 epochs (the page, not the training, is under test).
   */
  static Halved halving() {
    Study study = study("halving", Studies.or(), Studies.xor()).models(Model.HIDDEN).hiddenSizes(1, 2, 3)
        .learningRates(0.5, 2.0).epochs(900).bias(true).seeds(Seeds.range(0, 3)).curvePoints(10).build();
    List<Dataset> datasets = List.of(Studies.or(), Studies.xor());
    List<TrainingResult> results = train(study, datasets);
    Ladder ladder = new Ladder(new Rungs(3, 100, 900));
    for (int k = 0; k < ladder.rungs().count(); k++) {
      ladder.record(Aggregation.cells(results).values().stream().map(CellScore::of).toList());
    }
    return new Halved(ReportModel.of(study, problems(datasets), results), ladder);
  }

  /**
   * Many cells (a large study's page): XOR, no hidden layer and hidden sizes 1-50, 30 learning rates, bias off and
   * on, one seed, 20 epochs: 3,060 cells.
   */
  static ReportModel manyCells() {
    int[] sizes = java.util.stream.IntStream.rangeClosed(1, 50).toArray();
    double[] rates = java.util.stream.IntStream.range(0, 30).mapToDouble(i -> 0.05 * (i + 1)).toArray();
    Study study = study("many", Studies.xor()).models(Model.NONE, Model.HIDDEN).hiddenSizes(sizes)
        .learningRates(rates).epochs(20).bias(false, true).seeds(Seeds.range(0, 1)).build();
    return model(study, List.of(Studies.xor()));
  }

  /**
   * Hostile names: a study, a dataset and CSV column names made of markup that would run a script (setting {@code
   * data-pwned} on the page's root element) if any of them reached the page as markup.
   */
  static ReportModel hostile() {
    String mark = "document.documentElement.setAttribute('data-pwned','";
    Dataset xor = Studies.xor();
    Dataset evil = new Dataset("x<img src=x onerror=\"" + mark + "dataset')\">",
        "data/<script>" + mark + "file')</script>.csv",
        List.of("</script><script>" + mark + "column')</script>", "x<img src=x onerror=alert(1)>"),
        List.of("<svg onload=\"" + mark + "target')\">\u2028"), xor.inputs(), xor.targets());
    Study study = study("</script><script>" + mark + "study')</script>", evil).models(Model.NONE, Model.HIDDEN)
        .hiddenSizes(2, 3).learningRates(0.5).epochs(300).bias(false, true).seeds(Seeds.range(0, 2))
        .curvePoints(6).build();
    return model(study, List.of(evil));
  }
}
