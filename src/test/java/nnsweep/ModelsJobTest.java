package nnsweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nnsweep.data.CsvDatasetReader;
import nnsweep.data.Dataset;
import nnsweep.data.Scaling;
import nnsweep.data.Splits;
import nnsweep.fs.Storage;
import nnsweep.grid.Grid;
import nnsweep.grid.IdRange;
import nnsweep.grid.TaskPlan;
import nnsweep.nn.Model;
import nnsweep.run.Problem;
import nnsweep.run.Problems;
import nnsweep.run.RangeTrainer;
import nnsweep.state.RunState;
import nnsweep.study.DatasetSpec;
import nnsweep.study.Study;
import nnsweep.study.StudyLoader;
import nnsweep.testing.Csv;
import nnsweep.testing.InProcessJob;
import nnsweep.testing.Studies;
import nnsweep.testing.StudyText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code models/} end to end on Spark (local[2]): for a grid (lockstep networks on truth tables, matrix-product
 * networks on a real-size dataset with a test split), a k-fold study and a halving study, the saved networks are the
 * ones the rule names (recomputed here from results.csv), their JSON weights reproduce results.csv's final_error
 * from the raw CSV rows, and the JSON (read with a plain JSON parser, forward pass written here), the ONNX file (run
 * by onnxruntime) and {@code predict} agree. Plus keep-models = cells and none.
 */
@ExtendWith(InProcessJob.class)
class ModelsJobTest {
  @TempDir static Path tmp;
  static Path wideCsv;
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void data() throws IOException {
    Dataset wide = Studies.wide();
    StringBuilder b = new StringBuilder(String.join(",", wide.inputNames()) + "," + String.join(",",
        wide.targetNames()) + "\n");
    for (int i = 0; i < wide.rows(); i++) {
      List<String> cells = new ArrayList<>();
      Arrays.stream(wide.inputs()[i]).forEach(v -> cells.add(Double.toString(v)));
      Arrays.stream(wide.targets()[i]).forEach(v -> cells.add(Integer.toString((int) v)));
      b.append(String.join(",", cells)).append('\n');
    }
    wideCsv = Files.writeString(tmp.resolve("wide.csv"), b.toString());
  }

  /** xor and the full adder, no hidden layer and hidden sizes, two rates, 300 epochs, three seeds. */
  private static StudyText truthTables(String name, int... sizes) {
    return StudyText.study(name).dataset("xor", "data/xor.csv", 1).dataset("full-adder", "data/full-adder.csv", 2)
        .models(Model.NONE, Model.HIDDEN).hiddenSizes(sizes).learningRates(0.5, 2.0).epochs(300).seedRange(0, 3);
  }

  private static Path run(Path conf, String out, String... extra) {
    List<String> args = new ArrayList<>(List.of("--config", conf.toString(), "--out", tmp.resolve(out).toString()));
    args.addAll(List.of(extra));
    InProcessJob.Run run = InProcessJob.run(args.toArray(String[]::new));
    assertEquals(0, run.status(), run.out() + run.err());
    return tmp.resolve(out);
  }

  @Test
  void gridOfLockstepAndMatrixProductNetworksSavesTheRulesWinnersExactly() throws Exception {
    Path conf = truthTables("grid", 2, 8)
        .dataset(StudyText.data("wide", wideCsv.toString(), 3).testFraction(0.25).scale(Scaling.MINMAX))
        .bias(false, true).curvePoints(0).writeIn(tmp);
    Path out = run(conf, "grid");
    JsonNode kernels = JSON.readTree(out.resolve("run.json").toFile()).path("run").path("kernels");
    assertTrue(kernels.has("GEMM") && kernels.has("LOCKSTEP"), kernels.toString());
    checkModels(conf, out, false, List.of());
    assertEquals(3, Csv.read(out.resolve("models/index.csv")).rows().size());

    // keep-models = cells: the best network of every summary row; none: no folder
    Path cells = run(conf, "cells", "--set", "keep-models=cells");
    assertEquals(Csv.read(cells.resolve("summary.csv")).rows().size(),
        Csv.read(cells.resolve("models/index.csv")).rows().size());
    checkModels(conf, cells, false, List.of("keep-models=cells"));
    Path none = run(conf, "none", "--set", "keep-models=none");
    assertFalse(Files.exists(none.resolve("models")));
    assertTrue(Files.exists(none.resolve("results.csv")));
  }

