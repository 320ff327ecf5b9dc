package nnsweep;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nnsweep.grid.IdRange;
import nnsweep.grid.TaskPlan;
import nnsweep.run.RangeTrainer;
import nnsweep.run.TrainingResult;
import nnsweep.run.Warmup;
import nnsweep.search.Ladder;
import nnsweep.spark.SparkContexts;
import nnsweep.spark.SparkSweep;
import nnsweep.stats.DatasetReport;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The training step on Spark: starts the context, warms the JVMs up, plans the tasks and names them on the console;
 * a subclass trains ({@link #train}); then the context stops. Each block is committed as its task ends.
 */
abstract class SparkTraining implements TrainingStep {
  final StudyInputs in;
  final ResumePoint start;
  final RunGuard guard;
  final PrintStream out;
  final PrintStream err;
  final Stages stages;

  SparkTraining(StudyInputs in, ResumePoint start, RunGuard guard, PrintStream out, PrintStream err,
      Stages stages) {
    this.in = in;
    this.start = start;
    this.guard = guard;
    this.out = out;
    this.err = err;
    this.stages = stages;
  }

  /** What {@link #train} gives: the reports' statistics, the ladder (null: a grid), the tables and kept models. */
  record Outcome(List<DatasetReport> datasets, Ladder ladder, NetworkFiles.Source tables,
      List<TrainingResult> models, double trainSeconds) {}

  /**
   * Trains {@code ranges} (the first ones, for halving) with {@code sweep}, aggregates the reports' statistics on
   * the executors and keeps the study's models.
   */
  abstract Outcome train(SparkSweep sweep, List<IdRange> ranges);

  @Override
  public Optional<String> sparkMaster() {
    return Optional.of(in.conf().get("spark.master", "local[*]"));
  }

  @Override
  public Trained run() {
    List<IdRange> todo = start.todo();
    // in local mode the tasks run in this JVM: warm its JIT up on the study's shapes while Spark starts
    if (SparkContexts.isLocal(in.conf()) && !todo.isEmpty()) {
      Warmup.inBackground(in.grid(), in.problems(), in.warmupMillis());
    }
    Trained done;
    try (JavaSparkContext sc = SparkContexts.start(in.conf())) {
      // on a cluster: at least one executor within the bounded wait, or one line saying the cluster granted none
      SparkContexts.awaitExecutors(sc);
      stages.end("spark-start");
      SparkSweep sweep = new SparkSweep(sc, in.grid(), in.problems(), in.warmupMillis());
      if (!todo.isEmpty()) {
        sweep.warmUp();
      }
      List<String> blas = sweep.kernels();
      Warmup.awaitDone();
      stages.end("warm-up");
      int parallelism = sc.defaultParallelism();
      List<IdRange> ranges = plan(parallelism);
      out.printf(Locale.ROOT, "nnsweep: study '%s' from %s: %d networks%s in %d partitions on %s%n",
          in.study().name(), in.study().source(), in.grid().size(), start.resumed() == 0 ? ""
              : " (" + start.resumed() + " already committed, " + start.toTrain() + " to train)", ranges.size(),
          sc.master());
      Outcome outcome = train(sweep, ranges);
      int executors = Math.max(0, sc.sc().statusTracker().getExecutorInfos().length - 1);
      done = new Trained(outcome.datasets(), outcome.ladder(), outcome.tables(), outcome.models(),
          new RunFacts(sc.master(), sc.version(), parallelism, ranges.size(), executors, blas,
              outcome.trainSeconds()));
    }
    stages.end("spark-stop");
    return done;
  }

  /** The ranges left to train cut into tasks: as many as the study's partitions, or as {@link TaskPlan} picks. */
  private List<IdRange> plan(int parallelism) {
    int maxTasks = in.study().partitions() > 0 ? in.study().partitions()
        : TaskPlan.defaultMaxTasks(in.grid(), start.todo(), RangeTrainer.GROUP_SIZE, Math.max(1, parallelism));
    return TaskPlan.plan(in.grid(), start.todo(), RangeTrainer.GROUP_SIZE, maxTasks);
  }
}
