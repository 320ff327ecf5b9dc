package nnsweep.report;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nnsweep.fs.AtomicFile;
import nnsweep.fs.Storage;
import nnsweep.run.NetworkColumns;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the report's files whole or not at all, each through {@link AtomicFile} (a temporary name in the same
 * folder, forced to disk, renamed): CSV tables at once ({@link #write}) or row by row ({@link Streamed}), text and
 * bytes ({@link #writeAtomically}).
 */
public final class CsvFiles {
  private CsvFiles() {}

  /** Something that prints the rows of one CSV file. */
  @FunctionalInterface
  public interface Rows {
    void print(CSVPrinter printer) throws IOException;
  }

  /** Writes {@code header} and the rows to {@code file}, atomically. */
  public static void write(Path file, List<String> header, Rows rows) {
    CSVFormat format = format(header);
    writeAtomically(file, w -> rows.print(new CSVPrinter(w, format)));
  }

  private static CSVFormat format(List<String> header) {
    return CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).setRecordSeparator("\n").get();
  }

  /**
   * A CSV file written row by row, for tables too big to hold: {@link #commit} puts it in place; closed without a
   * commit, nothing is left. So the file is whole or absent, as with {@link #write}.
   */
  public static final class Streamed implements AutoCloseable {
    private final Path file;
    private final AtomicFile out;
    private final CSVPrinter printer;

    private Streamed(Path file, List<String> header) throws IOException {
      this.file = file;
      this.out = start(file);
      this.printer = new CSVPrinter(new ChunkedWriter(writer(out)), format(header));
    }

    /** Opens {@code file} for writing (its header is written at once). */
    public static Streamed open(Path file, List<String> header) {
      try {
        return new Streamed(file, header);
      } catch (IOException e) {
        throw failed(file, e);
      }
    }

    /** Where the rows go. */
    public CSVPrinter printer() {
      return printer;
    }

    /** Puts the file in place. */
    public void commit() {
      try {
        printer.flush();
        out.commit();
      } catch (IOException e) {
        throw failed(file, e);
      }
    }

    /** Without a commit: deletes the temporary file. */
    @Override
    public void close() {
      try {
        out.close();
      } catch (IOException ignored) {
        // nothing more to do: the target was never touched
      }
    }
  }

  /** Something that writes a file's content. */
  @FunctionalInterface
  public interface Content {
    void write(Writer writer) throws IOException;
  }

  /** Writes a text file (UTF-8) atomically. */
  public static void writeAtomically(Path file, Content content) {
    write(file, out -> {
      Writer w = writer(out);
      content.write(w);
      w.flush();
    });
  }

  /** Writes bytes atomically. */
  public static void writeAtomically(Path file, byte[] bytes) {
    write(file, out -> out.write(bytes));
  }

  private static void write(Path file, Storage.Body body) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      AtomicFile.write(file, body);
    } catch (IOException e) {
      throw failed(file, e);
    }
  }

  private static AtomicFile start(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    return AtomicFile.open(file);
  }

  private static Writer writer(AtomicFile out) {
    return writer(out.out());
  }

  private static Writer writer(java.io.OutputStream out) {
    return new OutputStreamWriter(out, StandardCharsets.UTF_8);
  }

  private static UncheckedIOException failed(Path file, IOException e) {
    return new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
  }

  /** A number as it goes in a CSV cell: shortest round-trip form, empty for NaN (as in the per-network tables). */
  public static String num(double v) {
    return NetworkColumns.num(v);
  }
}
