package nnsweep.report;

import java.nio.file.Path;
import java.util.List;

/** Writes every report of a finished study into its output folder; each file appears whole (temporary name, rename). */
public final class Reports {
  private Reports() {}

  /** The files written, in order. */
  public static final List<String> TABLES = List.of("results.csv", "summary.csv", "rules.csv", "layers.csv",
      "predictions.csv", "curves.csv");

  /**
   * Writes the CSV tables: results, summary, rules (when the study has rules), layers, predictions (when a dataset
   * has queries), curves (when networks record curves). Returns the names written.
   */
  public static List<String> writeTables(Path folder, ReportModel m) {
    List<String> written = new java.util.ArrayList<>();
    ResultsTable.write(folder.resolve("results.csv"), m.results());
    written.add("results.csv");
    SummaryTable.write(folder.resolve("summary.csv"), m.summary());
    written.add("summary.csv");
    if (!m.study().hiddenRules().isEmpty()) {
      RulesTable.write(folder.resolve("rules.csv"), m.rules());
      written.add("rules.csv");
    }
    LayersTable.write(folder.resolve("layers.csv"), m.layers());
    written.add("layers.csv");
    if (m.problems().stream().anyMatch(p -> p.queries().length > 0)) {
      PredictionsTable.write(folder.resolve("predictions.csv"), m.results(), m.problems());
      written.add("predictions.csv");
    }
    if (m.study().curvePoints() > 0) {
      CurvesTable.write(folder.resolve("curves.csv"), m.results());
      written.add("curves.csv");
    }
    return written;
  }
}
