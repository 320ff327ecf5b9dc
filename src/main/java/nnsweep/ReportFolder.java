package nnsweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nnsweep.fs.OutputFolder;
import nnsweep.fs.Storage;

/**
 * Where the driver writes the reports: the output folder itself when it is on this machine's disk, otherwise a
 * local staging folder whose files {@link #publish} copies to the output folder, each whole or not at all.
 */
final class ReportFolder {
  private final Storage storage;
  private final org.apache.hadoop.fs.Path target;
  private final Path local;
  private final boolean staged;

  private ReportFolder(Storage storage, org.apache.hadoop.fs.Path target, Path local, boolean staged) {
    this.storage = storage;
    this.target = target;
    this.local = local;
    this.staged = staged;
  }

  static ReportFolder open(OutputFolder out) {
    Storage storage = out.storage();
    org.apache.hadoop.fs.Path target = out.path();
    if (Storage.isLocal(target)) {
      return new ReportFolder(storage, target, Storage.localPath(target), false);
    }
    try {
      return new ReportFolder(storage, target, Files.createTempDirectory("nnsweep-reports-"), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a staging folder for the reports: " + e.getMessage(), e);
    }
  }

  /** The local folder to write the reports into. */
  Path local() {
    return local;
  }

  /** Copies the files {@code names} (relative, such as {@code charts/x.png}) to the output folder when staged. */
  void publish(List<String> names) {
    if (!staged) {
      return;
    }
    try {
      for (String name : names) {
        org.apache.hadoop.fs.Path to = new org.apache.hadoop.fs.Path(target, name);
        storage.mkdirs(to.getParent());
        storage.upload(local.resolve(name), to);
      }
      storage.delete(new org.apache.hadoop.fs.Path(local.toUri()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the reports to " + target + ": " + e.getMessage(), e);
    }
  }
}
