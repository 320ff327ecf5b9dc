package nnsweep.search;

import java.io.Serializable;
import nnsweep.grid.NetworkSpec;

/** A candidate of the search: a cell of the sweep, every axis but the seed and the fold (a summary.csv row). */
public record Cell(String dataset, String model, int hidden, boolean bias, double learningRate, int epochs,
    String init) implements Serializable {

  /** The cell of a network. */
  public static Cell of(NetworkSpec s) {
    return new Cell(s.dataset(), s.model().configName(), s.hidden(), s.bias(), s.learningRate(), s.epochs(),
        s.init().label());
  }
}
