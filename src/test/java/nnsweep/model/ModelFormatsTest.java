package nnsweep.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import nnsweep.errors.InputException;
import nnsweep.nn.Model;
import nnsweep.nn.Weights;
import org.junit.jupiter.api.Test;

/** The JSON and ONNX encodings of a saved model: exact round trip, onnxruntime's outputs, damaged files. */
class ModelFormatsTest {
  private static final SplittableRandom RANDOM = new SplittableRandom(7);

  private static double[][] random(int rows, int cols, double scale) {
    double[][] m = new double[rows][cols];
    for (double[] row : m) {
      for (int j = 0; j < cols; j++) {
        row[j] = RANDOM.nextGaussian() * scale;
      }
    }
    return m;
  }

  /** A model with 5 inputs, 4 hidden units (or none) and 3 outputs, awkward doubles included. */
  static SavedModel model(boolean hidden, boolean bias) {
    int in = 5;
    int h = 4;
    int out = 3;
    double[][] wh = random(in, h, 2);
    wh[0][0] = 1e-300;
    wh[1][1] = -0.0;
    wh[2][2] = 0.1 + 0.2;
    Weights w = hidden
        ? new Weights(Model.HIDDEN, bias, wh, bias ? random(1, h, 1)[0] : new double[h], random(h, out, 3),
            bias ? random(1, out, 1)[0] : new double[out])
        : new Weights(Model.NONE, bias, new double[0][], new double[0], random(in, out, 3),
            bias ? random(1, out, 1)[0] : new double[out]);
    return new SavedModel("test", "0.1.0", 42, List.of("a", "b", "c", "d", "e"), List.of("p", "q", "r"), true,
        new double[] {0, 1.5, -2, 1e-3, 7}, new double[] {1, 0.25, 3, Double.MAX_VALUE, 1 / 3.0},
        w, Map.of("model", hidden ? "hidden" : "none", "hidden", (long) (hidden ? h : 0), "learning_rate", 0.5),
        Map.of("final_error", 0.125, "test_error", Double.NaN, "diverged", false));
  }

  @Test
  void jsonRoundTripsEveryDoubleExactly() {
    for (boolean hidden : new boolean[] {false, true}) {
      for (boolean bias : new boolean[] {false, true}) {
        SavedModel m = model(hidden, bias);
        SavedModel back = ModelJson.read(ModelJson.write(m), "m.json");
        assertEquals(m, back, "hidden " + hidden + ", bias " + bias);
        // -0.0 and 1e-300 keep their bits
        if (hidden) {
          assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.weights().hidden()[1][1]));
          assertEquals(1e-300, back.weights().hidden()[0][0]);
        }
      }
    }
    String text = new String(ModelJson.write(model(true, false)), StandardCharsets.UTF_8);
    assertTrue(text.contains("\"bias\" : null"), text);
    assertTrue(text.contains("\"activation\" : \"sigmoid\""), text);
    assertTrue(text.contains("\"test_error\" : null"), text);
  }

  @Test
  void onnxRuntimeComputesWhatTheForwardPassDoes() throws Exception {
    double[][] rows = random(50, 5, 3);
    rows[0] = new double[] {0, 1.5, -2, 1e-3, 7}; // the centers: every scaled input 0
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    for (boolean hidden : new boolean[] {false, true}) {
      for (boolean bias : new boolean[] {false, true}) {
        SavedModel m = model(hidden, bias);
        double[][] expected = m.outputs(rows);
        try (OrtSession s = env.createSession(Onnx.write(m), new OrtSession.SessionOptions());
            OnnxTensor x = OnnxTensor.createTensor(env, rows);
            OrtSession.Result r = s.run(Map.of("x", x))) {
          assertEquals(List.of("x"), List.copyOf(s.getInputNames()));
          double[][] got = (double[][]) r.get(0).getValue();
          for (int i = 0; i < rows.length; i++) {
            assertArrayEquals(expected[i], got[i], 1e-12, "row " + i + ", hidden " + hidden + ", bias " + bias);
          }
        }
      }
    }
  }

  @Test
  void damagedAndForeignFilesAreOneLineErrors() {
    byte[] good = ModelJson.write(model(true, true));
    String text = new String(good, StandardCharsets.UTF_8);
    assertEquals("m.json: model file is not valid JSON", message(text.substring(0, text.length() / 2))
        .replaceAll(" \\(.*", ""));
    assertEquals("m.json: not an nnsweep model, found no \"format\": \"nnsweep-model\", expected a model JSON file"
        + " from an nnsweep run's models/ folder", message("{\"inputs\": [\"a\"]}"));
    assertEquals("m.json: damaged model file: output must have 4 rows (one per hidden unit), found 3, expected a"
        + " model JSON file from an nnsweep run's models/ folder",
        message(text.replaceFirst("(\"output\" : \\{\\s*\"weights\" : \\[\\s*)\\[[^\\]]*\\],", "$1")));
    assertEquals("m.json: damaged model file: \"scaling\" is missing, expected a model JSON file from an nnsweep"
        + " run's models/ folder", message(text.replace("\"scaling\"", "\"scalings\"")));
    assertTrue(message(text.replaceFirst("\\[ \"a\"", "[ 1")).startsWith("m.json: damaged model file: \"inputs\""));
  }

  private static String message(String json) {
    return assertThrows(InputException.class, () -> ModelJson.read(json.getBytes(StandardCharsets.UTF_8),
        "m.json")).getMessage();
  }

  @Test
  void labelsAreArgmaxForOneHotThresholdsOtherwise() {
    SavedModel m = model(true, true);
    assertEquals("1", m.label(new double[] {0.2, 0.7, 0.6}));
    SavedModel multi = new SavedModel("t", "v", 1, m.inputs(), m.outputs(), false, m.center(), m.scale(),
        m.weights(), Map.of(), Map.of());
    assertEquals("0;1;1", multi.label(new double[] {0.2, 0.7, 0.5}));
    assertEquals("1", multi.label(new double[] {0.5}));
    assertEquals("0", multi.label(new double[] {0.49}));
  }
}
