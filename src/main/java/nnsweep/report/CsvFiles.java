package nnsweep.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes a CSV report atomically: to a temporary name in the same folder, then renamed, so it is whole or absent. */
public final class CsvFiles {
  private CsvFiles() {}

  /** Something that prints the rows of one CSV file. */
  @FunctionalInterface
  public interface Rows {
    void print(CSVPrinter printer) throws IOException;
  }

  /** Writes {@code header} and the rows to {@code file}, atomically. */
  public static void write(Path file, List<String> header, Rows rows) {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
        .setRecordSeparator("\n").get();
    writeAtomically(file, w -> {
      try (CSVPrinter printer = new CSVPrinter(w, format)) {
        rows.print(printer);
      }
    });
  }

  /** Something that writes a file's content. */
  @FunctionalInterface
  public interface Content {
    void write(Writer writer) throws IOException;
  }

  /** Writes a text file atomically. */
  public static void writeAtomically(Path file, Content content) {
    writeStreamAtomically(file, out -> {
      Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
      content.write(w);
      // flushes what the content left buffered; a no-op if the content closed it (CSVPrinter does)
      w.close();
    });
  }

  /** Writes bytes atomically. */
  public static void writeAtomically(Path file, byte[] bytes) {
    writeStreamAtomically(file, out -> out.write(bytes));
  }

  /** Something that writes a file's bytes. */
  @FunctionalInterface
  private interface Stream {
    void write(java.io.OutputStream out) throws IOException;
  }

  /** To a temporary name in the same folder, then renamed over the target; the temporary file never survives. */
  private static void writeStreamAtomically(Path file, Stream content) {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
    try {
      Files.createDirectories(dir);
      try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
        content.write(out);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the original failure is the one to report
      }
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** A number as it goes in a CSV cell: shortest round-trip form, empty for NaN. */
  public static String num(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }
}
