package nnsweep;

import java.io.PrintStream;
import java.util.List;
import nnsweep.cli.Options;

/**
 * The job's entry point for spark-submit: parses arguments, runs the {@link StudyJob}, and is the only place that
 * turns failures into exit codes (2 for bad input, 1 for anything else).
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
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
    try {
      Options options = Options.parse(args);
      if (options.help()) {
        out.print(Options.usage());
        return 0;
      }
      new StudyJob(options, List.of(args), out).run();
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