  @Test
  void aResumeWithEveryNetworkCommittedAggregatesThePartsAndSavesTheSameModels() throws Exception {
    Path conf = truthTables("committed", 2, 3).keepModels(Study.KeepModels.CELLS).writeIn(tmp);
    Path whole = run(conf, "committed-whole");
    // a run that died once its last part was committed: the resume trains nothing, folds the committed parts into
    // their cells here and trains the kept networks again from their cells' scores
    Path crashed = tmp.resolve("committed-crashed");
    Study study = StudyLoader.load(conf, List.of());
    List<Problem> problems = Problems.load(study);
    Grid grid = Grid.expand(study, Problems.datasets(problems));
    RunState state = RunState.open(crashed, RunState.Mode.NEW, study, problems);
    for (IdRange r : TaskPlan.plan(grid, List.of(new IdRange(0, grid.size())), 4, 2)) {
      state.commit(r, new RangeTrainer(grid, problems, true).train(r));
    }
    run(conf, "committed-crashed", "--resume");
    List<Path> files;
    try (var walk = Files.walk(whole)) {
      files = walk.filter(Files::isRegularFile).map(whole::relativize)
          .filter(f -> !f.startsWith(".nnsweep") && !f.toString().equals("run.json")).sorted().toList();
    }
    assertTrue(files.contains(Path.of("models/index.csv")) && files.size() > 10, files.toString());
    for (Path f : files) {
      if (f.toString().equals("results.csv")) {
        assertEquals(Csv.rowsWithoutTrainMs(whole.resolve(f)), Csv.rowsWithoutTrainMs(crashed.resolve(f)));
      } else {
        assertEquals(Files.readString(whole.resolve(f), java.nio.charset.StandardCharsets.ISO_8859_1),
            Files.readString(crashed.resolve(f), java.nio.charset.StandardCharsets.ISO_8859_1), f.toString());
      }
    }
  }

  @Test
  void foldsAndHalvingSaveTheirWinnersExactly() throws Exception {
    Path folds = StudyText.study("folds")
        .dataset(StudyText.data("iris", "data/iris.csv", 3).folds(3).scale(Scaling.STANDARD))
        .models(Model.HIDDEN).hiddenSizes(2, 3).learningRates(0.01, 0.05).epochs(100).bias(true).seedRange(0, 2)
        .init("xavier").curvePoints(0).writeIn(tmp);
    checkModels(folds, run(folds, "folds"), false, List.of());

    Path halving = StudyText.study("halving").dataset("full-adder", "data/full-adder.csv", 2)
        .dataset(StudyText.data("wide", wideCsv.toString(), 3).testFraction(0.25).scale(Scaling.STANDARD))
        .models(Model.HIDDEN).hiddenSizes(1, 2, 8).learningRates(0.3, 1.0, 3.0).epochs(900).bias(true)
        .seedRange(0, 3).curvePoints(0).halving(3, 100).writeIn(tmp);
    checkModels(halving, run(halving, "halving"), true, List.of());
  }

