package nnsweep.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import nnsweep.errors.InputException;
import nnsweep.fs.OutputFolder;
import nnsweep.fs.Storage;
import org.apache.hadoop.fs.Path;

/**
 * One run per output folder: {@code <out>/.nnsweep/lock}, created atomically (create-new, which fails if the file
 * exists: {@code O_EXCL} locally, {@code create(path, false)} on HDFS) and holding the holder's host, pid, start time,
 * submission id and command. A second run on the folder is refused before it touches anything. A lock whose holder
 * is gone is taken over by {@code --resume} or {@code --overwrite} (same host, process gone), by a later attempt of
 * the same cluster-mode submission (same submission id: the cluster manager restarted its driver), or by
 * {@code --break-lock} (another host, which this one cannot check). Released on every exit path by its holder:
 * {@link #close} normally, the job's shutdown hook on a signal.
 */
public final class OutputLock implements AutoCloseable {
  /** The lock file's name inside {@link RunState#FOLDER}. */
  public static final String FILE = "lock";
  private static final int ATTEMPTS = 5;
  /** How often, and how far apart, a blank lock is read again before it counts as blank. */
  private static final int BLANK_READS = 5;
  private static final long BLANK_WAIT_MILLIS = 200;

  private final Storage storage;
  private final Path file;
  private final String content;
  private final List<Path> created;
  private boolean released;

  private OutputLock(Storage storage, Path file, String content, List<Path> created) {
    this.storage = storage;
    this.file = file;
    this.content = content;
    this.created = created;
  }

