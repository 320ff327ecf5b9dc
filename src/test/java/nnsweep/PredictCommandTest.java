package nnsweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nnsweep.model.ModelJson;
import nnsweep.model.SavedModel;
import nnsweep.nn.Model;
import nnsweep.nn.Weights;
import nnsweep.testing.InProcessJob;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code predict} on local files: columns matched by name (others ignored, any order), the exact output, and its
 * bad inputs: exit 2, one line naming the file (line, column), nothing written.
 */
class PredictCommandTest {
  @TempDir static Path tmp;
  static Path model;

  @BeforeAll
  static void model() throws IOException {
    // out = s(2 x1 - 3 x2 + 0.5) after scaling x2 by (x2 - 1) / 2
    SavedModel m = new SavedModel("s", "v", 3, List.of("x1", "x2"), List.of("y"), false, new double[] {0, 1},
        new double[] {1, 2}, new Weights(Model.NONE, true, new double[0][], new double[0],
            new double[][] {{2}, {-3}}, new double[] {0.5}), java.util.Map.of(), java.util.Map.of());
    model = Files.write(tmp.resolve("m.json"), ModelJson.write(m));
  }

  private static double s(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  @Test
  void scoresColumnsByNameIgnoringOthers() throws IOException {
    Path data = Files.writeString(tmp.resolve("d.csv"), "id,x2,note,x1\n7,1,a,0\n8,3,\"b,c\",1\n9,-1,,0.25\n");
    Path out = tmp.resolve("out");
    InProcessJob.Run run = InProcessJob.run("predict", "--model", model.toString(), "--data", data.toString(),
        "--out", out.toString());
    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().contains("nnsweep: predict: scored 3 rows with network 3 of study 's'"), run.out());
    double o0 = s(0.5);
    double o1 = s(2 - 3 + 0.5);
    double o2 = s(0.5 + 3 + 0.5);
    assertEquals("row,output_0,label\n0," + o0 + ",1\n1," + o1 + ",0\n2," + o2 + ",1\n",
        Files.readString(out.resolve("predictions.csv")));
  }

  static Stream<List<String>> badInputs() {
    return Stream.of(
        List.of("missing input column", "x1,z\n0,1\n",
            "nnsweep: error: DATA: no column 'x2' (input 2 of 2 of model MODEL), found columns x1, z, expected every"
                + " input of the model: x1, x2"),
        List.of("non-numeric cell", "x1,x2\n0,1\n1,two\n",
            "nnsweep: error: DATA:3: column 'x2': not a number, found 'two', expected a finite number"),
        List.of("empty cell", "x2,x1\n1,\n",
            "nnsweep: error: DATA:2: column 'x1': not a number, found '', expected a finite number"),
        List.of("empty data file", "",
            "nnsweep: error: DATA: empty file, expected a header row naming the columns"),
        List.of("damaged model file", "MODEL:{\"format\": \"nnsweep-model\", \"inputs\": [\"x1\"",
            "nnsweep: error: MODEL: model file is not valid JSON ("),
        List.of("foreign model file", "MODEL:{\"weights\": [1, 2]}",
            "nnsweep: error: MODEL: not an nnsweep model, found no \"format\": \"nnsweep-model\", expected a model"
                + " JSON file from an nnsweep run's models/ folder"),
        List.of("model file not found", "MODEL:",
            "nnsweep: error: MODEL: model file not found, expected a model JSON file from an nnsweep run's models/"
                + " folder"),
        List.of("data file not found", "NODATA",
            "nnsweep: error: DATA: data file not found, expected a CSV file with a header row or a Parquet file"),
        List.of("missing option", "ARGS:--model,MODEL,--data,DATA",
            "nnsweep: error: command line: predict: missing --out, expected --model FILE --data FILE --out DIR"),
        List.of("unknown option", "ARGS:--model,MODEL,--data,DATA,--out,OUT,--overwrite",
            "nnsweep: error: command line: predict: unknown option or argument '--overwrite', expected --model FILE"
                + " --data FILE --out DIR"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badInputIsOneLineExitTwoAndNothingWritten(List<String> c) throws IOException {
    Path dir = Files.createTempDirectory(tmp, "bad");
    Path data = dir.resolve("data.csv");
    Path m = model;
    String spec = c.get(1);
    if (spec.startsWith("MODEL:")) {
      m = dir.resolve("model.json");
      if (!spec.equals("MODEL:")) {
        Files.writeString(m, spec.substring("MODEL:".length()));
      }
      Files.writeString(data, "x1,x2\n0,1\n");
    } else if (!spec.equals("NODATA") && !spec.startsWith("ARGS:")) {
      Files.writeString(data, spec);
    }
    Path out = dir.resolve("out");
    List<String> args = spec.startsWith("ARGS:")
        ? Stream.concat(Stream.of("predict"), Stream.of(spec.substring(5).split(","))
            .map(a -> a.replace("MODEL", model.toString()).replace("DATA", data.toString())
                .replace("OUT", out.toString()))).toList()
        : List.of("predict", "--model", m.toString(), "--data", data.toString(), "--out", out.toString());
    InProcessJob.Run run = InProcessJob.run(args.toArray(String[]::new));
    assertEquals(2, run.status(), run.out() + run.err());
    String expected = c.get(2).replace("DATA", data.toString()).replace("MODEL", m.toString());
    assertTrue(run.err().startsWith(expected), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertFalse(Files.exists(out), "nothing written");
  }
}
