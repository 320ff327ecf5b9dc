package nnsweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nnsweep.data.Dataset;
import nnsweep.data.Scaling;
import nnsweep.grid.Grid;
import nnsweep.grid.NetworkSpec;
import nnsweep.nn.BreezeTrainer;
import nnsweep.nn.Kernel;
import nnsweep.nn.Model;
import nnsweep.nn.Network;
import nnsweep.nn.TrainingOptions;
import nnsweep.nn.Weights;
import nnsweep.run.NetworkRun;
import nnsweep.run.Problem;
import nnsweep.run.Problems;
import nnsweep.run.TrainingResult;
import nnsweep.study.Study;
import nnsweep.study.StudyLoader;
import nnsweep.testing.Csv;
import nnsweep.testing.InProcessJob;
import nnsweep.testing.StudyText;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.PrimitiveType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Early stopping end to end on Spark (local[2]): iris with a validation split and a learning rate large enough to
 * overfit. results.csv's best_epoch is checked against a recomputation (each network retrained to every checkpoint
 * with its kernel, exactly, and with the Breeze reference trainer, within its tolerance), the saved model holds the
 * kept weights, the tables are the same on local[1] with one partition, and Parquet results carry best_epoch.
 */
@ExtendWith(InProcessJob.class)
class EarlyStoppingJobTest {
  @TempDir static Path tmp;
  static Path conf;
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void study() throws IOException {
    conf = StudyText.study("early-stopping-test")
        .dataset(StudyText.data("iris", "data/iris.csv", 3).testFraction(0.25).validationFraction(0.2)
            .scale(Scaling.STANDARD))
        .models(Model.HIDDEN).hiddenSizes(6).learningRates(0.02, 0.6).epochs(800).bias(true).seedRange(0, 3)
        .init("xavier").curvePoints(6).keepModels(Study.KeepModels.CELLS).earlyStopping(16, 0).writeIn(tmp);
  }

  private static InProcessJob.Run main(Path out, String... extra) {
    return InProcessJob.run(conf, Stream.concat(Stream.of("--out", out.toString()), Stream.of(extra))
        .toArray(String[]::new));
  }

  private static Path csvRun;

  /** The CSV run on local[2] with 3 partitions (once for the class). */
  private static synchronized Path csvRun() {
    if (csvRun == null) {
      Path out = tmp.resolve("out");
      InProcessJob.Run run = main(out, "--set", "partitions=3");
      assertEquals(0, run.status(), run.err());
      csvRun = out;
    }
    return csvRun;
  }

