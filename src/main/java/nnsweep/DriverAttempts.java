package nnsweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import nnsweep.fs.OutputFolder;
import nnsweep.fs.Storage;
import nnsweep.state.RunState;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;

/**
 * A driver restarted by its cluster manager ({@code --supervise} on standalone, YARN's application attempts) runs
 * again with the same arguments. Each submission carries an id ({@value #RUN_ID}, set by {@code submit.sh}); the
 * first attempt records it in the output folder, and a later attempt that finds its own id there resumes from the
 * committed parts instead of refusing the folder (or wiping it, for {@code --overwrite}).
 */
final class DriverAttempts {
  /** Spark setting: the submission's id, the same for every attempt of its driver. */
  static final String RUN_ID = "spark.nnsweep.runId";
  private static final String FILE = "run-id";

  private DriverAttempts() {}

  /** The submission's id, or empty. */
  static String runId() {
    return new SparkConf().get(RUN_ID, "").trim();
  }

  /** {@link RunState.Mode#RESUME} when {@code out} was started by an earlier attempt of this submission. */
  static RunState.Mode mode(OutputFolder folder, RunState.Mode asked) {
    Storage storage = folder.storage();
    Path out = folder.path();
    String id = runId();
    if (id.isEmpty()) {
      return asked;
    }
    try {
      Path file = file(out);
      if (storage.isFile(file)
          && new String(storage.readAll(file), StandardCharsets.UTF_8).trim().equals(id)) {
        return RunState.Mode.RESUME;
      }
      return asked;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file(out) + ": " + e.getMessage(), e);
    }
  }

  /** Records this submission's id in {@code out} (after the run state is open). */
  static void record(OutputFolder folder) {
    Path out = folder.path();
    String id = runId();
    if (id.isEmpty()) {
      return;
    }
    try {
      folder.storage().writeAtomically(file(out), (id + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file(out) + ": " + e.getMessage(), e);
    }
  }

  private static Path file(Path out) {
    return new Path(new Path(out, RunState.FOLDER), FILE);
  }
}
