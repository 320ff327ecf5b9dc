package nnsweep;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nnsweep.cli.LaunchCommand;
import nnsweep.cli.Options;
import nnsweep.fs.OutputFolder;
import nnsweep.grid.IdRange;
import nnsweep.state.OutputLock;
import nnsweep.state.RunState;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * A run's exit paths once it holds its output folder's lock: on success and on failure the lock is released by
 * {@link #close}; on SIGINT or SIGTERM the JVM runs its shutdown hooks (Spark's stops the context, which ends the
 * training job), and this guard's hook stops further commits, prints one line (how many networks are committed and
 * the command that finishes the run) and releases the lock. The JVM then exits with 128 + the signal's number
 * (130, 143), as it does for any signal. Without {@code --verbose}, the signal first turns logging off: Spark's
 * threads log errors and stack traces while the context is stopped under running tasks, and those are noise here.
 */
final class RunGuard implements AutoCloseable {
  private final OutputLock lock;
  private final String out;
  private final long networks;
  private final String resume;
  private final PrintStream err;
  private final Thread hook;
  private final boolean verbose;
  private volatile RunState state;
  private volatile boolean ownState; // the state was created by this run (not one resumed)
  private long committedHere; // guarded by this
  private volatile boolean finished;
  private boolean stopped; // guarded by this: no commit after the interrupt line counted them
  private volatile String signal = "";
  private final List<Runnable> restoreSignals = new ArrayList<>();

  private RunGuard(OutputLock lock, String out, long networks, String resume, PrintStream err, boolean verbose) {
    this.verbose = verbose;
    this.lock = lock;
    this.out = out;
    this.networks = networks;
    this.resume = resume;
    this.err = err;
    this.hook = new Thread(this::onShutdown, "nnsweep-interrupt");
  }

  /**
   * Takes the lock of output folder {@code folder} for a run of {@code networks} networks started with {@code args},
   * and guards the run. One run per folder: the lock comes before the folder is checked, and a second run stops
   * here; a later attempt of a cluster-mode submission takes over its earlier attempt's lock.
   */
  static RunGuard lock(OutputFolder folder, Options options, List<String> args, long networks, PrintStream err) {
    RunState.checkPath(folder);
    OutputLock lock = OutputLock.acquire(folder, ResumePoint.asked(options), options.breakLock(),
        DriverAttempts.runId(), LaunchCommand.asStarted(args), err::println);
    return start(lock, folder.shown(), networks, LaunchCommand.toResume(args, folder.shown()), err,
        options.verbose());
  }

  /**
   * Guards a run of {@code networks} networks into {@code out} holding {@code lock}.
   *
   * @param resume the command that finishes the run
   */
  static RunGuard start(OutputLock lock, String out, long networks, String resume, PrintStream err, boolean verbose) {
    RunGuard guard = new RunGuard(lock, out, networks, resume, err, verbose);
    Runtime.getRuntime().addShutdownHook(guard.hook);
    guard.onSignals();
    return guard;
  }

  /** Records which signal stops the run and quiets logging, then lets the JVM's own handler shut it down. */
  private void onSignals() {
    for (String name : List.of("INT", "TERM")) {
      Signal sig = new Signal(name);
      SignalHandler[] previous = new SignalHandler[1];
      try {
        previous[0] = Signal.handle(sig, s -> {
          signal = " (SIG" + s.getName() + ")";
          if (!verbose) {
            quietLogs();
          }
          try {
            previous[0].handle(s);
          } catch (UnsupportedOperationException e) {
            System.exit(128 + s.getNumber()); // the previous handler was native: do what it does
          }
        });
        restoreSignals.add(() -> Signal.handle(sig, previous[0]));
      } catch (IllegalArgumentException e) {
        // the JVM keeps the signal (-Xrs) or it was ignored when the JVM started: nothing to add
      }
    }
  }

  /**
   * The run's state exists: from now on an early stop leaves committed work to resume.
   *
   * @param created whether this run created it (a new run, {@code --overwrite}), not resumed it: a run that ends
   *     before its first commit then removes it again
   */
  void opened(RunState runState, boolean created) {
    this.ownState = created;
    this.state = runState;
  }

  /** Runs {@code commit} unless the run is being interrupted (then the part is trained again on resume). */
  synchronized void commit(Runnable commit) {
    if (!stopped) {
      try {
        commit.run();
        committedHere++;
      } catch (RuntimeException e) {
        // e.g. disk full: the job fails and the context stops under the running tasks, whose logging is noise here
        if (!verbose) {
          quietLogs();
        }
        throw e;
      }
    }
  }

  private static void quietLogs() {
    try {
      Configurator.setAllLevels(LogManager.getRootLogger().getName(), Level.OFF);
    } catch (LinkageError | RuntimeException e) {
      // a Spark without log4j 2's core: its logging stays as it is, and the signal must still end the run
    }
  }

  /** Whether this run has committed any network yet. */
  synchronized boolean committedAny() {
    return committedHere > 0;
  }

  /** The reports are written: nothing is left to resume. */
  void finished() {
    finished = true;
  }

  /** For a run that stopped early with its state in place: what is committed and the command that finishes it. */
  Optional<String> unfinished() {
    RunState s = state;
    if (s == null || finished) {
      return Optional.empty();
    }
    long committed = s.committedRanges().stream().mapToLong(IdRange::size).sum();
    if (committed == 0) {
      return Optional.empty(); // nothing to resume: the same command, corrected, starts afresh
    }
    return Optional.of(String.format(Locale.ROOT, "%d of %d networks are committed in %s; to finish the run: %s",
        committed, networks, out, resume));
  }

  /** The normal exits, success or failure: the lock goes. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
      restoreSignals.forEach(Runnable::run);
    } catch (IllegalStateException e) {
      // shutting down: the hook runs (or ran) and reports
    }
    release();
  }

  /** Releases the lock, after removing the run state of a run that ends before its first commit. */
  private void release() {
    RunState s = state;
    boolean discard;
    synchronized (this) {
      discard = s != null && ownState && !finished && committedHere == 0;
    }
    try {
      if (discard) {
        s.discard();
      }
    } finally {
      lock.close();
      if (discard) {
        s.removeFolderIfEmpty();
      }
    }
  }

  private void onShutdown() {
    synchronized (this) {
      stopped = true;
    }
    try {
      if (!finished) {
        err.println("nnsweep: interrupted" + signal + ": "
            + unfinished().orElse("nothing was committed yet; run the same command again"));
        err.flush();
      }
    } finally {
      release();
    }
  }

  /** Whether the JVM is shutting down (a signal, or an exit elsewhere): then a failing Spark call is no failure. */
  static boolean shuttingDown() {
    Thread probe = new Thread(() -> { });
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }
}
