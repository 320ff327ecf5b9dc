package nnsweep.report;

import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;

/**
 * An {@link Appendable} that gathers a streamed CSV file's many small cells into one plain {@link StringBuilder} and
 * hands them to the {@link Writer} in chunks. A {@code CSVPrinter} appends each cell and separator on its own: on a
 * {@code Writer} every one of those calls takes the writer's lock and runs the charset encoder on a few characters,
 * which made the encoder, not the numbers, the cost of a million-row results.csv.
 */
final class ChunkedWriter implements Appendable, Flushable {
  private static final int CHUNK = 1 << 16;
  private final Writer out;
  private final StringBuilder chunk = new StringBuilder(CHUNK + 1024);

  ChunkedWriter(Writer out) {
    this.out = out;
  }

  @Override
  public Appendable append(CharSequence s) throws IOException {
    chunk.append(s);
    return spill();
  }

  @Override
  public Appendable append(CharSequence s, int start, int end) throws IOException {
    chunk.append(s, start, end);
    return spill();
  }

  @Override
  public Appendable append(char c) throws IOException {
    chunk.append(c);
    return spill();
  }

  private Appendable spill() throws IOException {
    if (chunk.length() >= CHUNK) {
      out.append(chunk);
      chunk.setLength(0);
    }
    return this;
  }

  /** Writes what is gathered and flushes the writer. */
  @Override
  public void flush() throws IOException {
    out.append(chunk);
    chunk.setLength(0);
    out.flush();
  }
}
