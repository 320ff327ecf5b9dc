package nnsweep.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a report CSV back, for assertions. */
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
}
