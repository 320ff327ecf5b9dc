package nnsweep.fs;

import java.util.Objects;
import org.apache.hadoop.fs.Path;

/**
 * A run's output folder: where it is ({@code path}, on {@code storage}) and how the user gave it ({@code shown}, for
 * messages and the console), three values that always travel together.
 */
public record OutputFolder(Storage storage, Path path, String shown) {
  public OutputFolder {
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(shown, "shown");
  }

  /** The folder {@code shown} as the user gave it, resolved on {@code storage}. */
  public static OutputFolder of(Storage storage, String shown) {
    return new OutputFolder(storage, storage.resolve(shown), shown);
  }

  /** A folder of this machine's disk. */
  public static OutputFolder local(java.nio.file.Path folder) {
    return of(Storage.local(), folder.toString());
  }

  /** {@code name} (relative, such as {@code .nnsweep/parts}) inside the folder. */
  public Path resolve(String name) {
    return new Path(path, name);
  }

  /** Whether the folder is on this machine's disk. */
  public boolean isLocal() {
    return Storage.isLocal(path);
  }

  /** {@code p}, a path in the folder, as messages show it: under the folder's name as the user gave it. */
  public String shown(Path p) {
    return Storage.shown(p, path, shown);
  }

  /** File {@code name} of the folder as a link the console can print: a {@code file:} URI when local. */
  public String link(String name) {
    return isLocal() ? Storage.localPath(path).resolve(name).toUri().toString() : path + "/" + name;
  }
}