  /** Every saved model of the run in {@code out} against the rule, results.csv, ONNX and predict. */
  private static void checkModels(Path conf, Path out, boolean halving, List<String> sets) throws Exception {
    Study study = StudyLoader.load(Storage.local(), conf.toString(), sets);
    Csv.Table index = Csv.read(out.resolve("models/index.csv"));
    assertEquals("dataset,network_id,model,hidden,learning_rate,epochs,bias,seed,init,score,json,onnx",
        Files.readAllLines(out.resolve("models/index.csv")).get(0));
    Map<String, Map<String, String>> results = new LinkedHashMap<>();
    Csv.read(out.resolve("results.csv")).rows().forEach(r -> results.put(r.get("network_id"), r));
    String keep = study.keepModels().configName();
    assertEquals(expectedIds(results.values(), keep, halving), index.rows().stream()
        .map(r -> Long.parseLong(r.get("network_id"))).sorted().toList(), "the networks the rule names");
    for (Map<String, String> row : index.rows()) {
      Map<String, String> result = results.get(row.get("network_id"));
      for (String col : List.of("dataset", "model", "hidden", "learning_rate", "epochs", "bias", "seed", "init")) {
        assertEquals(result.get(col), row.get(col), col);
      }
      assertEquals(score(result), Double.parseDouble(row.get("score")));
      JsonNode model = JSON.readTree(out.resolve("models").resolve(row.get("json")).toFile());
      DatasetSpec spec = study.datasets().stream().filter(d -> d.name().equals(row.get("dataset"))).findFirst()
          .orElseThrow();
      Dataset all = CsvDatasetReader.read(spec.name(), Path.of(spec.path()), spec.outputs());
      assertEquals(all.inputNames(), names(model.get("inputs")));
      assertEquals(all.targetNames(), names(model.get("outputs")));
      int fold = Integer.parseInt(result.get("fold").isEmpty() ? "-1" : result.get("fold"));
      Dataset train = fold >= 0 ? Splits.folds(all, spec.folds(), spec.splitSeed()).get(fold).train()
          : Splits.split(all, spec.testFraction(), spec.splitSeed()).train();
      // the JSON's weights reproduce final_error on the raw training rows
      double[][] o = forward(model, train.inputs());
      double e = 0;
      for (int i = 0; i < o.length; i++) {
        for (int k = 0; k < o[i].length; k++) {
          e += 0.5 * (o[i][k] - train.targets()[i][k]) * (o[i][k] - train.targets()[i][k]);
        }
      }
      double finalError = Double.parseDouble(result.get("final_error"));
      assertEquals(finalError, e, 1e-12 * finalError + 1e-300, "final_error of " + row);
      // ONNX and predict agree with the JSON on every row of the file
      double[][] expected = forward(model, all.inputs());
      double[][] onnx = onnx(out.resolve("models").resolve(row.get("onnx")), all.inputs());
      Path predicted = tmp.resolve("predict-" + out.getFileName() + "-" + row.get("network_id"));
      InProcessJob.Run p = InProcessJob.run("predict", "--model",
          out.resolve("models").resolve(row.get("json")).toString(), "--data", spec.path(), "--out",
          predicted.toString());
      assertEquals(0, p.status(), p.err());
      List<Map<String, String>> lines = Csv.read(predicted.resolve("predictions.csv")).rows();
      assertEquals(all.rows(), lines.size());
      for (int i = 0; i < all.rows(); i++) {
        for (int k = 0; k < expected[i].length; k++) {
          assertEquals(expected[i][k], onnx[i][k], 1e-12, "onnx row " + i);
          assertEquals(expected[i][k], Double.parseDouble(lines.get(i).get("output_" + k)), 1e-12, "predict");
        }
        assertEquals(Integer.toString(i), lines.get(i).get("row"));
        assertEquals(label(expected[i], model.get("one_hot").asBoolean()), lines.get(i).get("label"));
      }
    }
  }

  /** The rule, from results.csv alone: per dataset the best cell by median score (halving: at its top rung). */
  static List<Long> expectedIds(java.util.Collection<Map<String, String>> rows, String keep, boolean halving) {
    Map<String, List<Map<String, String>>> cells = new TreeMap<>();
    for (Map<String, String> r : rows) {
      String cell = String.join("|", r.get("dataset"), r.get("model"), r.get("hidden"), r.get("bias"),
          r.get("learning_rate"), r.get("epochs"), r.get("init"));
      cells.computeIfAbsent(cell, k -> new ArrayList<>()).add(r);
    }
    Comparator<Map<String, String>> byScore = Comparator.comparingDouble(ModelsJobTest::score)
        .thenComparingLong(r -> Long.parseLong(r.get("network_id")));
    List<Long> ids = new ArrayList<>();
    if (keep.equals("cells")) {
      cells.values().forEach(c -> ids.add(Long.parseLong(c.stream().min(byScore).orElseThrow().get("network_id"))));
    } else {
      Map<String, List<List<Map<String, String>>>> byDataset = new TreeMap<>();
      cells.values().forEach(c -> byDataset.computeIfAbsent(c.get(0).get("dataset"), k -> new ArrayList<>()).add(c));
      for (List<List<Map<String, String>>> dataset : byDataset.values()) {
        int top = halving ? dataset.stream().mapToInt(c -> Integer.parseInt(c.get(0).get("rung"))).max().orElseThrow()
            : 0;
        List<Map<String, String>> best = dataset.stream()
            .filter(c -> !halving || Integer.parseInt(c.get(0).get("rung")) == top)
            .min(Comparator.comparingDouble(ModelsJobTest::median).thenComparingLong(c -> c.stream()
                .mapToLong(r -> Long.parseLong(r.get("network_id"))).min().orElseThrow()))
            .orElseThrow();
        ids.add(Long.parseLong(best.stream().min(byScore).orElseThrow().get("network_id")));
      }
    }
    ids.sort(null);
    return ids;
  }

