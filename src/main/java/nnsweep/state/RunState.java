package nnsweep.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nnsweep.errors.InputException;
import nnsweep.fs.OutputFolder;
import nnsweep.fs.Storage;
import nnsweep.grid.Grid;
import nnsweep.grid.IdRange;
import nnsweep.run.Problem;
import nnsweep.run.ResultCodec;
import nnsweep.run.TrainingResult;
import nnsweep.study.Study;
import org.apache.hadoop.fs.Path;

/**
 * The durable state of a run inside its output folder ({@code <out>/.nnsweep/}): which study started it (a hash of
 * the resolved study and its datasets) and the results of every finished task, each committed atomically (written
 * under a temporary name, flushed to disk, renamed), so finished work survives a driver crash and {@code --resume}
 * trains only what is missing. The folder may be on any filesystem {@link Storage} reaches (local, HDFS, object
 * stores).
 */
public final class RunState implements CommittedBlocks {
  /** Name of the state folder inside the output folder. */
  public static final String FOLDER = ".nnsweep";

  private static final Pattern PART = Pattern.compile("part-(\\d+)-(\\d+)\\.bin");

  private final Storage storage;
  private final Path out;
  private final String shown;
  private final Path parts;

  private RunState(Storage storage, Path out, String shown) {
    this.storage = storage;
    this.out = out;
    this.shown = shown;
    this.parts = new Path(new Path(out, FOLDER), "parts");
  }

  /** What the command line asked for the output folder. */
  public enum Mode { NEW, OVERWRITE, RESUME }

  /**
   * Checks the output folder for {@code mode} without changing anything.
   *
   * @throws InputException if it is a file; non-empty for a new run; missing, not a run, or started by a different
   *     study for a resume
   */
  public static void check(java.nio.file.Path out, Mode mode, Study study, List<Problem> problems) {
    check(OutputFolder.local(out), mode, study, problems);
  }

