package nnsweep.testing;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nnsweep.nn.Model;
import nnsweep.nn.Weights;

/** One reference case from {@code src/test/resources/reference/*.json}, with the numpy oracle's results. */
public record ReferenceCase(
    String name,
    double[][] inputs,
    double[][] targets,
    Model model,
    boolean bias,
    double learningRate,
    int epochs,
    Weights init,
    double[][] queries,
    double finalError,
    double errorBeforeLastUpdate,
    double accuracy,
    Weights finalWeights,
    double[][] predictions) {

  /** cases.json (from the shared reference) followed by extra-cases.json (other shapes). */
  public static List<ReferenceCase> all() {
    List<ReferenceCase> all = new ArrayList<>(load("/reference/cases.json"));
    all.addAll(load("/reference/extra-cases.json"));
    return all;
  }

  /**
   * real-cases.json: cases the size of real datasets (hundreds of rows, tens of inputs, several outputs), made by
   * make_real_cases.py with the same oracle.
   */
  public static List<ReferenceCase> real() {
    return load("/reference/real-cases.json");
  }

  /** The cases of one JSON resource. */
  public static List<ReferenceCase> load(String resource) {
    String json;
    try (InputStream in = ReferenceCase.class.getResourceAsStream(resource)) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Config root = ConfigFactory.parseString("{\"cases\":" + json + "}",
        ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON));
    List<ReferenceCase> cases = new ArrayList<>();
    for (Config c : root.getConfigList("cases")) {
      Model model = Model.fromConfigName(c.getString("model")).orElseThrow();
      boolean bias = c.getBoolean("bias");
      int outputs = matrix(c, "targets")[0].length;
      cases.add(new ReferenceCase(c.getString("name"), matrix(c, "inputs"), matrix(c, "targets"), model, bias,
          c.getDouble("learning_rate"), c.getInt("epochs"), weights(c.getConfig("init"), model, bias, outputs),
          c.hasPath("queries") ? matrix(c, "queries") : new double[0][], c.getDouble("final_error"),
          c.getDouble("error_before_last_update"), c.getDouble("accuracy"),
          weights(c.getConfig("final_weights"), model, bias, outputs), matrix(c, "predictions")));
    }
    return cases;
  }

  private static Weights weights(Config w, Model model, boolean bias, int outputs) {
    if (model == Model.NONE) {
      double[][] out = matrix(w, "W");
      return new Weights(model, bias, new double[0][0], new double[0],
          out, bias ? vector(w, "b") : new double[outputs]);
    }
    double[][] hidden = matrix(w, "Wh");
    int h = hidden[0].length;
    return new Weights(model, bias, hidden, bias ? vector(w, "bh") : new double[h], matrix(w, "Wo"),
        bias ? vector(w, "bo") : new double[outputs]);
  }

  private static double[][] matrix(Config c, String key) {
    List<? extends List<?>> rows = c.getAnyRefList(key).stream().map(r -> (List<?>) r).toList();
    double[][] m = new double[rows.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = rows.get(i).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }
    return m;
  }

  private static double[] vector(Config c, String key) {
    return c.getDoubleList(key).stream().mapToDouble(Double::doubleValue).toArray();
  }

  public int inputCount() {
    return inputs[0].length;
  }

  public int outputCount() {
    return targets[0].length;
  }

  public int hiddenUnits() {
    return init.hiddenUnits();
  }

  @Override
  public String toString() {
    return name;
  }
}
