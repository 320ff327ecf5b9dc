package nnsweep.report;

import java.io.PrintStream;
import java.util.Locale;

/** The driver's live progress line: networks done / total, networks per second, ETA; at most one line a second. */
public final class Progress {
  private final PrintStream out;
  private final long total;
  private final long startNanos = System.nanoTime();
  private long done;
  private long lastPrint;

  /** Progress over {@code total} networks, of which {@code alreadyDone} were committed by an earlier run. */
  public Progress(PrintStream out, long total, long alreadyDone) {
    this.out = out;
    this.total = total;
    this.done = alreadyDone;
    this.startAlready = alreadyDone;
  }

  private final long startAlready;

  /** Records {@code networks} more done and prints the line if a second has passed (or all are done). */
  public synchronized void advance(long networks) {
    done += networks;
    long now = System.nanoTime();
    if (now - lastPrint < 1_000_000_000L && done < total) {
      return;
    }
    lastPrint = now;
    out.println(line(now));
  }

  String line(long now) {
    double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
    double rate = (done - startAlready) / seconds;
    String eta = rate > 0 ? formatSeconds((total - done) / rate) : "?";
    return String.format(Locale.ROOT, "nnsweep: %d/%d networks (%.0f%%), %.1f networks/s, ETA %s", done, total,
        100.0 * done / Math.max(1, total), rate, eta);
  }

  static String formatSeconds(double s) {
    if (s < 60) {
      return String.format(Locale.ROOT, "%.0f s", s);
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", (long) s / 60, (long) s % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", (long) s / 3600, (long) s % 3600 / 60);
  }
}