  /**
   * Checks output folder {@code out} for {@code mode} without changing anything.
   *
   * @throws InputException as {@link #check(java.nio.file.Path, Mode, Study, List)}
   */
  public static void check(OutputFolder out, Mode mode, Study study, List<Problem> problems) {
    try {
      checkOn(out.storage(), out.path(), out.shown(), mode, study, problems);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check " + out.path() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks that {@code folder} can be a folder (neither it nor a parent is a file) without changing anything.
   *
   * @throws InputException naming the file in the way
   */
  public static void checkPath(OutputFolder folder) {
    checkPath(folder.storage(), folder.path(), folder.shown());
  }

  private static void checkPath(Storage storage, Path out, String shown) {
    try {
      if (storage.exists(out) && !storage.isDirectory(out)) {
        throw new InputException("--out " + shown + ": is a file, expected a folder");
      }
      for (Path p = out.getParent(); p != null; p = p.getParent()) {
        if (storage.isFile(p)) {
          throw new InputException("--out " + shown + ": " + Storage.shown(p) + " is a file, expected a folder");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check " + out + ": " + e.getMessage(), e);
    }
  }

  private static void checkOn(Storage storage, Path out, String shown, Mode mode, Study study,
      List<Problem> problems) throws IOException {
    checkPath(storage, out, shown);
    switch (mode) {
      case NEW -> {
        if (storage.isDirectory(out) && !isEmpty(storage, out)) {
          throw new InputException("--out " + shown + ": folder exists and is not empty, expected a new or empty"
              + " folder (pass --overwrite to replace it, or --resume to finish an interrupted run)");
        }
      }
      case RESUME -> {
        Path hashFile = new Path(new Path(out, FOLDER), "study.sha256");
        if (!storage.isFile(hashFile)) {
          throw new InputException("--resume --out " + shown + ": no interrupted run there (no " + FOLDER
              + "/study.sha256), expected the output folder of a run started by nnsweep");
        }
        String found = storage.readUtf8(hashFile).trim();
        String expected = hash(study, problems);
        if (!found.equals(expected)) {
          throw new InputException("--resume --out " + shown + ": the folder was started by a different study"
              + " (study hash " + found.substring(0, 12) + "), expected the same study and datasets as "
              + study.source() + " (hash " + expected.substring(0, 12) + "); use another --out or --overwrite");
        }
      }
      case OVERWRITE -> {
        // anything there is replaced
      }
    }
  }

  /** Opens the state after {@link #check}: clears the folder for OVERWRITE, creates it and records the study. */
  public static RunState open(java.nio.file.Path out, Mode mode, Study study, List<Problem> problems) {
    return open(OutputFolder.local(out), mode, study, problems);
  }

  /** Opens the state in output folder {@code folder}, as {@link #open(java.nio.file.Path, Mode, Study, List)}. */
  public static RunState open(OutputFolder folder, Mode mode, Study study, List<Problem> problems) {
    Storage storage = folder.storage();
    Path out = folder.path();
    RunState state = new RunState(storage, out, folder.shown());
    try {
      if (mode == Mode.OVERWRITE && storage.exists(out)) {
        for (Path child : storage.list(out)) {
          if (child.getName().equals(FOLDER)) {
            // the run's own lock stays
            for (Path entry : storage.list(child)) {
              if (!entry.getName().equals(OutputLock.FILE)) {
                storage.delete(entry);
              }
            }
          } else {
            storage.delete(child);
          }
        }
      }
      storage.mkdirs(state.parts);
      if (mode != Mode.RESUME) {
        storage.writeAtomically(new Path(new Path(out, FOLDER), "study.json"),
            study.canonical().getBytes(StandardCharsets.UTF_8));
        storage.writeAtomically(new Path(new Path(out, FOLDER), "study.sha256"),
            (hash(study, problems) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return state;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + out + ": " + e.getMessage(), e);
    }
  }

  /** The id ranges whose results are committed. */
  @Override
  public List<IdRange> committedRanges() {
    return partRanges(storage, parts);
  }

  /** The id ranges of the part files in folder {@code dir} (none when it does not exist), by first id. */
  static List<IdRange> partRanges(Storage storage, Path dir) {
    List<IdRange> ranges = new ArrayList<>();
    try {
      for (Path p : storage.list(dir)) {
        Matcher m = PART.matcher(p.getName());
        if (m.matches()) {
          ranges.add(new IdRange(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ranges.sort(Comparator.comparingLong(IdRange::from));
    return ranges;
  }

  /** The part file's name for {@code range}. */
  static String partName(IdRange range) {
    return "part-" + range.from() + "-" + range.to() + ".bin";
  }

  /**
   * Checks every committed part (its checksum, then decoding it against the run's grid and problems, one at a time)
   * and returns how many networks they hold. A part that fails (truncated, corrupted, written by another build) is
   * a cache entry lost, not an error: it is moved to {@code .nnsweep/damaged/}, reported in one line to {@code warn},
   * and its networks count as not committed, so they are trained again.
   */
  public long checkCommitted(Grid grid, List<Problem> problems, Consumer<String> warn) {
    long networks = 0;
    for (IdRange r : committedRanges()) {
      Path p = part(r);
      List<TrainingResult> results;
      try {
        results = ResultCodec.decode(block(r), grid, problems);
        if (results.size() != r.size() || results.get(0).spec().id() != r.from()) {
          throw new IllegalArgumentException("networks [" + results.get(0).spec().id() + ", +" + results.size()
              + ") in a part named for " + r);
        }
      } catch (RuntimeException e) {
        setAside(storage, out, shown, p, p.getName(), e.getMessage(), r.size(), warn);
        continue;
      }
      networks += results.size();
    }
    return networks;
  }

  /**
   * Moves damaged committed part {@code p} of the run in {@code out} to {@code .nnsweep/damaged/<asideName>} and says
   * so in one line to {@code warn}: a lost cache entry, whose {@code networks} networks are trained again.
   *
   * @param shown the output folder as the user gave it, for the message
   */
  static void setAside(Storage storage, Path out, String shown, Path p, String asideName, String why, long networks,
      Consumer<String> warn) {
    Path damaged = new Path(new Path(out, FOLDER), "damaged");
    Path aside = new Path(damaged, asideName);
    try {
      storage.mkdirs(damaged);
      storage.delete(aside);
      storage.move(p, aside);
    } catch (IOException io) {
      throw new UncheckedIOException("cannot set aside " + Storage.shown(p, out, shown) + ": " + io.getMessage(), io);
    }
    warn.accept("nnsweep: warning: " + Storage.shown(p, out, shown) + ": damaged committed part (" + why
        + "), moved to " + FOLDER + "/damaged/" + asideName + "; its " + networks + " networks will be trained again");
  }

  /**
   * The committed block of {@code range}, as {@link ResultCodec} encoded it.
   *
   * @throws IllegalArgumentException when the part fails its checksum
   */
  @Override
  public byte[] block(IdRange range) {
    Path p = part(range);
    try {
      return PartFrame.unwrap(storage.readAll(p));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read committed results " + shown(p) + ": " + e.getMessage(),
          e);
    }
  }

  /** The committed results of {@code range}, decoded against the run's grid and problems. */
  @Override
  public List<TrainingResult> results(IdRange range, Grid grid, List<Problem> problems) {
    try {
      return ResultCodec.decode(block(range), grid, problems);
    } catch (IllegalArgumentException e) {
      // checkCommitted set every damaged part aside: this one changed since
      throw new IllegalStateException(shown(part(range)) + ": committed part damaged during the run: "
          + e.getMessage(), e);
    }
  }

  private Path part(IdRange range) {
    return new Path(parts, partName(range));
  }

  /** The ids of [0, size) not covered by committed ranges, as ranges. */
  public List<IdRange> missing(long size) {
    List<IdRange> todo = new ArrayList<>();
    long next = 0;
    for (IdRange r : committedRanges()) {
      if (r.from() > next) {
        todo.add(new IdRange(next, r.from()));
      }
      next = Math.max(next, r.to());
    }
    if (next < size) {
      todo.add(new IdRange(next, size));
    }
    return todo;
  }

  /** Commits one finished task's results durably (called on the driver as each task succeeds). */
  public void commit(IdRange range, TrainingResult[] results) {
    commit(range, ResultCodec.encode(results, true));
  }

  /** Commits one finished task's results, already encoded by {@link ResultCodec}, durably. */
  @Override
  public void commit(IdRange range, byte[] encoded) {
    if (ResultCodec.from(encoded) != range.from() || ResultCodec.count(encoded) != range.size()) {
      throw new IllegalArgumentException("results for [" + ResultCodec.from(encoded) + ", +"
          + ResultCodec.count(encoded) + ") do not match the range " + range);
    }
    Path file = part(range);
    try {
      storage.writeAtomically(file, PartFrame.wrap(encoded));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit " + shown(file) + ": " + e.getMessage(), e);
    }
  }

  /**
   * For a run that stops before it committed anything: removes the state it created in {@code .nnsweep/} (study
   * record, empty parts folder, submission id), everything but the lock, which its holder releases; so that the same
   * command, corrected, starts afresh instead of finding a non-empty folder.
   */
  public void discard() {
    Path folder = new Path(out, FOLDER);
    try {
      if (storage.exists(folder)) {
        for (Path entry : storage.list(folder)) {
          if (!entry.getName().equals(OutputLock.FILE)) {
            storage.delete(entry);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the run state " + shown(folder) + ": " + e.getMessage(), e);
    }
  }

  /** Removes {@code out/.nnsweep/} if nothing is left in it (after {@link #discard} and the lock's release). */
  public void removeFolderIfEmpty() {
    try {
      storage.deleteIfEmpty(new Path(out, FOLDER));
    } catch (IOException e) {
      // left in place: an empty folder is no run state
    }
  }

  /** After the reports are written: the committed parts are no longer needed. */
  public void finish() {
    try {
      storage.delete(parts);
      storage.writeAtomically(new Path(new Path(out, FOLDER), "complete"), new byte[0]);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + shown(parts) + ": " + e.getMessage(), e);
    }
  }

  /** SHA-256 of the resolved study (without run-only settings) and of every dataset's values. */
  public static String hash(Study study, List<Problem> problems) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(study.canonical().getBytes(StandardCharsets.UTF_8));
      for (Problem p : problems) {
        sha.update(Arrays.deepToString(p.dataset().inputs()).getBytes(StandardCharsets.UTF_8));
        sha.update(Arrays.deepToString(p.dataset().targets()).getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code p}, a path in the output folder, as messages show it. */
  String shown(Path p) {
    return Storage.shown(p, out, shown);
  }

  /** Empty but for the lock of the run that checks it (which takes the lock before it checks the folder). */
  private static boolean isEmpty(Storage storage, Path dir) throws IOException {
    List<Path> entries = storage.list(dir);
    return entries.isEmpty() || entries.size() == 1 && entries.get(0).getName().equals(FOLDER)
        && storage.list(entries.get(0)).stream().map(Path::getName).toList().equals(List.of(OutputLock.FILE));
  }

}
