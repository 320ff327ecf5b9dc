package nnsweep;

import java.io.PrintStream;
import java.util.List;
import nnsweep.cli.Options;
import nnsweep.fs.OutputFolder;
import nnsweep.grid.IdRange;
import nnsweep.state.RunState;
import nnsweep.state.RungState;

/**
 * Where a run starts from, in its locked output folder: the run state, opened new or resumed, with what is committed
 * and what is left to train.
 *
 * @param resumed networks committed by an earlier run
 * @param committed the ranges committed by an earlier run
 * @param todo the ranges left to train
 */
record ResumePoint(OutputFolder folder, RunState state, long resumed, List<IdRange> committed,
    List<IdRange> todo) {

  /**
   * Opens the run state in {@code folder} (whose lock {@code guard} holds) as {@code options} ask: checks it, creates,
   * replaces or resumes it, and sets aside damaged committed parts, with one line each to {@code err}.
   */
  static ResumePoint open(StudyInputs in, OutputFolder folder, Options options, RunGuard guard, PrintStream err) {
    // a driver restarted by the cluster manager finds its own submission's committed parts and resumes
    RunState.Mode mode = DriverAttempts.mode(folder, asked(options));
    RunState.check(folder, mode, in.study(), in.problems());
    RunState state = RunState.open(folder, mode, in.study(), in.problems());
    DriverAttempts.record(folder);
    guard.opened(state, mode != RunState.Mode.RESUME);
    long resumed = state.checkCommitted(in.grid(), in.problems(), err::println);
    return new ResumePoint(folder, state, resumed, state.committedRanges(), state.missing(in.grid().size()));
  }

  /** What the command line asks for the output folder: a new run, {@code --overwrite} or {@code --resume}. */
  static RunState.Mode asked(Options options) {
    return options.resume() ? RunState.Mode.RESUME
        : options.overwrite() ? RunState.Mode.OVERWRITE : RunState.Mode.NEW;
  }

  /** Networks left to train. */
  long toTrain() {
    return todo.stream().mapToLong(IdRange::size).sum();
  }

  /** The committed blocks of the ranges an earlier run committed. */
  List<byte[]> committedBlocks() {
    return committed.stream().map(state::block).toList();
  }

  /** The reports are written: the committed blocks go, and the run is no longer one to resume. */
  void finish(RunGuard guard) {
    RungState.clear(folder);
    state.finish();
    guard.finished();
  }
}
