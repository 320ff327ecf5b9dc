package nnsweep.state;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
import java.util.stream.Stream;
import nnsweep.InputException;
import nnsweep.grid.Grid;
import nnsweep.grid.IdRange;
import nnsweep.run.Problem;
import nnsweep.run.ResultCodec;
import nnsweep.run.TrainingResult;
import nnsweep.study.Study;

/**
 * The durable state of a run inside its output folder ({@code <out>/.nnsweep/}): which study started it (a hash of
 * the resolved study and its datasets) and the results of every finished task, each committed atomically (written
 * under a temporary name, flushed to disk, renamed), so finished work survives a driver crash and {@code --resume}
 * trains only what is missing.
 */
public final class RunState {
  /** Name of the state folder inside the output folder. */
  public static final String FOLDER = ".nnsweep";

  private static final Pattern PART = Pattern.compile("part-(\\d+)-(\\d+)\\.bin");

  private final Path out;
  private final Path parts;

  private RunState(Path out) {
    this.out = out;
    this.parts = out.resolve(FOLDER).resolve("parts");
  }

  /** What the command line asked for the output folder. */
  public enum Mode { NEW, OVERWRITE, RESUME }

  /**
   * Checks the output folder for {@code mode} without changing anything.
   *
   * @throws InputException if it is a file; non-empty for a new run; missing, not a run, or started by a different
   *     study for a resume
   */
  public static void check(Path out, Mode mode, Study study, List<Problem> problems) {
    checkPath(out);
    switch (mode) {
      case NEW -> {
        if (Files.isDirectory(out) && !isEmpty(out)) {
          throw new InputException("--out " + out + ": folder exists and is not empty, expected a new or empty"
              + " folder (pass --overwrite to replace it, or --resume to finish an interrupted run)");
        }
      }
      case RESUME -> {
        Path hashFile = out.resolve(FOLDER).resolve("study.sha256");
        if (!Files.isRegularFile(hashFile)) {
          throw new InputException("--resume --out " + out + ": no interrupted run there (no " + FOLDER
              + "/study.sha256), expected the output folder of a run started by nnsweep");
        }
        String found = read(hashFile).trim();
        String expected = hash(study, problems);
        if (!found.equals(expected)) {
          throw new InputException("--resume --out " + out + ": the folder was started by a different study"
              + " (study hash " + found.substring(0, 12) + "), expected the same study and datasets as "
              + study.source() + " (hash " + expected.substring(0, 12) + "); use another --out or --overwrite");
        }
      }
      case OVERWRITE -> {
        // anything there is replaced
      }
    }
  }

