package nnsweep.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A run's report files as text, for comparing two runs: results.csv without its timing column. */
public final class Outputs {
  /** The CSV files every run writes (predictions.csv and curves.csv when the study has queries and curves). */
  public static final List<String> CSV = List.of("results.csv", "predictions.csv", "curves.csv", "summary.csv",
      "rules.csv", "layers.csv");

  private Outputs() {}

  /** File name -> content, results.csv with train_ms blanked; files absent from {@code dir} are left out. */
  public static Map<String, String> read(Path dir) {
    Map<String, String> files = new LinkedHashMap<>();
    for (String name : CSV) {
      Path f = dir.resolve(name);
      if (Files.exists(f)) {
        files.put(name, name.equals("results.csv") ? withoutTrainMs(f) : text(f));
      }
    }
    return files;
  }

  private static String withoutTrainMs(Path csv) {
    List<String> lines = text(csv).lines().toList();
    List<String> header = List.of(lines.get(0).split(",", -1));
    int col = header.indexOf("train_ms");
    StringBuilder sb = new StringBuilder();
    for (String line : lines) {
      String[] cells = line.split(",", -1);
      cells[col] = "";
      sb.append(String.join(",", cells)).append('\n');
    }
    return sb.toString();
  }

  private static String text(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
