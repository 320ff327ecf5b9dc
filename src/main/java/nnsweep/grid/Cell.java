package nnsweep.grid;

import java.io.Serializable;

/**
 * A cell of the sweep: every axis but the seed and the fold. The one key of a cell for the statistics (a
 * {@code summary.csv} row), successive halving (a candidate) and the reports.
 */
public record Cell(String dataset, String model, int hidden, boolean bias, double learningRate, int epochs,
    String init) implements Serializable {

  /** The cell of a network. */
  public static Cell of(NetworkSpec s) {
    return new Cell(s.dataset(), s.model().configName(), s.hidden(), s.bias(), s.learningRate(), s.epochs(),
        s.init().label());
  }
}
