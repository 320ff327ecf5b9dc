package nnsweep.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a report CSV back, for assertions (and cleans up test folders). */
public final class Csv {
  private Csv() {}

  /** The header and rows (as name -> cell maps) of a CSV file. */
  public record Table(List<String> header, List<Map<String, String>> rows) {}

  public static Table read(Path file) {
    try (Reader r = Files.newBufferedReader(file);
        CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      List<Map<String, String>> rows = p.getRecords().stream().map(CSVRecord::toMap).toList();
      return new Table(p.getHeaderNames(), rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The rows of a CSV file without their {@code train_ms} cell (the one column that differs between identical runs),
   * for comparing the per-network tables of two runs.
   */
  public static List<Map<String, String>> rowsWithoutTrainMs(Path file) {
    return read(file).rows().stream().map(Csv::withoutTrainMs).toList();
  }

  /** A row of a per-network table without its {@code train_ms} cell, sorted by column name. */
  public static Map<String, String> withoutTrainMs(Map<String, String> row) {
    Map<String, String> copy = new TreeMap<>(row);
    copy.remove("train_ms");
    return copy;
  }

  /** Deletes {@code p} and everything under it, if it exists. */
  public static void deleteTree(Path p) throws IOException {
    if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      try (java.util.stream.Stream<Path> walk = Files.walk(p)) {
        for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(q);
        }
      }
    }
  }
}
