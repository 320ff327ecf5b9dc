package nnsweep;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nnsweep.cli.Options;
import nnsweep.fs.OutputFolder;

/**
 * One run of a study: options -> study -> grid -> Spark -> reports. {@link Main} wraps it with exit codes and closes
 * it (which releases the output folder's lock) on every exit.
 */
final class StudyJob implements AutoCloseable {
  private final Options options;
  private final List<String> args;
  private final PrintStream out;
  private final PrintStream err;
  private final Stages stages = new Stages();
  private RunGuard guard;
  private volatile String sparkMaster; // set once the Spark step starts

  StudyJob(Options options, List<String> args, PrintStream out, PrintStream err) {
    this.options = options;
    this.args = args;
    this.out = out;
    this.err = err;
  }

  void run() {
    String started = Instant.now().toString();
    // every input is checked before anything is written or Spark starts
    StudyInputs in = StudyInputs.load(options.config(), options.sets());
    OutputFolder folder = in.outputFolder(options.out());
    guard = RunGuard.lock(folder, options, args, in.grid().size(), err);
    ResumePoint start = ResumePoint.open(in, folder, options, guard, err);
    stages.end("load");

    TrainingStep training = TrainingStep.of(in, start, guard, out, err, stages);
    sparkMaster = training.sparkMaster().orElse(null);
    Trained trained = training.run();

    ReportStep.Written written = ReportStep.write(in, folder, start, trained, args, started, stages, err);
    start.finish(guard);
    ClosingLines.print(out, in, folder, start, trained, written);
  }

  /**
   * After a failure: the master, when the run failed in its Spark step before committing anything (the failure is
   * then most likely the cluster's, and nothing is left to resume).
   */
  Optional<String> failedOnMaster() {
    return sparkMaster != null && (guard == null || !guard.committedAny()) ? Optional.of(sparkMaster)
        : Optional.empty();
  }

  /** After a failure: how much is committed and the command that finishes the run, if it got that far. */
  Optional<String> unfinished() {
    return guard == null ? Optional.empty() : guard.unfinished();
  }

  /** Releases the output folder's lock, if this run took it. */
  @Override
  public void close() {
    if (guard != null) {
      guard.close();
    }
  }
}
