package nnsweep.predict;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nnsweep.errors.InputException;
import nnsweep.model.SavedModel;

/**
 * Scores rows with a saved model: finds the model's inputs among a file's columns by name (other columns are
 * ignored), parses their cells and gives {@code predictions.csv}'s line of each row: {@code row, output_0 ...
 * output_{k-1}, label}.
 */
public final class Scorer implements Serializable {
  private static final long serialVersionUID = 1L;
  private final SavedModel model;
  private final int[] columns;
  private final String shownData;
  private final List<String> header;

  private Scorer(SavedModel model, int[] columns, String shownData, List<String> header) {
    this.model = model;
    this.columns = columns;
    this.shownData = shownData;
    this.header = header;
  }

  /** A scorer for a file with {@code header}; a model input missing from it is an {@link InputException}. */
  public static Scorer of(SavedModel model, List<String> header, String shownData, String shownModel) {
    int[] columns = new int[model.inputs().size()];
    for (int j = 0; j < columns.length; j++) {
      String name = model.inputs().get(j);
      columns[j] = header.indexOf(name);
      if (columns[j] < 0) {
        throw new InputException(shownData + ": no column '" + name + "' (input " + (j + 1) + " of "
            + columns.length + " of model " + shownModel + "), found columns " + String.join(", ", header)
            + ", expected every input of the model: " + String.join(", ", model.inputs()));
      }
    }
    return new Scorer(model, columns, shownData, List.copyOf(header));
  }

  /**
   * The model's inputs of one row, from its cells in the file's column order; {@code where} names the row in errors
   * ({@code data.csv:12}).
   */
  public double[] inputs(List<String> cells, String where) {
    double[] x = new double[columns.length];
    for (int j = 0; j < columns.length; j++) {
      int c = columns[j];
      String cell = c < cells.size() ? cells.get(c).trim() : "";
      double v;
      try {
        v = Double.parseDouble(cell);
      } catch (NumberFormatException e) {
        v = Double.NaN;
      }
      if (!Double.isFinite(v)) {
        throw new InputException(where + ": column '" + header.get(c) + "': not a number, found '"
            + cell + "', expected a finite number");
      }
      x[j] = v;
    }
    return x;
  }

  /** The predictions.csv header for this model's outputs. */
  public List<String> header() {
    List<String> h = new ArrayList<>();
    h.add("row");
    for (int k = 0; k < model.outputs().size(); k++) {
      h.add("output_" + k);
    }
    h.add("label");
    return h;
  }

  /** predictions.csv's line of row {@code row} (0-based) with inputs {@code x}, without the line break. */
  public String line(long row, double[] x) {
    double[] out = model.outputs(new double[][] {x})[0];
    StringBuilder b = new StringBuilder().append(row);
    for (double o : out) {
      b.append(',').append(o);
    }
    return b.append(',').append(model.label(out)).toString();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Scorer[%s on %s]", model, shownData);
  }
}
