package nnsweep.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import nnsweep.InputException;

/**
 * The output folder, written whole or not at all: reports go to a hidden sibling folder that replaces the real one
 * with a rename once everything is written.
 */
public final class OutputFolder {
  private final Path target;
  private final Path staging;

  private OutputFolder(Path target, Path staging) {
    this.target = target;
    this.staging = staging;
  }

  /**
   * Checks that {@code target} may be written (before any work starts, so a refusal leaves nothing behind).
   *
   * @throws InputException if it is a file, or a non-empty folder and {@code overwrite} is off
   */
  public static void check(Path target, boolean overwrite) {
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new InputException("--out " + target + ": is a file, expected a folder (new, empty, or with --overwrite)");
    }
    if (Files.isDirectory(target) && !overwrite && !isEmpty(target)) {
      throw new InputException("--out " + target + ": folder exists and is not empty, expected a new or empty"
          + " folder (pass --overwrite to replace it)");
    }
    Path parent = target.toAbsolutePath().getParent();
    for (Path p = parent; p != null; p = p.getParent()) {
      if (Files.exists(p) && !Files.isDirectory(p)) {
        throw new InputException("--out " + target + ": " + p + " is a file, expected a folder");
      }
    }
  }

  /** Starts writing: creates the staging folder next to {@code target}. */
  public static OutputFolder begin(Path target) {
    Path abs = target.toAbsolutePath().normalize();
    Path staging = abs.resolveSibling("." + abs.getFileName() + ".writing-" + ProcessHandle.current().pid());
    try {
      deleteTree(staging);
      Files.createDirectories(staging);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + staging + ": " + e.getMessage(), e);
    }
    return new OutputFolder(abs, staging);
  }

  /** Where to write a report file now. */
  public Path file(String name) {
    return staging.resolve(name);
  }

  /** Puts the written folder in place of the target (replacing what was there) and returns the target. */
  public Path commit() {
    try {
      Path old = null;
      if (Files.exists(target)) {
        old = target.resolveSibling("." + target.getFileName() + ".old-" + ProcessHandle.current().pid());
        deleteTree(old);
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      if (old != null) {
        deleteTree(old);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + staging + " to " + target + ": " + e.getMessage(), e);
    }
  }

  /** Removes the staging folder after a failure. */
  public void abandon() {
    try {
      deleteTree(staging);
    } catch (IOException ignored) {
      // best effort: the failure being reported matters more
    }
  }

  private static boolean isEmpty(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}
