package nnsweep.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnsweep.errors.InputException;
import nnsweep.nn.Model;
import nnsweep.nn.Weights;

/**
 * A {@link SavedModel} as JSON, readable with nothing but a JSON parser and numpy (docs/models.md). Written and read
 * with Jackson, which Spark already brings (no dependency of our own): doubles are written as the shortest decimal
 * that reads back to the same bits, so weights round-trip exactly. Non-finite metrics (no test split) are
 * {@code null}.
 */
public final class ModelJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ModelJson() {}

  /** The model as UTF-8 JSON text. */
  public static byte[] write(SavedModel m) {
    ObjectNode root = F.objectNode();
    root.put("format", SavedModel.FORMAT);
    root.put("format_version", 1);
    root.put("nnsweep_version", m.version());
    root.put("study", m.study());
    root.put("network_id", m.networkId());
    root.set("inputs", strings(m.inputs()));
    root.set("outputs", strings(m.outputs()));
    root.put("one_hot", m.oneHot());
    ObjectNode scaling = root.putObject("scaling");
    scaling.set("center", vector(m.center()));
    scaling.set("scale", vector(m.scale()));
    Weights w = m.weights();
    if (m.hasHidden()) {
      ObjectNode hidden = root.putObject("hidden");
      hidden.set("weights", matrix(w.hidden()));
      hidden.set("bias", w.bias() ? vector(w.hiddenBias()) : F.nullNode());
    } else {
      root.putNull("hidden");
    }
    ObjectNode output = root.putObject("output");
    output.set("weights", matrix(w.output()));
    output.set("bias", w.bias() ? vector(w.outputBias()) : F.nullNode());
    root.put("activation", "sigmoid");
    root.set("settings", values(m.settings()));
    root.set("metrics", values(m.metrics()));
    try {
      return (MAPPER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a model as JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a model file; {@code shown} names it in errors. A file that is not JSON, not an nnsweep model, or whose
   * arrays do not fit together is an {@link InputException} naming the file and what is wrong.
   */
  public static SavedModel read(byte[] json, String shown) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (java.io.IOException e) {
      throw new InputException(shown + ": model file is not valid JSON (" + firstLine(e.getMessage())
          + "), expected a model JSON file from an nnsweep run's models/ folder");
    }
    if (root == null || !root.isObject() || !SavedModel.FORMAT.equals(root.path("format").asText(null))) {
      throw new InputException(shown + ": not an nnsweep model, found no \"format\": \"" + SavedModel.FORMAT
          + "\", expected a model JSON file from an nnsweep run's models/ folder");
    }
    try {
      List<String> inputs = stringList(root, "inputs");
      List<String> outputs = stringList(root, "outputs");
      JsonNode scaling = need(root, "scaling");
      double[] center = vector(need(scaling, "center"), "scaling.center");
      double[] scale = vector(need(scaling, "scale"), "scaling.scale");
      JsonNode hiddenNode = need(root, "hidden");
      JsonNode outputNode = need(root, "output");
      double[][] out = matrix(need(outputNode, "weights"), "output.weights");
      boolean bias = !need(outputNode, "bias").isNull();
      int o = out.length == 0 ? 0 : out[0].length;
      double[] outBias = bias ? vector(outputNode.get("bias"), "output.bias") : new double[o];
      Weights w;
      if (hiddenNode.isNull()) {
        w = new Weights(Model.NONE, bias, new double[0][], new double[0], out, outBias);
      } else {
        double[][] hidden = matrix(need(hiddenNode, "weights"), "hidden.weights");
        int h = hidden.length == 0 ? 0 : hidden[0].length;
        double[] hiddenBias = bias ? vector(need(hiddenNode, "bias"), "hidden.bias") : new double[h];
        w = new Weights(Model.HIDDEN, bias, hidden, hiddenBias, out, outBias);
      }
      if (!"sigmoid".equals(root.path("activation").asText(null))) {
        throw new IllegalArgumentException("activation must be \"sigmoid\", found " + root.path("activation"));
      }
      return new SavedModel(root.path("study").asText(""), root.path("nnsweep_version").asText(""),
          root.path("network_id").asLong(-1), inputs, outputs, root.path("one_hot").asBoolean(false), center,
          scale, w, map(root.path("settings")), map(root.path("metrics")));
    } catch (IllegalArgumentException e) {
      throw new InputException(shown + ": damaged model file: " + e.getMessage()
          + ", expected a model JSON file from an nnsweep run's models/ folder");
    }
  }

  private static String firstLine(String s) {
    String t = String.valueOf(s);
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }

  private static JsonNode need(JsonNode node, String key) {
    JsonNode v = node.get(key);
    if (v == null) {
      throw new IllegalArgumentException("\"" + key + "\" is missing");
    }
    return v;
  }

  private static List<String> stringList(JsonNode root, String key) {
    JsonNode a = need(root, key);
    if (!a.isArray() || a.isEmpty()) {
      throw new IllegalArgumentException("\"" + key + "\" must be a non-empty array of names, found " + a);
    }
    List<String> names = new ArrayList<>();
    a.forEach(n -> {
      if (!n.isTextual()) {
        throw new IllegalArgumentException("\"" + key + "\" must hold names, found " + n);
      }
      names.add(n.asText());
    });
    return names;
  }

  private static double[] vector(JsonNode a, String key) {
    if (!a.isArray()) {
      throw new IllegalArgumentException("\"" + key + "\" must be an array of numbers, found " + a.getNodeType());
    }
    double[] v = new double[a.size()];
    for (int i = 0; i < v.length; i++) {
      if (!a.get(i).isNumber()) {
        throw new IllegalArgumentException("\"" + key + "\"[" + i + "] must be a number, found " + a.get(i));
      }
      v[i] = a.get(i).doubleValue();
    }
    return v;
  }

  private static double[][] matrix(JsonNode a, String key) {
    if (!a.isArray() || a.isEmpty()) {
      throw new IllegalArgumentException("\"" + key + "\" must be a non-empty array of rows");
    }
    double[][] m = new double[a.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = vector(a.get(i), key + "[" + i + "]");
      if (m[i].length != m[0].length) {
        throw new IllegalArgumentException("\"" + key + "\" rows must have one length, found " + m[0].length
            + " and " + m[i].length);
      }
    }
    return m;
  }

  private static ArrayNode strings(List<String> names) {
    ArrayNode a = F.arrayNode();
    names.forEach(a::add);
    return a;
  }

  private static ArrayNode vector(double[] v) {
    ArrayNode a = F.arrayNode();
    for (double x : v) {
      a.add(x);
    }
    return a;
  }

  private static ArrayNode matrix(double[][] m) {
    ArrayNode a = F.arrayNode();
    for (double[] row : m) {
      a.add(vector(row));
    }
    return a;
  }

  private static ObjectNode values(Map<String, Object> values) {
    ObjectNode o = F.objectNode();
    values.forEach((k, v) -> {
      if (v instanceof Double d) {
        if (Double.isFinite(d)) {
          o.put(k, d);
        } else {
          o.putNull(k);
        }
      } else if (v instanceof Long l) {
        o.put(k, l);
      } else if (v instanceof Boolean b) {
        o.put(k, b);
      } else {
        o.put(k, String.valueOf(v));
      }
    });
    return o;
  }

  /** Settings or metrics read back: integral numbers as Long, others as Double, null as NaN. */
  private static Map<String, Object> map(JsonNode node) {
    Map<String, Object> m = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> {
      JsonNode v = e.getValue();
      m.put(e.getKey(), v.isNull() ? (Object) Double.NaN : v.isIntegralNumber() ? (Object) v.asLong()
          : v.isNumber() ? (Object) v.doubleValue() : v.isBoolean() ? (Object) v.asBoolean() : v.asText());
    });
    return m;
  }
}
