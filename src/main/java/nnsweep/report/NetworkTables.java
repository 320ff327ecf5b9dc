package nnsweep.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import nnsweep.grid.Cell;
import nnsweep.run.NetworkColumns;
import nnsweep.run.Problem;
import nnsweep.run.TrainingResult;
import nnsweep.study.Study;

/**
 * The per-network CSV files ({@link NetworkColumns#tables}): {@code results.csv}, {@code predictions.csv} (when a
 * dataset has query points) and {@code curves.csv} (when the study records curves; the networks of each cell's first
 * {@code curve-seeds} seeds), written from blocks of results handed over in network id order, so that only one block
 * is in memory at a time however big the sweep. Each file is whole or absent: {@link #commit} puts them in place;
 * closing without a commit leaves nothing.
 */
public final class NetworkTables implements AutoCloseable {
  private final Path folder;
  private final List<NetworkColumns.Table<?>> tables;
  private final List<CsvFiles.Streamed> files = new ArrayList<>();
  private long next = 0;

  private NetworkTables(Path folder, Study study, List<Problem> problems, ToIntFunction<Cell> rungOf) {
    this.folder = folder;
    this.tables = NetworkColumns.tables(study, List.copyOf(problems),
        spec -> rungOf.applyAsInt(Cell.of(spec)));
    try {
      for (NetworkColumns.Table<?> t : tables) {
        files.add(CsvFiles.Streamed.open(folder.resolve(t.name() + ".csv"), t.header()));
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Starts the files of a study in {@code folder}. */
  public static NetworkTables open(Path folder, Study study, List<Problem> problems) {
    return new NetworkTables(folder, study, problems, key -> -1);
  }

  /**
   * As {@link #open(Path, Study, List)}, with the successive-halving rung of each cell from {@code ladder} (null: a
   * grid) for results.csv.
   */
  public static NetworkTables open(Path folder, Study study, List<Problem> problems, nnsweep.search.Ladder ladder) {
    return new NetworkTables(folder, study, problems, LadderTable.rungOf(ladder));
  }

  /** Appends the rows of the next block of results: ids must continue where the previous block ended. */
  public void add(List<TrainingResult> block) {
    try {
      for (TrainingResult r : block) {
        if (r.spec().id() != next) {
          throw new IllegalArgumentException("results must come in network id order: expected id " + next
              + ", found " + r.spec().id());
        }
        next++;
        for (int i = 0; i < tables.size(); i++) {
          files.get(i).printer().printRecords(tables.get(i).cells(r));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the network tables in " + folder + ": " + e.getMessage(), e);
    }
  }

  /** Puts the files in place; returns their names (results.csv, then predictions.csv and curves.csv if any). */
  public List<String> commit() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < tables.size(); i++) {
      files.get(i).commit();
      names.add(tables.get(i).name() + ".csv");
    }
    return names;
  }

  /** Deletes what was not committed. */
  @Override
  public void close() {
    files.forEach(CsvFiles.Streamed::close);
  }
}
