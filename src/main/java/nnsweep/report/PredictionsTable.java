package nnsweep.report;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import nnsweep.grid.NetworkSpec;
import nnsweep.run.Problem;
import nnsweep.run.TrainingResult;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code predictions.csv}: each network's output at each query point of its dataset, one row per (network, query,
 * output); {@code label} is the output read as a class (1 when >= 0.5).
 */
public final class PredictionsTable {
  /** The column contract. */
  public static final List<String> HEADER = List.of("network_id", "dataset", "model", "hidden", "bias",
      "learning_rate", "epochs", "seed", "query", "inputs", "output", "prediction", "label");

  private PredictionsTable() {}

  /** Prints one network's rows: one per query point of its dataset and output ({@link NetworkTables}). */
  static void print(CSVPrinter printer, TrainingResult r, List<Problem> problems) throws IOException {
    printer.printRecords(rows(r, problems));
  }

  /** One network's rows, cells in {@link #HEADER} order: one per query point of its dataset and output. */
  public static List<List<String>> rows(TrainingResult r, List<Problem> problems) {
    NetworkSpec s = r.spec();
    double[][] queries = problems.get(s.datasetIndex()).forFold(s.fold()).queries();
    List<List<String>> rows = new java.util.ArrayList<>();
    for (int q = 0; q < queries.length; q++) {
      String inputs = Arrays.stream(queries[q]).mapToObj(PredictionsTable::compact)
          .collect(Collectors.joining(" "));
      for (int o = 0; o < r.predictions()[q].length; o++) {
        double p = r.predictions()[q][o];
        rows.add(List.of(Long.toString(s.id()), s.dataset(), s.model().configName(), Integer.toString(s.hidden()),
            Boolean.toString(s.bias()), Double.toString(s.learningRate()), Integer.toString(s.epochs()),
            Long.toString(s.seed()), Integer.toString(q), inputs, Integer.toString(o), CsvFiles.num(p),
            p >= 0.5 ? "1" : "0"));
      }
    }
    return rows;
  }

  /** 1.0 -> "1", 0.5 -> "0.5": query inputs as a person wrote them. */
  static String compact(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
