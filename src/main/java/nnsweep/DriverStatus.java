package nnsweep;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import nnsweep.fs.Storage;
import org.apache.spark.SparkConf;

/**
 * In cluster deploy mode the driver runs on a cluster node, and the cluster manager may not pass its exit status
 * or its console output back to spark-submit (standalone's client always exits 0). When {@value #FILE} names a file
 * (on storage the submitting machine can read; {@code submit.sh} sets it), the driver writes there, whole, its exit
 * status on the first line and then what it printed ({@code out: } and {@code err: } lines), for {@code submit.sh}
 * to print and exit with.
 */
final class DriverStatus {
  /** Spark setting: where the driver reports its exit status and console output. */
  static final String FILE = "spark.nnsweep.statusFile";

  private final String file;
  private final ByteArrayOutputStream outCopy = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errCopy = new ByteArrayOutputStream();

  private DriverStatus(String file) {
    this.file = file;
  }

  /** The report configured for this driver, or null when none is asked for. */
  static DriverStatus fromSparkConf() {
    String file = new SparkConf().get(FILE, "").trim();
    return file.isEmpty() ? null : new DriverStatus(file);
  }

  /** {@code stream}, also copied for the report. */
  PrintStream out(PrintStream stream) {
    return tee(stream, outCopy);
  }

  /** {@code stream}, also copied for the report. */
  PrintStream err(PrintStream stream) {
    return tee(stream, errCopy);
  }

  /** Writes the report; a failure to write it is printed, not thrown (the status still goes to the JVM). */
  void write(int status) {
    StringBuilder sb = new StringBuilder().append(status).append('\n');
    outCopy.toString(StandardCharsets.UTF_8).lines().forEach(l -> sb.append("out: ").append(l).append('\n'));
    errCopy.toString(StandardCharsets.UTF_8).lines().forEach(l -> sb.append("err: ").append(l).append('\n'));
    try {
      Storage storage = Storage.of(nnsweep.spark.SparkContexts::hadoopConf, "");
      org.apache.hadoop.fs.Path p = storage.resolve(file);
      storage.mkdirs(p.getParent());
      storage.writeAtomically(p, sb.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      System.err.println("nnsweep: warning: cannot write the driver status to " + file + ": " + e.getMessage());
    }
  }

  private static PrintStream tee(PrintStream stream, ByteArrayOutputStream copy) {
    return new PrintStream(new OutputStream() {
      @Override
      public void write(int b) {
        stream.write(b);
        copy.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        stream.write(b, off, len);
        copy.write(b, off, len);
      }

      @Override
      public void flush() {
        stream.flush();
      }
    }, true, StandardCharsets.UTF_8);
  }
}
