package nnsweep.model;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nnsweep.fs.AtomicFile;
import nnsweep.run.Problem;
import nnsweep.run.TrainingResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The {@code models/} folder of a run: per kept network a JSON and an ONNX file, and {@code index.csv} listing them,
 * each file written whole or not at all.
 */
public final class ModelFiles {
  /** The folder's name in the output folder. */
  public static final String FOLDER = "models";
  /** index.csv's columns; {@code json} and {@code onnx} are file names relative to {@code models/}. */
  public static final List<String> INDEX_HEADER = List.of("dataset", "network_id", "model", "hidden",
      "learning_rate", "epochs", "bias", "seed", "init", "score", "json", "onnx");

  private ModelFiles() {}

  /**
   * Writes the networks {@code kept} (results with their final weights, in index order) into {@code folder/models/};
   * returns the files written, relative to {@code folder} (nothing when {@code kept} is empty).
   */
  public static List<String> write(Path folder, List<TrainingResult> kept, List<Problem> problems, String study,
      String version) {
    if (kept.isEmpty()) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    Path dir = folder.resolve(FOLDER);
    try {
      Files.createDirectories(dir);
      List<List<String>> rows = new ArrayList<>();
      for (TrainingResult r : kept) {
        var s = r.spec();
        Problem problem = problems.get(s.datasetIndex()).forFold(s.fold());
        SavedModel m = SavedModel.of(r, problem, study, version);
        String base = s.dataset() + "-" + s.id();
        AtomicFile.write(dir.resolve(base + ".json"), out -> out.write(ModelJson.write(m)));
        AtomicFile.write(dir.resolve(base + ".onnx"), out -> out.write(Onnx.write(m)));
        names.add(FOLDER + "/" + base + ".json");
        names.add(FOLDER + "/" + base + ".onnx");
        rows.add(List.of(s.dataset(), Long.toString(s.id()), s.model().configName(), Integer.toString(s.hidden()),
            Double.toString(s.learningRate()), Integer.toString(s.epochs()), Boolean.toString(s.bias()),
            Long.toString(s.seed()), s.init().label(), Double.toString(r.score()), base + ".json",
            base + ".onnx"));
      }
      CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(INDEX_HEADER.toArray(String[]::new))
          .setRecordSeparator("\n").get();
      AtomicFile.write(dir.resolve("index.csv"), out -> {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter p = new CSVPrinter(w, format)) {
          for (List<String> row : rows) {
            p.printRecord(row);
          }
        }
      });
      names.add(FOLDER + "/index.csv");
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir + ": " + e.getMessage(), e);
    }
  }
}
