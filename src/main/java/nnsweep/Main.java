package nnsweep;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import nnsweep.cli.Options;
import nnsweep.errors.InputException;
import nnsweep.errors.ServiceException;
import nnsweep.predict.PredictOptions;

/**
 * The job's entry point for spark-submit: parses arguments, runs the {@link StudyJob}, and is the only place that
 * turns failures into exit codes (2 for bad input, 1 for a service that is not there (an unreachable master, a
 * cluster that grants no executor) and anything else; a signal's own, 130 or 143, when the JVM is shut down by one,
 * see {@link RunGuard}). A run that fails before its first commit leaves no run state behind.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (List.of(args).contains("--help") || List.of(args).contains("-h") || List.of(args).contains("--version")) {
      // printed without touching Spark's configuration (which loads and logs): submit.sh answers these itself
      int status = run(args, System.out, System.err);
      System.exit(status);
      return;
    }
    DriverStatus report = DriverStatus.fromSparkConf();
    int status = report == null ? run(args, System.out, System.err)
        : run(args, report.out(System.out), report.err(System.err));
    if (report != null) {
      report.write(status);
    }
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs the job; returns the exit status. Takes its streams so tests can run it in-process. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    boolean verbose = List.of(args).contains("--verbose");
    StudyJob job = null;
    try {
      if (args.length > 0 && args[0].equals(PredictOptions.COMMAND)) {
        PredictJob.run(List.of(args).subList(1, args.length), out);
        return 0;
      }
      Options options = Options.parse(args);
      if (options.help()) {
        out.print(Options.usage());
        return 0;
      }
      if (options.version()) {
        out.println("nnsweep " + nnsweep.report.RunInfo.version());
        return 0;
      }
      job = new StudyJob(options, List.of(args), out, err);
      job.run();
      return 0;
    } catch (InputException e) {
      err.println("nnsweep: error: " + e.getMessage());
      if (verbose) {
        e.printStackTrace(err);
      }
      return 2;
    } catch (ServiceException e) {
      if (RunGuard.shuttingDown()) {
        return 130;
      }
      // a master that cannot be reached, a cluster that grants no executor: one line, the input was fine
      err.println("nnsweep: failed: " + e.getMessage());
      if (verbose) {
        e.printStackTrace(err);
      }
      Optional.ofNullable(job).flatMap(StudyJob::unfinished).ifPresent(line -> err.println("nnsweep: " + line));
      return 1;
    } catch (Exception e) { // Spark's exceptions are checked ones, thrown undeclared
      if (RunGuard.shuttingDown()) {
        // a signal: Spark's context was stopped under the job; the guard's hook reports, the JVM sets the status
        if (verbose) {
          e.printStackTrace(err);
        }
        return 130;
      }
      // before the first commit, in the Spark step: most likely the cluster's doing, so the master is named
      String master = Optional.ofNullable(job).flatMap(StudyJob::failedOnMaster).map(m -> "--master " + m + ": ")
          .orElse("");
      err.println("nnsweep: failed: " + master + describe(e));
      if (verbose) {
        e.printStackTrace(err);
      } else {
        err.println("nnsweep: run with --verbose for the stack trace");
      }
      Optional.ofNullable(job).flatMap(StudyJob::unfinished).ifPresent(line -> err.println("nnsweep: " + line));
      return 1;
    } finally {
      if (job != null) {
        job.close();
      }
    }
  }

  /**
   * The failure in words, without exception names: an I/O error (disk full, permissions) as its message, which names
   * the file; otherwise the innermost message (Spark wraps its causes), its first line.
   */
  static String describe(Throwable e) {
    String innermost = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if ((t instanceof UncheckedIOException || t instanceof IOException) && t.getMessage() != null) {
        return t.getMessage();
      }
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        innermost = t.getMessage();
      }
    }
    return innermost == null ? "an unexpected " + e.getClass().getSimpleName() + " (run with --verbose for where)"
        : innermost.lines().findFirst().orElse("").trim();
  }
}