  /** A network's score: test error with a test split, else final error; diverged: +infinity. */
  static double score(Map<String, String> r) {
    String test = r.get("test_error");
    double s = test.isEmpty() ? Double.parseDouble(r.get("final_error")) : Double.parseDouble(test);
    return r.get("diverged").equals("true") || !Double.isFinite(s) ? Double.POSITIVE_INFINITY : s;
  }

  private static double median(List<Map<String, String>> cell) {
    double[] s = cell.stream().mapToDouble(ModelsJobTest::score).sorted().toArray();
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : s[n / 2 - 1] / 2 + s[n / 2] / 2;
  }

  private static List<String> names(JsonNode a) {
    List<String> names = new ArrayList<>();
    a.forEach(n -> names.add(n.asText()));
    return names;
  }

  private static double[] vector(JsonNode a) {
    double[] v = new double[a.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = a.get(i).doubleValue();
    }
    return v;
  }

  /** The model read as a user would: (x - center) / scale, then sigmoid(x W + b) per layer. */
  static double[][] forward(JsonNode m, double[][] raw) {
    double[] center = vector(m.path("scaling").get("center"));
    double[] scale = vector(m.path("scaling").get("scale"));
    double[][] x = new double[raw.length][];
    for (int i = 0; i < raw.length; i++) {
      x[i] = new double[raw[i].length];
      for (int j = 0; j < raw[i].length; j++) {
        x[i][j] = (raw[i][j] - center[j]) / scale[j];
      }
    }
    if (!m.get("hidden").isNull()) {
      x = layer(x, m.get("hidden"));
    }
    return layer(x, m.get("output"));
  }

  private static double[][] layer(double[][] x, JsonNode layer) {
    JsonNode w = layer.get("weights");
    int out = w.get(0).size();
    double[] b = layer.get("bias").isNull() ? new double[out] : vector(layer.get("bias"));
    double[][] y = new double[x.length][out];
    for (int i = 0; i < x.length; i++) {
      for (int k = 0; k < out; k++) {
        double z = b[k];
        for (int j = 0; j < x[i].length; j++) {
          z += x[i][j] * w.get(j).get(k).doubleValue();
        }
        y[i][k] = 1 / (1 + Math.exp(-z));
      }
    }
    return y;
  }

  static double[][] onnx(Path file, double[][] rows) throws Exception {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession session = env.createSession(file.toString(), new OrtSession.SessionOptions());
        OnnxTensor x = OnnxTensor.createTensor(env, rows);
        OrtSession.Result result = session.run(Map.of("x", x))) {
      return (double[][]) result.get(0).getValue();
    }
  }

  private static String label(double[] o, boolean oneHot) {
    if (o.length == 1) {
      return o[0] >= 0.5 ? "1" : "0";
    }
    if (oneHot) {
      int best = 0;
      for (int k = 1; k < o.length; k++) {
        best = o[k] > o[best] ? k : best;
      }
      return Integer.toString(best);
    }
    List<String> bits = new ArrayList<>();
    for (double v : o) {
      bits.add(v >= 0.5 ? "1" : "0");
    }
    return String.join(";", bits);
  }
}
