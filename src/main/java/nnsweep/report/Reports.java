package nnsweep.report;

import java.nio.file.Path;
import java.util.List;
import nnsweep.run.Problem;
import nnsweep.run.TrainingResult;

/** Writes every report of a finished study into its output folder; each file appears whole (temporary name, rename). */
public final class Reports {
  private Reports() {}

  /** What was written. */
  public record Written(Path folder, int results, List<SummaryTable.Row> summary, boolean predictions) {}

  /** Writes results.csv, summary.csv and (when any dataset has queries) predictions.csv. */
  public static Written write(Path folder, List<TrainingResult> sortedResults, List<Problem> problems) {
    ResultsTable.write(folder.resolve("results.csv"), sortedResults);
    List<SummaryTable.Row> summary = SummaryTable.summarise(sortedResults);
    SummaryTable.write(folder.resolve("summary.csv"), summary);
    boolean anyQueries = problems.stream().anyMatch(p -> p.queries().length > 0);
    if (anyQueries) {
      PredictionsTable.write(folder.resolve("predictions.csv"), sortedResults, problems);
    }
    return new Written(folder, sortedResults.size(), summary, anyQueries);
  }
}