  @Test
  void parquetResultsCarryBestEpoch() throws IOException {
    Path out = tmp.resolve("parquet");
    InProcessJob.Run run = main(out, "--set", "tables=parquet", "--set", "partitions=2");
    assertEquals(0, run.status(), run.err());
    Map<String, String> expected = new java.util.TreeMap<>();
    Csv.read(csvRun().resolve("results.csv")).rows().forEach(r -> expected.put(r.get("network_id"),
        r.get("best_epoch") + " " + r.get("validation_error")));
    Map<String, String> actual = new java.util.TreeMap<>();
    try (Stream<Path> files = Files.list(out.resolve("results"))) {
      for (Path part : files.filter(f -> f.getFileName().toString().endsWith(".parquet")).toList()) {
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
            new org.apache.hadoop.fs.Path(part.toUri())).withConf(new Configuration()).build()) {
          for (Group g = reader.read(); g != null; g = reader.read()) {
            assertEquals(PrimitiveType.PrimitiveTypeName.INT32,
                g.getType().getType("best_epoch").asPrimitiveType().getPrimitiveTypeName());
            actual.put(Long.toString(g.getLong("network_id", 0)), g.getInteger("best_epoch", 0) + " "
                + g.getDouble("validation_error", 0));
          }
        }
      }
    }
    assertEquals(expected, actual);
  }

  @Test
  void bestEpochIsTheCheckpointOfLowestValidationErrorAndTheModelsKeepItsWeights() throws Exception {
    Path out = csvRun();
    assertEquals("network_id,dataset,model,hidden,rules,inputs,outputs,weights,bias,learning_rate,epochs,seed,init,"
        + "final_error,error_before_last_update,mse,accuracy,diverged,test_error,test_accuracy,class_accuracy,"
        + "test_class_accuracy,epochs_run,epochs_to_target,plateau,train_ms,rung,fold,validation_error,"
        + "validation_accuracy,validation_class_accuracy,best_epoch",
        Files.readAllLines(out.resolve("results.csv")).get(0));
    Study study = StudyLoader.load(conf, List.of());
    List<Problem> problems = Problems.load(study);
    Grid grid = Grid.expand(study, Problems.datasets(problems));
    NetworkRun.Prepared prepared = NetworkRun.prepare(problems.get(0));
    Dataset validation = problems.get(0).validation();
    int[] checkpoints = study.earlyStopping().checkpoints(800);
    List<Map<String, String>> rows = Csv.read(out.resolve("results.csv")).rows();
    assertEquals(6, rows.size());
    int earlier = 0;
    for (Map<String, String> row : rows) {
      NetworkSpec spec = grid.spec(Long.parseLong(row.get("network_id")));
      assertEquals(Kernel.GEMM, grid.kernel(spec.id()), "iris networks train in matrix-product groups");
      int best = Integer.parseInt(row.get("best_epoch"));
      assertEquals("800", row.get("epochs_run"), "patience 0 trains the whole budget");
      // recomputed: the network retrained to each checkpoint with its kernel (in its group), from its initial
      // weights in one go (no chunks), and its validation error measured with this test's own forward pass
      double[] errors = new double[checkpoints.length + 1];
      errors[0] = validationError(spec.initialWeights(), validation);
      TrainingResult atBest = null;
      for (int c = 0; c < checkpoints.length; c++) {
        TrainingResult r = retrained(grid, prepared, spec.id(), checkpoints[c]);
        errors[c + 1] = validationError(r.finalWeights(), validation);
        atBest = checkpoints[c] == best ? r : atBest;
      }
      int argmin = 0;
      for (int c = 1; c < errors.length; c++) {
        argmin = errors[c] < errors[argmin] ? c : argmin; // ties: the earlier checkpoint
      }
      assertEquals(argmin == 0 ? 0 : checkpoints[argmin - 1], best, "network " + spec.id());
      double reported = Double.parseDouble(row.get("validation_error"));
      assertEquals(errors[argmin], reported, 1e-12 * reported, "network " + spec.id());
      if (best > 0) {
        // every reported metric is the kept weights', bit for bit
        assertEquals(Double.toString(atBest.finalError()), row.get("final_error"));
        assertEquals(Double.toString(atBest.validationError()), row.get("validation_error"));
        assertEquals(Double.toString(atBest.testError()), row.get("test_error"));
        assertEquals(Double.toString(atBest.accuracy()), row.get("accuracy"));
        assertEquals(Double.toString(atBest.errorBeforeLastUpdate()), row.get("error_before_last_update"));
      }
      earlier += best < 800 ? 1 : 0;
      if (spec.learningRate() < 0.1) {
        // the Breeze reference trainer (its own sums and sigmoid), continued from checkpoint to checkpoint, agrees at
        // the small rate at every checkpoint (at 0.6 the trajectories drift apart after a few hundred updates, as
        // float sums in another order do on a chaotic path)
        double[] reference = breezeValidationErrors(spec, prepared, validation, checkpoints);
        for (int c = 0; c < errors.length; c++) {
          assertEquals(reference[c], errors[c], 1e-9 * reference[c], "network " + spec.id() + " check " + c);
        }
      }
    }
    assertTrue(earlier > 0, "the large rate overfits: some network keeps an earlier checkpoint");
    // the saved models (the best network of each cell) hold the kept weights: their validation error is the row's
    Csv.Table index = Csv.read(out.resolve("models/index.csv"));
    assertEquals(2, index.rows().size());
    for (Map<String, String> model : index.rows()) {
      JsonNode json = JSON.readTree(out.resolve("models").resolve(model.get("json")).toFile());
      Map<String, String> row = rows.stream().filter(r -> r.get("network_id").equals(model.get("network_id")))
          .findFirst().orElseThrow();
      assertEquals(Long.parseLong(row.get("best_epoch")), json.path("metrics").path("best_epoch").asLong());
      double e = validationError(weights(json), validation);
      assertEquals(Double.parseDouble(row.get("validation_error")), e, 1e-12 * e);
    }
  }

  @Test
  void theSameNumbersOnLocal1AndLocal2WithOtherPartitions() throws IOException {
    Path two = csvRun();
    Path one = tmp.resolve("one");
    String master = System.getProperty("spark.master");
    System.setProperty("spark.master", "local[1]");
    try {
      InProcessJob.Run run = main(one, "--set", "partitions=1");
      assertEquals(0, run.status(), run.err());
    } finally {
      System.setProperty("spark.master", master);
    }
    List<Map<String, String>> a = Csv.rowsWithoutTrainMs(two.resolve("results.csv"));
    assertEquals(a, Csv.rowsWithoutTrainMs(one.resolve("results.csv")));
    assertTrue(a.stream().allMatch(r -> !r.get("best_epoch").isEmpty()));
  }

  private static final Map<String, List<TrainingResult>> RETRAINED = new java.util.HashMap<>();

  /**
   * Network {@code id} trained {@code k} updates with its kernel, in its grid group, every member trained {@code k}
   * updates (with patience 0 every member is still training at each checkpoint, so this is the group's state there).
   */
  private static TrainingResult retrained(Grid grid, NetworkRun.Prepared prepared, long id, int k) {
    long from = grid.groupStart(id);
    List<TrainingResult> group = RETRAINED.computeIfAbsent(from + "@" + k, key -> {
      List<NetworkSpec> specs = new ArrayList<>();
      for (long g = from; g < grid.groupEnd(id); g++) {
        specs.add(grid.spec(g).withEpochs(k));
      }
      return NetworkRun.train(Kernel.GEMM, specs, prepared, 0, Double.NEGATIVE_INFINITY, true);
    });
    return group.get((int) (id - from));
  }

  /** E = 1/2 sum (O - T)^2 of {@code w} on {@code d}, with its own forward pass (Math.exp sigmoids). */
  private static double validationError(Weights w, Dataset d) {
    double error = 0;
    for (int n = 0; n < d.rows(); n++) {
      double[] o = nnsweep.testing.Forward.outputs(w, d.inputs()[n]);
      double[] t = d.targets()[n];
      for (int k = 0; k < t.length; k++) {
        error += 0.5 * (o[k] - t[k]) * (o[k] - t[k]);
      }
    }
    return error;
  }

  /** The validation error at the initial weights and at each checkpoint, trained with {@link BreezeTrainer}. */
  private static double[] breezeValidationErrors(NetworkSpec spec, NetworkRun.Prepared prepared, Dataset validation,
      int[] checkpoints) {
    double[] errors = new double[checkpoints.length + 1];
    Network net = new Network(spec.initialWeights());
    errors[0] = validationError(net.weights(), validation);
    int done = 0;
    for (int c = 0; c < checkpoints.length; c++) {
      new BreezeTrainer().train(net, prepared.data(), TrainingOptions.of(spec.learningRate(), checkpoints[c] - done));
      done = checkpoints[c];
      errors[c + 1] = validationError(net.weights(), validation);
    }
    return errors;
  }

  private static Weights weights(JsonNode m) {
    double[][] hidden = matrix(m.path("hidden").path("weights"));
    double[][] output = matrix(m.path("output").path("weights"));
    return new Weights(nnsweep.nn.Model.HIDDEN, true, hidden, vector(m.path("hidden").path("bias")), output,
        vector(m.path("output").path("bias")));
  }

  private static double[][] matrix(JsonNode rows) {
    double[][] m = new double[rows.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = vector(rows.get(i));
    }
    return m;
  }

  private static double[] vector(JsonNode v) {
    double[] out = new double[v.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = v.get(i).asDouble();
    }
    return out;
  }
}
