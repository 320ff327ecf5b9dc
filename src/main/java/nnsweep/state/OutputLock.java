package nnsweep.state;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import nnsweep.InputException;

/**
 * One run per output folder: {@code <out>/.nnsweep/lock}, created atomically (create-new, which fails if the file
 * exists) and holding the holder's host, pid, start time and command. A second run on the folder is refused before it
 * touches anything. A lock whose holder is gone is taken over by {@code --resume} or {@code --overwrite} (same host,
 * process gone) or by {@code --break-lock} (another host, which this one cannot check). Released on every exit path
 * by its holder: {@link #close} normally, the job's shutdown hook on a signal.
 *
 * <p>Everything the lock does to the filesystem is here (create-new, read, rename, delete), so that it can move onto
 * Hadoop's FileSystem ({@code create(path, false)}) with the rest of the output.
 */
public final class OutputLock implements AutoCloseable {
  /** The lock file's name inside {@link RunState#FOLDER}. */
  public static final String FILE = "lock";
  private static final int ATTEMPTS = 5;

  private final Path file;
  private final String content;
  private final List<Path> created;
  private boolean released;

  private OutputLock(Path file, String content, List<Path> created) {
    this.file = file;
    this.content = content;
    this.created = created;
  }

  /** Who holds a lock, as its file says. */
  public record Holder(String host, long pid, String started, String command) {
    /** "pid 123 on host h since 2026-...Z (./submit.sh ...)". */
    public String describe() {
      return "pid " + pid + " on host " + host + " since " + started + " (" + command + ")";
    }

    static Holder parse(String text) {
      Map<String, String> fields = new LinkedHashMap<>();
      text.lines().forEach(line -> {
        int eq = line.indexOf('=');
        if (eq > 0) {
          fields.put(line.substring(0, eq), line.substring(eq + 1));
        }
      });
      long pid;
      try {
        pid = Long.parseLong(fields.getOrDefault("pid", "-1"));
      } catch (NumberFormatException e) {
        pid = -1;
      }
      return new Holder(fields.getOrDefault("host", "?"), pid, fields.getOrDefault("started", "?"),
          fields.getOrDefault("command", "?"));
    }

    String format() {
      return "host=" + host + "\npid=" + pid + "\nstarted=" + started + "\ncommand=" + command.replace('\n', ' ')
          + "\n";
    }
  }

