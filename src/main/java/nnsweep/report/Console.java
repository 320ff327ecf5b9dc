package nnsweep.report;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import nnsweep.grid.NetworkSpec;
import nnsweep.nn.Model;
import nnsweep.nn.Weights;
import nnsweep.run.NetworkColumns;
import nnsweep.run.Problem;
import nnsweep.run.TrainingResult;

/** What the driver prints at the end: per-network detail for small studies (like the tutorial), then headlines. */
public final class Console {
  /** Studies with at most this many networks get each network printed in full. */
  public static final int DETAIL_LIMIT = 8;

  private Console() {}

  /** Prints each network like the tutorial: final error, weights, predictions at the query points. */
  public static void printNetworks(PrintStream out, List<TrainingResult> results, List<Problem> problems) {
    for (TrainingResult r : results) {
      NetworkSpec s = r.spec();
      out.printf(Locale.ROOT, "%nnetwork %d: %s, %s, %s, learning rate %s, %d epochs, seed %d, init %s%n", s.id(),
          s.dataset(), s.model() == Model.NONE ? "no hidden layer" : s.hidden() + " hidden units",
          s.bias() ? "bias" : "no bias", s.learningRate(), s.epochs(), s.seed(), s.init().scheme());
      out.printf(Locale.ROOT, "  error before the last update: %.10g%n", r.errorBeforeLastUpdate());
      out.printf(Locale.ROOT, "  final error:                  %.10g%s%n", r.finalError(),
          r.diverged() ? "  (diverged)" : "");
      out.printf(Locale.ROOT, "  accuracy: %s%n", r.accuracy());
      if (!Double.isNaN(r.classAccuracy())) {
        out.printf(Locale.ROOT, "  class accuracy (argmax): %s%n", r.classAccuracy());
      }
      Weights w = r.finalWeights();
      if (s.model() == Model.HIDDEN) {
        out.println("  final hidden weights (inputs x hidden):");
        printMatrix(out, w.hidden());
        if (s.bias()) {
          out.println("  final hidden bias: " + vector(w.hiddenBias()));
        }
        out.println("  final output weights (hidden x outputs):");
      } else {
        out.println("  final weights (inputs x outputs):");
      }
      printMatrix(out, w.output());
      if (s.bias()) {
        out.println("  final output bias: " + vector(w.outputBias()));
      }
      double[][] queries = problems.get(s.datasetIndex()).forFold(s.fold()).queries();
      if (queries.length > 0) {
        out.println("  predictions:");
        for (int q = 0; q < queries.length; q++) {
          out.println("    " + Arrays.stream(queries[q]).mapToObj(NetworkColumns::compact)
              .collect(Collectors.joining(", ", "[", "]")) + " -> " + vector(r.predictions()[q]));
        }
      }
    }
    out.println();
  }

  private static void printMatrix(PrintStream out, double[][] m) {
    for (double[] row : m) {
      out.println("    " + vector(row));
    }
  }

  private static String vector(double[] v) {
    return Arrays.stream(v).mapToObj(x -> String.format(Locale.ROOT, "%.10g", x))
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
