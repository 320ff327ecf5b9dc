package nnsweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nnsweep.model.ModelJson;
import nnsweep.model.SavedModel;
import nnsweep.nn.Model;
import nnsweep.nn.Weights;
import nnsweep.testing.InProcessJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code predict} through Spark on local[2] (Parquet input, src/test/resources/predict, written with pyarrow): the
 * same predictions.csv as the streamed CSV path, byte for byte, and a bad cell named by its row.
 */
@ExtendWith(InProcessJob.class)
class PredictSparkTest {
  @TempDir Path tmp;

  @Test
  void parquetGoesThroughSparkAndGivesTheCsvPathsFile() throws Exception {
    SavedModel m = new SavedModel("s", "v", 1, List.of("x1", "x2"), List.of("p", "q"), false, new double[] {0.5, 0},
        new double[] {2, 1}, new Weights(Model.HIDDEN, true, new double[][] {{3, -2}, {1.5, 4}},
            new double[] {0.5, -1}, new double[][] {{2, -3}, {-1, 2.5}}, new double[] {0.25, -0.5}), Map.of(),
        Map.of());
    Path model = Files.write(tmp.resolve("m.json"), ModelJson.write(m));
    Path csv = Files.writeString(tmp.resolve("xor.csv"), "x1,x2,xor\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n");
    InProcessJob.Run local = InProcessJob.run("predict", "--model", model.toString(), "--data", csv.toString(),
        "--out", tmp.resolve("csv").toString());
    assertEquals(0, local.status(), local.err());
    InProcessJob.Run spark = InProcessJob.run("predict", "--model", model.toString(), "--data",
        "src/test/resources/predict/xor.parquet", "--out", tmp.resolve("parquet").toString());
    assertEquals(0, spark.status(), spark.err());
    assertEquals(Files.readString(tmp.resolve("csv/predictions.csv")),
        Files.readString(tmp.resolve("parquet/predictions.csv")));
    assertEquals(5, Files.readAllLines(tmp.resolve("parquet/predictions.csv")).size());

    InProcessJob.Run bad = InProcessJob.run("predict", "--model", model.toString(), "--data",
        "src/test/resources/predict/bad.parquet", "--out", tmp.resolve("bad").toString());
    assertEquals(2, bad.status(), bad.err());
    assertEquals("nnsweep: error: src/test/resources/predict/bad.parquet: row 1: column 'x2': not a number, found"
        + " 'two', expected a finite number", bad.err().lines().filter(l -> l.startsWith("nnsweep:")).findFirst()
        .orElse(bad.err()));
    assertFalse(Files.exists(tmp.resolve("bad")), "nothing written");
  }
}