  /**
   * Takes the lock of {@code out} for a run in {@code mode}, creating {@code out/.nnsweep/} if needed (removed again
   * by {@link #close} when it was created for nothing).
   *
   * @param command the holder's command line, for the message a second run prints
   * @param warn gets one line when a stale lock is taken over
   * @throws InputException naming the holder when another run holds the lock, or its holder is gone but
   *     {@code mode} may not take it over
   */
  public static OutputLock acquire(Path out, RunState.Mode mode, boolean breakLock, String command,
      Consumer<String> warn) {
    Path dir = out.resolve(RunState.FOLDER);
    Path file = dir.resolve(FILE);
    List<Path> created = new ArrayList<>();
    for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
      created.add(p);
    }
    String content = new Holder(localHost(), ProcessHandle.current().pid(), Instant.now().toString(), command)
        .format();
    try {
      for (int attempt = 1; ; attempt++) {
        try {
          Files.createDirectories(dir);
          createNew(file, content);
          return new OutputLock(file, content, created);
        } catch (FileAlreadyExistsException e) {
          String found = readOrEmpty(file);
          if (found != null && takeOver(out, file, found, mode, breakLock, warn) || attempt < ATTEMPTS) {
            continue;
          }
          throw new InputException("--out " + out + ": locked by another run, found a lock file that keeps"
              + " changing, expected no other run on this folder");
        } catch (NoSuchFileException e) {
          // a run that just released its lock removed the folder it had created: create it again
          if (attempt >= ATTEMPTS) {
            throw e;
          }
        }
      }
    } catch (IOException e) {
      removeCreated(created);
      throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      removeCreated(created);
      throw e;
    }
  }

  /**
   * Decides about a lock found in place. Returns true once a stale lock is moved out of the way (the caller creates
   * its own), throws when the lock stands.
   */
  private static boolean takeOver(Path out, Path file, String found, RunState.Mode mode, boolean breakLock,
      Consumer<String> warn) throws IOException {
    if (found.isBlank() && !breakLock) {
      throw new InputException("--out " + out + ": locked by another run, found an empty lock file " + file
          + " (a run is taking it now, or one died while taking it), expected no other run on this folder (if none"
          + " is starting, pass --break-lock)");
    }
    Holder holder = Holder.parse(found);
    boolean sameHost = holder.host().equals(localHost());
    if (sameHost && isAlive(holder)) {
      throw new InputException("--out " + out + ": in use by another run, " + holder.describe()
          + "; expected one run per output folder (wait for it to end, or stop it)");
    }
    if (!sameHost && !breakLock) {
      throw new InputException("--out " + out + ": locked by a run on another host, " + holder.describe()
          + "; expected no other run on this folder (if that run is gone, pass --break-lock)");
    }
    if (sameHost && mode == RunState.Mode.NEW) {
      throw new InputException("--out " + out + ": a run that is gone left its lock, " + holder.describe()
          + "; expected no lock (pass --resume to finish that run, or --overwrite to replace it)");
    }
    // rename first, then check that what was renamed is the lock judged stale: of two runs taking over at once,
    // only one gets it, and a lock created in between by a live run is put back
    Path grave = file.resolveSibling(FILE + ".stale-" + ProcessHandle.current().pid());
    try {
      Files.move(file, grave, StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException e) {
      return true;
    }
    if (!found.equals(readOrEmpty(grave))) {
      Files.move(grave, file);
      return false;
    }
    Files.delete(grave);
    warn.accept("nnsweep: warning: --out " + out + ": took over the lock of a run that is gone, "
        + holder.describe() + (sameHost ? "" : " (--break-lock)"));
    return true;
  }

  /** Removes the lock (if it is still this run's) and the folders created only to hold it, if they are empty. */
  @Override
  public synchronized void close() {
    if (released) {
      return;
    }
    released = true;
    try {
      if (content.equals(readOrEmpty(file))) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the lock " + file + ": " + e.getMessage(), e);
    }
    removeCreated(created);
  }

  /** The holder of the lock of {@code out}, if there is one. */
  public static Optional<Holder> holder(Path out) {
    String text = readOrEmpty(out.resolve(RunState.FOLDER).resolve(FILE));
    return text == null ? Optional.empty() : Optional.of(Holder.parse(text));
  }

  private static void createNew(Path file, String content) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        OutputStream os = Channels.newOutputStream(ch)) {
      os.write(content.getBytes(StandardCharsets.UTF_8));
      os.flush();
      ch.force(true);
    } catch (IOException e) {
      if (!(e instanceof FileAlreadyExistsException)) {
        // e.g. disk full after the create: leave no lock that nobody holds
        Files.deleteIfExists(file);
      }
      throw e;
    }
  }

  private static boolean isAlive(Holder holder) {
    Optional<ProcessHandle> process = ProcessHandle.of(holder.pid());
    if (process.isEmpty() || !process.get().isAlive()) {
      return false;
    }
    // a pid reused by a process started after the lock was taken is not the holder
    Optional<Instant> processStart = process.get().info().startInstant();
    try {
      Instant lockStart = Instant.parse(holder.started());
      return processStart.isEmpty() || !processStart.get().isAfter(lockStart.plusSeconds(1));
    } catch (java.time.format.DateTimeParseException e) {
      return true;
    }
  }

  /** The file's text, or null when it does not exist (a lock being written reads as empty text). */
  private static String readOrEmpty(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the lock " + file + ": " + e.getMessage(), e);
    }
  }

  private static void removeCreated(List<Path> created) {
    for (Path p : created) { // innermost first
      try {
        Files.deleteIfExists(p);
      } catch (DirectoryNotEmptyException e) {
        return; // in use: the run wrote its state there, or another run did
      } catch (IOException e) {
        return;
      }
    }
  }

  static String localHost() {
    return LocalHost.NAME;
  }

  /** The host name, looked up once (the lookup can be slow). */
  private static final class LocalHost {
    static final String NAME = lookUp();

    private static String lookUp() {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown-host");
      }
    }
  }
}
