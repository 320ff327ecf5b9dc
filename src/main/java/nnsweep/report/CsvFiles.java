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
    CSVFormat format = format(header);
    writeAtomically(file, w -> {
      try (CSVPrinter printer = new CSVPrinter(w, format)) {
        rows.print(printer);
      }
    });
  }

  private static CSVFormat format(List<String> header) {
    return CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).setRecordSeparator("\n").get();
  }

  /**
   * A CSV file written row by row, for tables too big to hold: rows go to a temporary name in the same folder,
   * {@link #commit} renames it into place; closed without a commit, the temporary file is deleted. So the file is
   * whole or absent, as with {@link #write}.
   */
  public static final class Streamed implements AutoCloseable {
    private final Path file;
    private final Path tmp;
    private final CSVPrinter printer;
    private boolean done;

    private Streamed(Path file, List<String> header) throws IOException {
      this.file = file;
      this.tmp = temporary(file);
      Files.createDirectories(tmp.getParent());
      this.printer = new CSVPrinter(new java.io.BufferedWriter(new java.io.OutputStreamWriter(
          Files.newOutputStream(tmp), StandardCharsets.UTF_8), 1 << 16), format(header));
    }

    /** Opens {@code file} for writing (its header is written at once). */
    public static Streamed open(Path file, List<String> header) {
      try {
        return new Streamed(file, header);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
      }
    }

    /** Where the rows go. */
    public CSVPrinter printer() {
      return printer;
    }

    /** Closes the file and renames it into place. */
    public void commit() {
      try {
        printer.close(true);
        done = true;
        move(tmp, file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
      }
    }

    /** Without a commit: deletes the temporary file. */
    @Override
    public void close() {
      if (!done) {
        done = true;
        try {
          printer.close();
        } catch (IOException ignored) {
          // the file is deleted anyway
        }
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // nothing more to do: the target was never touched
        }
      }
    }
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
    Path tmp = temporary(file);
    try {
      Files.createDirectories(tmp.getParent());
      try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
        content.write(out);
      }
      move(tmp, file);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the original failure is the one to report
      }
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static Path temporary(Path file) {
    return file.toAbsolutePath().getParent().resolve("." + file.getFileName() + ".tmp");
  }

  private static void move(Path tmp, Path file) throws IOException {
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** A number as it goes in a CSV cell: shortest round-trip form, empty for NaN. */
  public static String num(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }
}
