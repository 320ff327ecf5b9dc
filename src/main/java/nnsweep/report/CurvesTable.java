package nnsweep.report;

import java.nio.file.Path;
import java.util.List;
import nnsweep.run.TrainingResult;

/** {@code curves.csv}: each network's error at its log-spaced recorded epochs (long format: one row per point). */
public final class CurvesTable {
  /** The column contract. */
  public static final List<String> HEADER = List.of("network_id", "epoch", "error");

  private CurvesTable() {}

  /** Writes the curves of the results (sorted by id); points training never reached are left out. */
  public static void write(Path file, List<TrainingResult> sortedResults) {
    CsvFiles.write(file, HEADER, printer -> {
      for (TrainingResult r : sortedResults) {
        for (int i = 0; i < r.curveEpochs().length; i++) {
          if (!Double.isNaN(r.curve()[i])) {
            printer.printRecord(r.spec().id(), r.curveEpochs()[i], r.curve()[i]);
          }
        }
      }
    });
  }
}
