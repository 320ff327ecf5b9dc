package nnsweep;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import nnsweep.cli.Options;
import nnsweep.grid.Grid;
import nnsweep.grid.IdRange;
import nnsweep.report.Console;
import nnsweep.report.Progress;
import nnsweep.report.Reports;
import nnsweep.run.Problem;
import nnsweep.run.Problems;
import nnsweep.run.TrainingResult;
import nnsweep.spark.SparkContexts;
import nnsweep.spark.SparkSweep;
import nnsweep.state.RunState;
import nnsweep.study.Study;
import nnsweep.study.StudyLoader;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The study job: arguments -> study -> grid -> Spark -> reports. The only place that starts Spark and turns
 * failures into exit codes (2 for bad input, 1 for anything else).
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs the job; returns the exit status. Takes its streams so tests can run it in-process. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    boolean verbose = List.of(args).contains("--verbose");
    try {
      Options options = Options.parse(args);
      if (options.help()) {
        out.print(Options.usage());
        return 0;
      }
      // every input is checked before anything is written or Spark starts
      Study study = StudyLoader.load(options.config(), options.sets());
      List<Problem> problems = Problems.load(study);
      Grid grid = Grid.expand(study, Problems.datasets(problems));
      Path target = options.out().orElse(Path.of("out", study.name()));
      RunState.Mode mode = options.resume() ? RunState.Mode.RESUME
          : options.overwrite() ? RunState.Mode.OVERWRITE : RunState.Mode.NEW;
      RunState.check(target, mode, study, problems);

      RunState state = RunState.open(target, mode, study, problems);
      List<TrainingResult> results = new ArrayList<>(state.committedResults());
      List<IdRange> todo = state.missing(grid.size());
      long started = System.nanoTime();
      long trained = 0;
      if (!todo.isEmpty()) {
        try (JavaSparkContext sc = SparkContexts.start(study.name())) {
          long remaining = todo.stream().mapToLong(IdRange::size).sum();
          int partitions = study.partitions() > 0 ? study.partitions()
              : SparkSweep.defaultPartitions(sc, remaining);
          List<IdRange> ranges = IdRange.balanced(grid, partitions, todo);
          out.printf(Locale.ROOT, "nnsweep: study '%s' from %s: %d networks%s in %d partitions on %s%n",
              study.name(), study.source(), grid.size(),
              results.isEmpty() ? "" : " (" + results.size() + " already committed, " + remaining + " to train)",
              ranges.size(), sc.master());
          Progress progress = new Progress(out, grid.size(), results.size());
          SparkSweep.run(sc, grid, problems, ranges, (range, done) -> {
            state.commit(range, done);
            results.addAll(List.of(done));
            progress.advance(done.length);
          });
          trained = remaining;
        }
      }
      results.sort(Comparator.comparingLong(r -> r.spec().id()));
      double seconds = (System.nanoTime() - started) / 1e9;
      Reports.Written written = Reports.write(target, results, problems);
      state.finish();

      if (results.size() <= Console.DETAIL_LIMIT) {
        Console.printNetworks(out, results, problems);
      }
      out.printf(Locale.ROOT, "nnsweep: trained %d networks in %.1f s (%.1f networks/s)%n", trained, seconds,
          trained / seconds);
      Console.printHeadlines(out, written.summary());
      out.printf(Locale.ROOT, "nnsweep: wrote %s: results.csv (%d rows), summary.csv (%d rows)%s%n",
          written.folder(), written.results(), written.summary().size(),
          written.predictions() ? ", predictions.csv" : "");
      return 0;
    } catch (InputException e) {
      err.println("nnsweep: error: " + e.getMessage());
      if (verbose) {
        e.printStackTrace(err);
      }
      return 2;
    } catch (RuntimeException e) {
      err.println("nnsweep: failed: " + e);
      if (verbose) {
        e.printStackTrace(err);
      } else {
        err.println("nnsweep: run with --verbose for the stack trace");
      }
      return 1;
    }
  }
}
