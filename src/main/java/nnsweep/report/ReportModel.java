package nnsweep.report;

import java.util.List;
import nnsweep.run.Problem;
import nnsweep.run.TrainingResult;
import nnsweep.study.Study;

/**
 * Everything the reports are made from: the study, the results (sorted by network id) and the comparison tables
 * computed from them. Charts and the HTML page read only this.
 */
public record ReportModel(
    Study study,
    List<Problem> problems,
    List<TrainingResult> results,
    List<SummaryTable.Row> summary,
    List<RulesTable.Row> rules,
    List<LayersTable.Row> layers,
    List<String> headlines) {

  /** Computes the tables from sorted results. */
  public static ReportModel of(Study study, List<Problem> problems, List<TrainingResult> sortedResults) {
    List<RulesTable.Row> rules = RulesTable.summarise(sortedResults, study.hiddenRules());
    return new ReportModel(study, problems, sortedResults, SummaryTable.summarise(sortedResults), rules,
        LayersTable.summarise(sortedResults), Headlines.of(sortedResults, rules));
  }
}
