package nnsweep.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nnsweep.grid.IdRange;
import nnsweep.run.ResultCodec;

/**
 * The committed blocks of one later rung of successive halving ({@code <out>/.nnsweep/rungs/<k>/}; the first rung's
 * are the run's ordinary parts, {@link RunState}). Each block is written atomically as its task finishes, so
 * {@code --resume} continues an interrupted search from the last rung it finished, task by task.
 */
public final class RungState {
  private static final Pattern PART = Pattern.compile("part-(\\d+)-(\\d+)\\.bin");
  private final Path dir;

  private RungState(Path dir) {
    this.dir = dir;
  }

  /** The state of rung {@code k} (k >= 1) of the run in {@code out}. */
  public static RungState at(Path out, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("rung 0's blocks are the run's parts, found rung " + k);
    }
    return new RungState(out.resolve(RunState.FOLDER).resolve("rungs").resolve(Integer.toString(k)));
  }

  /** Commits one block durably. */
  public void commit(IdRange range, byte[] block) {
    if (ResultCodec.from(block) != range.from() || ResultCodec.count(block) != range.size()) {
      throw new IllegalArgumentException("block does not match the range " + range);
    }
    Path file = dir.resolve("part-" + range.from() + "-" + range.to() + ".bin");
    try {
      Files.createDirectories(dir);
      RunState.writeAtomically(file, block);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit " + file + ": " + e.getMessage(), e);
    }
  }

  /** The committed ranges, by first id. */
  public List<IdRange> committedRanges() {
    List<IdRange> ranges = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return ranges;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        Matcher m = PART.matcher(p.getFileName().toString());
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

  /** The committed block of {@code range}. */
  public byte[] block(IdRange range) {
    Path p = dir.resolve("part-" + range.from() + "-" + range.to() + ".bin");
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read committed results " + p + ": " + e.getMessage(), e);
    }
  }

  /** Every committed block of this rung. */
  public List<byte[]> blocks() {
    return committedRanges().stream().map(this::block).toList();
  }

  /** Removes every rung's blocks (once the reports are written). */
  public static void clear(Path out) {
    Path rungs = out.resolve(RunState.FOLDER).resolve("rungs");
    if (!Files.exists(rungs)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(rungs)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + rungs + ": " + e.getMessage(), e);
    }
  }
}
