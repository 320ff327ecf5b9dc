package nnsweep.report;

import java.io.IOException;
import java.util.List;
import nnsweep.run.TrainingResult;
import org.apache.commons.csv.CSVPrinter;

/** {@code curves.csv}: each network's error at its log-spaced recorded epochs (long format: one row per point). */
public final class CurvesTable {
  /** The column contract. */
  public static final List<String> HEADER = List.of("network_id", "epoch", "error");

  private CurvesTable() {}

  /** Prints one network's curve points; points training never reached are left out ({@link NetworkTables}). */
  static void print(CSVPrinter printer, TrainingResult r) throws IOException {
    printer.printRecords(rows(r));
  }

  /** One network's curve points, cells in {@link #HEADER} order; points training never reached are left out. */
  public static List<List<String>> rows(TrainingResult r) {
    List<List<String>> rows = new java.util.ArrayList<>();
    for (int i = 0; i < r.curveEpochs().length; i++) {
      if (!Double.isNaN(r.curve()[i])) {
        rows.add(List.of(Long.toString(r.spec().id()), Integer.toString(r.curveEpochs()[i]),
            Double.toString(r.curve()[i])));
      }
    }
    return rows;
  }
}