  /**
   * Checks that {@code out} can be a folder (neither it nor a parent is a file) without changing anything.
   *
   * @throws InputException naming the file in the way
   */
  public static void checkPath(Path out) {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new InputException("--out " + out + ": is a file, expected a folder");
    }
    for (Path p = out.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
      if (Files.exists(p) && !Files.isDirectory(p)) {
        throw new InputException("--out " + out + ": " + p + " is a file, expected a folder");
      }
    }
  }

  /** Opens the state after {@link #check}: clears the folder for OVERWRITE, creates it and records the study. */
  public static RunState open(Path out, Mode mode, Study study, List<Problem> problems) {
    RunState state = new RunState(out);
    try {
      if (mode == Mode.OVERWRITE && Files.exists(out)) {
        try (Stream<Path> children = Files.list(out)) {
          for (Path child : children.toList()) {
            deleteTree(child, out.resolve(FOLDER).resolve(OutputLock.FILE));
          }
        }
      }
      Files.createDirectories(state.parts);
      if (mode != Mode.RESUME) {
        writeAtomically(out.resolve(FOLDER).resolve("study.json"),
            study.canonical().getBytes(StandardCharsets.UTF_8));
        writeAtomically(out.resolve(FOLDER).resolve("study.sha256"),
            (hash(study, problems) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return state;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + out + ": " + e.getMessage(), e);
    }
  }

  /** The id ranges whose results are committed. */
  public List<IdRange> committedRanges() {
    List<IdRange> ranges = new ArrayList<>();
    for (Path p : partFiles()) {
      Matcher m = PART.matcher(p.getFileName().toString());
      if (m.matches()) {
        ranges.add(new IdRange(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
      }
    }
    ranges.sort(Comparator.comparingLong(IdRange::from));
    return ranges;
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
        Path aside = out.resolve(FOLDER).resolve("damaged").resolve(p.getFileName());
        try {
          Files.createDirectories(aside.getParent());
          Files.move(p, aside, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException io) {
          throw new UncheckedIOException("cannot set aside " + p + ": " + io.getMessage(), io);
        }
        warn.accept("nnsweep: warning: " + p + ": damaged committed part (" + e.getMessage() + "), moved to "
            + out.relativize(aside) + "; its " + r.size() + " networks will be trained again");
        continue;
      }
      networks += results.size();
    }
    return networks;
  }

  /**
   * The committed block of {@code range}, as {@link ResultCodec} encoded it.
   *
   * @throws IllegalArgumentException when the part fails its checksum
   */
  public byte[] block(IdRange range) {
    Path p = part(range);
    try {
      return PartFrame.unwrap(Files.readAllBytes(p));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read committed results " + p + ": " + e.getMessage(), e);
    }
  }

  /** The committed results of {@code range}, decoded against the run's grid and problems. */
  public List<TrainingResult> results(IdRange range, Grid grid, List<Problem> problems) {
    try {
      return ResultCodec.decode(block(range), grid, problems);
    } catch (IllegalArgumentException e) {
      // checkCommitted set every damaged part aside: this one changed since
      throw new IllegalStateException(part(range) + ": committed part damaged during the run: " + e.getMessage(), e);
    }
  }

  private Path part(IdRange range) {
    return parts.resolve("part-" + range.from() + "-" + range.to() + ".bin");
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
  public void commit(IdRange range, byte[] encoded) {
    if (ResultCodec.from(encoded) != range.from() || ResultCodec.count(encoded) != range.size()) {
      throw new IllegalArgumentException("results for [" + ResultCodec.from(encoded) + ", +"
          + ResultCodec.count(encoded) + ") do not match the range " + range);
    }
    Path file = part(range);
    try {
      writeAtomically(file, PartFrame.wrap(encoded));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit " + file + ": " + e.getMessage(), e);
    }
  }

  /** After the reports are written: the committed parts are no longer needed. */
  public void finish() {
    try {
      deleteTree(parts);
      writeAtomically(out.resolve(FOLDER).resolve("complete"), new byte[0]);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + parts + ": " + e.getMessage(), e);
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

  private List<Path> partFiles() {
    if (!Files.isDirectory(parts)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(parts)) {
      return s.filter(p -> PART.matcher(p.getFileName().toString()).matches()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Write to a temporary name, force to disk, rename: the file is whole or absent. */
  static void writeAtomically(Path file, byte[] content) throws IOException {
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    try {
      write(tmp, content);
    } catch (IOException e) {
      // e.g. disk full: no half-written file stays behind
      Files.deleteIfExists(tmp);
      throw e;
    }
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void write(Path tmp, byte[] content) throws IOException {
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING); OutputStream os = new BufferedOutputStream(
            java.nio.channels.Channels.newOutputStream(ch))) {
      os.write(content);
      os.flush();
      ch.force(true);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Empty but for the lock of the run that checks it (which takes the lock before it checks the folder). */
  private static boolean isEmpty(Path dir) {
    try (Stream<Path> s = Files.list(dir); Stream<Path> state = Files.isDirectory(dir.resolve(FOLDER))
        ? Files.list(dir.resolve(FOLDER)) : Stream.empty()) {
      List<Path> entries = s.toList();
      return entries.isEmpty() || entries.equals(List.of(dir.resolve(FOLDER)))
          && state.map(p -> p.getFileName().toString()).toList().equals(List.of(OutputLock.FILE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path p) throws IOException {
    deleteTree(p, null);
  }

  /** Deletes {@code p} and everything under it but {@code keep} (the run's own lock) and the folders holding it. */
  private static void deleteTree(Path p, Path keep) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        if (keep == null || !keep.startsWith(q)) {
          Files.delete(q);
        }
      }
    }
  }
}
