package nnsweep.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import nnsweep.fs.OutputFolder;
import nnsweep.fs.Storage;
import nnsweep.grid.Grid;
import nnsweep.grid.IdRange;
import nnsweep.run.Problem;
import nnsweep.run.ResultCodec;
import nnsweep.run.TrainingResult;
import org.apache.hadoop.fs.Path;

/**
 * The committed blocks of one later rung of successive halving ({@code <out>/.nnsweep/rungs/<k>/}; the first rung's
 * are the run's ordinary parts, {@link RunState}). Each block is written atomically in a checksummed frame as its
 * task finishes, so {@code --resume} continues an interrupted search from the last rung it finished, task by task,
 * and a damaged block is set aside and trained again.
 */
public final class RungState implements CommittedBlocks {
  private final Storage storage;
  private final Path out;
  private final String shown;
  private final Path dir;

  private RungState(Storage storage, Path out, String shown, Path dir) {
    this.storage = storage;
    this.out = out;
    this.shown = shown;
    this.dir = dir;
  }

  /** The state of rung {@code k} (k >= 1) of the run in local folder {@code out}. */
  public static RungState at(java.nio.file.Path out, int k) {
    return at(OutputFolder.local(out), k);
  }

  /** The state of rung {@code k} (k >= 1) of the run in output folder {@code out}. */
  public static RungState at(OutputFolder out, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("rung 0's blocks are the run's parts, found rung " + k);
    }
    return new RungState(out.storage(), out.path(), out.shown(), new Path(rungs(out.path()), Integer.toString(k)));
  }

  private static Path rungs(Path out) {
    return new Path(new Path(out, RunState.FOLDER), "rungs");
  }

  /** Commits one block durably. */
  @Override
  public void commit(IdRange range, byte[] block) {
    if (ResultCodec.from(block) != range.from() || ResultCodec.count(block) != range.size()) {
      throw new IllegalArgumentException("block does not match the range " + range);
    }
    Path file = part(range);
    try {
      storage.mkdirs(dir);
      storage.writeAtomically(file, PartFrame.wrap(block));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit " + Storage.shown(file, out, shown) + ": " + e.getMessage(), e);
    }
  }

  private Path part(IdRange range) {
    return new Path(dir, RunState.partName(range));
  }

  /** The committed ranges, by first id. */
  @Override
  public List<IdRange> committedRanges() {
    return RunState.partRanges(storage, dir);
  }

  /**
   * The committed block of {@code range}.
   *
   * @throws IllegalArgumentException when the part fails its checksum
   */
  @Override
  public byte[] block(IdRange range) {
    Path p = part(range);
    try {
      return PartFrame.unwrap(storage.readAll(p));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read committed results " + Storage.shown(p, out, shown) + ": "
          + e.getMessage(),
          e);
    }
  }

  /** The committed results of {@code range}, decoded against the run's grid and problems. */
  @Override
  public List<TrainingResult> results(IdRange range, Grid grid, List<Problem> problems) {
    return ResultCodec.decode(block(range), grid, problems);
  }

  /**
   * Every committed block of this rung that passes its checksum; a damaged one is moved to
   * {@code .nnsweep/damaged/}, reported in one line to {@code warn}, and its networks are trained again.
   */
  public List<byte[]> blocks(Consumer<String> warn) {
    List<byte[]> blocks = new ArrayList<>();
    for (IdRange r : committedRanges()) {
      try {
        blocks.add(block(r));
      } catch (RuntimeException e) {
        Path p = part(r);
        RunState.setAside(storage, out, shown, p, "rung-" + dir.getName() + "-" + p.getName(), e.getMessage(),
            r.size(), warn);
      }
    }
    return blocks;
  }

  /** Removes every rung's blocks (once the reports are written). */
  public static void clear(OutputFolder out) {
    try {
      out.storage().delete(rungs(out.path()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + out.shown(rungs(out.path())) + ": " + e.getMessage(), e);
    }
  }
}
