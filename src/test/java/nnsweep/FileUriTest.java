package nnsweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nnsweep.nn.Model;
import nnsweep.testing.InProcessJob;
import nnsweep.testing.Outputs;
import nnsweep.testing.StudyText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** file:// URIs for the study, its datasets and --out give the same files as plain paths. */
@ExtendWith(InProcessJob.class)
class FileUriTest {
  @TempDir Path tmp;

  @Test
  void fileUrisGiveTheSameResultsAsPlainPaths() throws IOException {
    String data = Path.of("data/xor.csv").toAbsolutePath().toUri().toString();
    Path conf = StudyText.study("xor").dataset(StudyText.data("xor", data, 1).queries(new double[] {1, 1}))
        .models(Model.HIDDEN).hiddenSizes(2, 3).epochs(500).bias(false, true).seeds(0, 1).curvePoints(5)
        .learningRates(0.5).writeIn(tmp);
    Path plain = tmp.resolve("plain");
    var a = InProcessJob.run("--config", conf.toString(), "--out", plain.toString(), "--set",
        "datasets=[{ name = xor, path = \"data/xor.csv\", outputs = 1, queries = [[1, 1]] }]");
    assertEquals(0, a.status(), a.err());
    Path uri = tmp.resolve("uri");
    var b = InProcessJob.run("--config", conf.toUri().toString(), "--out", uri.toUri().toString());
    assertEquals(0, b.status(), b.err());
    assertTrue(Files.isRegularFile(uri.resolve("report.html")));
    assertTrue(Files.isRegularFile(uri.resolve(".nnsweep/complete")));
    assertEquals(Outputs.read(plain), Outputs.read(uri));
    assertTrue(Outputs.read(uri).keySet().containsAll(
        java.util.List.of("results.csv", "predictions.csv", "curves.csv", "summary.csv")), "per-network files");
  }
}