  /**
   * Who holds a lock, as its file says.
   *
   * @param run the cluster-mode submission's id (the same for every attempt of its driver), or empty
   */
  public record Holder(String host, long pid, String started, String run, String command) {
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
          fields.getOrDefault("run", ""), fields.getOrDefault("command", "?"));
    }

    String format() {
      return "host=" + host + "\npid=" + pid + "\nstarted=" + started + (run.isEmpty() ? "" : "\nrun=" + run)
          + "\ncommand=" + command.replace('\n', ' ') + "\n";
    }
  }

  /** Takes the lock of local folder {@code out}, as {@link #acquire(OutputFolder, RunState.Mode, boolean, String,
   * String, Consumer)} without a submission id. */
  public static OutputLock acquire(java.nio.file.Path out, RunState.Mode mode, boolean breakLock, String command,
      Consumer<String> warn) {
    return acquire(OutputFolder.local(out), mode, breakLock, "", command, warn);
  }

  /**
   * Takes the lock of {@code out} for a run in {@code mode}, creating {@code out/.nnsweep/} if needed (removed again
   * by {@link #close} when it was created for nothing).
   *
   * @param run the cluster-mode submission's id, or empty: a lock left by an earlier attempt of the same submission
   *     is taken over
   * @param command the holder's command line, for the message a second run prints
   * @param warn gets one line when a stale lock is taken over
   * @throws InputException naming the holder when another run holds the lock, or its holder is gone but
   *     {@code mode} may not take it over
   */
  public static OutputLock acquire(OutputFolder folder, RunState.Mode mode, boolean breakLock, String run,
      String command, Consumer<String> warn) {
    Storage storage = folder.storage();
    Path out = folder.path();
    String shown = folder.shown();
    Path dir = new Path(out, RunState.FOLDER);
    Path file = new Path(dir, FILE);
    List<Path> created = new ArrayList<>();
    String content = new Holder(localHost(), ProcessHandle.current().pid(), Instant.now().toString(), run, command)
        .format();
    try {
      for (Path p = dir; p != null && !storage.exists(p); p = p.getParent()) {
        created.add(p);
      }
      for (int attempt = 1; ; attempt++) {
        storage.mkdirs(dir);
        try {
          if (storage.createNew(file, content.getBytes(StandardCharsets.UTF_8))) {
            return new OutputLock(storage, file, content, created);
          }
        } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException e) {
          // a run that just released its lock removed the folder it had created: create it again
          if (attempt >= ATTEMPTS) {
            throw e;
          }
          continue;
        }
        String found = readWritten(storage, file);
        if (found != null && takeOver(storage, shown, file, found, mode, breakLock, run, warn)
            || attempt < ATTEMPTS) {
          continue;
        }
        throw new InputException("--out " + shown + ": locked by another run, found a lock file that keeps"
            + " changing, expected no other run on this folder");
      }
    } catch (IOException e) {
      removeCreated(storage, created);
      throw new UncheckedIOException("cannot lock " + shownFile(shown) + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      removeCreated(storage, created);
      throw e;
    }
  }

  /**
   * Decides about a lock found in place. Returns true once a stale lock is moved out of the way (the caller creates
   * its own), throws when the lock stands.
   */
  private static boolean takeOver(Storage storage, String out, Path file, String found, RunState.Mode mode,
      boolean breakLock, String run, Consumer<String> warn) throws IOException {
    if (found.isBlank() && !breakLock) {
      throw new InputException("--out " + out + ": locked by another run, found an empty lock file " + shownFile(out)
          + " (a run is taking it now, or one died while taking it), expected no other run on this folder (if none"
          + " is starting, pass --break-lock)");
    }
    Holder holder = Holder.parse(found);
    // the cluster manager starts a new attempt of a submission only once the last one is gone
    boolean earlierAttempt = !run.isEmpty() && run.equals(holder.run());
    boolean sameHost = holder.host().equals(localHost());
    if (!earlierAttempt) {
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
    }
    // rename first, then check that what was renamed is the lock judged stale: of two runs taking over at once,
    // only one gets it, and a lock created in between by a live run is put back
    Path grave = new Path(file.getParent(), FILE + ".stale-" + ProcessHandle.current().pid());
    if (!storage.move(file, grave)) {
      return true;
    }
    if (!found.equals(readOrNull(storage, grave))) {
      storage.move(grave, file);
      return false;
    }
    storage.delete(grave);
    warn.accept("nnsweep: warning: --out " + out + ": took over the lock of a run that is gone, "
        + holder.describe() + (earlierAttempt ? " (an earlier attempt of this submission)"
            : sameHost ? "" : " (--break-lock)"));
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
      if (content.equals(readOrNull(storage, file))) {
        storage.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the lock " + Storage.shown(file) + ": " + e.getMessage(), e);
    }
    removeCreated(storage, created);
  }

  /** The holder of the lock of local folder {@code out}, if there is one. */
  public static Optional<Holder> holder(java.nio.file.Path out) {
    Storage local = Storage.local();
    try {
      String text = readOrNull(local, new Path(new Path(local.resolve(out.toString()), RunState.FOLDER), FILE));
      return text == null ? Optional.empty() : Optional.of(Holder.parse(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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

  /**
   * The lock's text, or null when it does not exist. A blank lock is most likely being written by the run that just
   * created it (HDFS shows the file before its bytes): it is read again a few times, a short while apart, before
   * it counts as blank.
   */
  private static String readWritten(Storage storage, Path file) throws IOException {
    String found = readOrNull(storage, file);
    for (int i = 0; i < BLANK_READS && found != null && found.isBlank(); i++) {
      try {
        Thread.sleep(BLANK_WAIT_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return found;
      }
      found = readOrNull(storage, file);
    }
    return found;
  }

  /** The file's text, or null when it does not exist (a lock being written reads as empty text). */
  private static String readOrNull(Storage storage, Path file) throws IOException {
    byte[] bytes = storage.readIfExists(file);
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  private static void removeCreated(Storage storage, List<Path> created) {
    for (Path p : created) { // innermost first
      try {
        if (!storage.deleteIfEmpty(p)) {
          return; // in use: the run wrote its state there, or another run did
        }
      } catch (IOException e) {
        return;
      }
    }
  }

  private static String shownFile(String out) {
    return out + "/" + RunState.FOLDER + "/" + FILE;
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
