package nnsweep.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nnsweep.grid.Cell;
import nnsweep.run.Problem;
import nnsweep.run.TrainingResult;
import nnsweep.study.Study;

/**
 * The per-network CSV files: {@code results.csv}, {@code predictions.csv} (when a dataset has query points) and
 * {@code curves.csv} (when the study records curves; the networks of each cell's first {@code curve-seeds} seeds),
 * written from blocks of results handed over in network id
 * order, so that only one block is in memory at a time however big the sweep. Each file is whole or absent:
 * {@link #commit} puts them in place; closing without a commit leaves nothing.
 */
public final class NetworkTables implements AutoCloseable {
  private final Path folder;
  private final List<Problem> problems;
  private final Study study;
  private final CsvFiles.Streamed results;
  private final CsvFiles.Streamed predictions;
  private final CsvFiles.Streamed curves;
  private final java.util.function.ToIntFunction<Cell> rungOf;
  private long next = 0;

  private NetworkTables(Path folder, Study study, List<Problem> problems,
      java.util.function.ToIntFunction<Cell> rungOf) {
    this.folder = folder;
    this.rungOf = rungOf;
    this.problems = List.copyOf(problems);
    this.study = study;
    List<CsvFiles.Streamed> opened = new ArrayList<>();
    try {
      results = open(opened, "results.csv", ResultsTable.header(study.validated(), study.earlyStopped()), true);
      predictions = open(opened, "predictions.csv", PredictionsTable.HEADER,
          problems.stream().anyMatch(p -> p.queries().length > 0));
      curves = open(opened, "curves.csv", CurvesTable.HEADER, study.curvePoints() > 0);
    } catch (RuntimeException e) {
      opened.forEach(CsvFiles.Streamed::close);
      throw e;
    }
  }

  private CsvFiles.Streamed open(List<CsvFiles.Streamed> opened, String name, List<String> header,
      boolean wanted) {
    if (!wanted) {
      return null;
    }
    CsvFiles.Streamed s = CsvFiles.Streamed.open(folder.resolve(name), header);
    opened.add(s);
    return s;
  }

  /** Starts the files of a study in {@code folder}. */
  public static NetworkTables open(Path folder, Study study, List<Problem> problems) {
    return new NetworkTables(folder, study, problems, key -> -1);
  }

  /** As {@link #open(Path, Study, List)}, with the successive-halving rung of each cell for results.csv. */
  public static NetworkTables open(Path folder, Study study, List<Problem> problems,
      java.util.function.ToIntFunction<Cell> rungOf) {
    return new NetworkTables(folder, study, problems, rungOf);
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
        ResultsTable.print(results.printer(), r, rungOf.applyAsInt(Cell.of(r.spec())), study.validated(),
            study.earlyStopped());
        if (predictions != null) {
          PredictionsTable.print(predictions.printer(), r, problems);
        }
        if (curves != null && study.curveWritten(r.spec().seed())) {
          CurvesTable.print(curves.printer(), r);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the network tables in " + folder + ": " + e.getMessage(), e);
    }
  }

  /** Puts the files in place; returns their names (results.csv, then predictions.csv and curves.csv if any). */
  public List<String> commit() {
    List<String> names = new ArrayList<>();
    results.commit();
    names.add("results.csv");
    if (predictions != null) {
      predictions.commit();
      names.add("predictions.csv");
    }
    if (curves != null) {
      curves.commit();
      names.add("curves.csv");
    }
    return names;
  }

  /** Deletes what was not committed. */
  @Override
  public void close() {
    for (CsvFiles.Streamed s : new CsvFiles.Streamed[] {results, predictions, curves}) {
      if (s != null) {
        s.close();
      }
    }
  }
}
