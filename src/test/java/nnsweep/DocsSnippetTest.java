package nnsweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nnsweep.model.ModelJson;
import nnsweep.model.SavedModel;
import nnsweep.nn.Model;
import nnsweep.nn.Weights;
import nnsweep.testing.Csv;
import nnsweep.testing.InProcessJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/models.md's numpy snippet, run as written (python3 with numpy; skipped on a machine without them) on a saved
 * model with a hidden layer and one-hot outputs: its outputs and labels are {@code predict}'s.
 */
class DocsSnippetTest {
  @TempDir Path tmp;

  private static boolean pythonWithNumpy() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  void numpySnippetReproducesPredict() throws Exception {
    assumeTrue(pythonWithNumpy(), "python3 with numpy");
    String doc = Files.readString(Path.of("docs/models.md"));
    int from = doc.indexOf("# docs-snippet: numpy");
    int to = doc.indexOf("# docs-snippet-end");
    String snippet = doc.substring(from, to);

    SavedModel m = new SavedModel("s", "v", 5, List.of("a", "b"), List.of("p", "q", "r"), true,
        new double[] {1, -2}, new double[] {0.5, 3}, new Weights(Model.HIDDEN, true,
            new double[][] {{1.5, -2, 0.25}, {0.5, 1, -3}}, new double[] {0.1, -0.2, 0.3},
            new double[][] {{2, -1, 0.5}, {-1.5, 2, 1}, {0.25, -0.5, 2}}, new double[] {-0.3, 0.2, 0.1}),
        Map.of(), Map.of());
    Path model = Files.write(tmp.resolve("m.json"), ModelJson.write(m));
    StringBuilder csv = new StringBuilder("b,other,a\n");
    for (int i = 0; i < 40; i++) {
      csv.append((i % 7) * 0.75 - 2).append(",x,").append((i % 5) * 1.25 - 1).append('\n');
    }
    Path data = Files.writeString(tmp.resolve("d.csv"), csv.toString());
    InProcessJob.Run run = InProcessJob.run("predict", "--model", model.toString(), "--data", data.toString(),
        "--out", tmp.resolve("out").toString());
    assertEquals(0, run.status(), run.err());

    Path script = Files.writeString(tmp.resolve("snippet.py"), "MODEL_JSON = " + quote(model) + "\nDATA_CSV = "
        + quote(data) + "\n" + snippet + "\nfor o, l in zip(outputs, labels):\n"
        + "    print(' '.join(repr(float(v)) for v in o), l)\n");
    Process p = new ProcessBuilder("python3", script.toString()).redirectErrorStream(true).start();
    String printed = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), printed);
    List<String> lines = printed.lines().toList();
    List<Map<String, String>> predicted = Csv.read(tmp.resolve("out/predictions.csv")).rows();
    assertEquals(predicted.size(), lines.size(), printed);
    for (int i = 0; i < lines.size(); i++) {
      String[] f = lines.get(i).split(" ");
      for (int k = 0; k < 3; k++) {
        assertEquals(Double.parseDouble(predicted.get(i).get("output_" + k)), Double.parseDouble(f[k]), 1e-12);
      }
      assertEquals(predicted.get(i).get("label"), f[3]);
    }
  }

  private static String quote(Path p) {
    return "'" + p.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
