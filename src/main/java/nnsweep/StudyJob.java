package nnsweep;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import nnsweep.cli.LaunchCommand;
import nnsweep.cli.MasterCheck;
import nnsweep.cli.Options;
import nnsweep.fs.Storage;
import nnsweep.grid.Cell;
import nnsweep.grid.Grid;
import nnsweep.grid.IdRange;
import nnsweep.grid.TaskPlan;
import nnsweep.model.ModelFiles;
import nnsweep.model.Winners;
import nnsweep.report.Console;
import nnsweep.report.Headlines;
import nnsweep.report.HtmlReport;
import nnsweep.report.LadderTable;
import nnsweep.report.NetworkTables;
import nnsweep.report.Progress;
import nnsweep.report.ReportModel;
import nnsweep.report.Reports;
import nnsweep.report.RunInfo;
import nnsweep.report.RunJson;
import nnsweep.report.StudyVerdict;
import nnsweep.report.VerdictReport;
import nnsweep.run.Problem;
import nnsweep.run.Problems;
import nnsweep.run.RangeTrainer;
import nnsweep.run.ResultCodec;
import nnsweep.run.TrainingResult;
import nnsweep.run.Warmup;
import nnsweep.search.CellScore;
import nnsweep.search.Ladder;
import nnsweep.search.Rungs;
import nnsweep.spark.SparkContexts;
import nnsweep.spark.SparkHalving;
import nnsweep.spark.SparkSweep;
import nnsweep.state.OutputLock;
import nnsweep.state.RunState;
import nnsweep.state.RungState;
import nnsweep.stats.Aggregation;
import nnsweep.stats.CellStats;
import nnsweep.stats.DatasetReport;
import nnsweep.stats.Verdict;
import nnsweep.study.Study;
import nnsweep.study.StudyLoader;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * One run of a study: options -> study -> grid -> Spark -> reports. {@link Main} wraps it with exit codes and closes
 * it (which releases the output folder's lock) on every exit.
 */
final class StudyJob implements AutoCloseable {
  private final Options options;
  private final List<String> args;
  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, Double> stages = new LinkedHashMap<>();
  private long stageStart = System.nanoTime();
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
    // every input is checked before anything is written or Spark starts: the master first (a typo, or a standalone
    // master nothing answers at, would otherwise fail only once the run state exists, after a minute of retries)
    MasterCheck.check(SparkContexts.master());
    // plain paths are local; URIs (hdfs://, s3a://, file://, ...) go through Hadoop with Spark's configuration
    Storage storage = Storage.of(SparkContexts::hadoopConf, SparkContexts.baseDir());
    Study study = StudyLoader.load(storage, options.config(), options.sets());
    List<Problem> problems = Problems.load(study, storage);
    Grid grid = Grid.expand(study, Problems.datasets(problems), Problems.trainingRows(problems));
    SparkConf conf = SparkContexts.conf(study.name());
    long warmupMillis = SparkContexts.warmupMillis(conf);
    SparkContexts.executorWaitSeconds(conf);
    String shownTarget = options.out().orElse("out/" + study.name());
    org.apache.hadoop.fs.Path target = storage.resolve(shownTarget);
    RunState.Mode mode = options.resume() ? RunState.Mode.RESUME
        : options.overwrite() ? RunState.Mode.OVERWRITE : RunState.Mode.NEW;
    // one run per folder: the lock comes before the folder is checked, and a second run stops here; a later attempt
    // of a cluster-mode submission takes over its earlier attempt's lock
    RunState.checkPath(storage, target, shownTarget);
    guard = RunGuard.start(OutputLock.acquire(storage, target, shownTarget, mode, options.breakLock(),
        DriverAttempts.runId(), LaunchCommand.asStarted(args), err::println), shownTarget, grid.size(),
        LaunchCommand.toResume(args, shownTarget), err, options.verbose());
    // a driver restarted by the cluster manager finds its own submission's committed parts and resumes
    mode = DriverAttempts.mode(storage, target, mode);
    RunState.check(storage, target, shownTarget, mode, study, problems);
    RunState state = RunState.open(storage, target, shownTarget, mode, study, problems);
    DriverAttempts.record(storage, target);
    guard.opened(state, mode != RunState.Mode.RESUME);
    long resumed = state.checkCommitted(grid, problems, err::println);
    List<IdRange> committed = state.committedRanges();
    List<IdRange> todo = state.missing(grid.size());
    stage("load");

    Loaded run = new Loaded(study, problems, grid, storage, target, shownTarget, state, resumed, committed, todo);
    long trained = run.trained();
    Rungs rungs = study.search().halving() ? new Rungs(study.search().reduction(), study.search().minEpochs(),
        study.epochs().get(0), study.search().raceBy()) : null;
    // big sweeps on a cluster (or on request) get Parquet tables, written by the tasks; otherwise single CSV files
    // (on local[N] the driver's CSV writer is faster than Spark SQL's start-up: docs/benchmarks.md)
    boolean parquet = rungs == null && (study.tables() == Study.Tables.PARQUET
        || (study.parquet(grid.size()) && !SparkContexts.isLocal(conf)));
    Trained done;
    if (todo.isEmpty() && rungs == null && !parquet) {
      try (JavaSparkContext sc = SparkContexts.contextRequired(conf) ? SparkContexts.start(conf) : null) {
        Map<Cell, CellStats> cells = aggregateCommitted(state, grid, problems);
        done = new Trained(Aggregation.datasets(cells.values(), study.hiddenRules()), null, null,
            RunFacts.NOTHING_TRAINED, keptHere(study, grid, problems, cells.values().stream().map(CellScore::of)
                .toList()));
      }
      stage("aggregate");
    } else {
      done = spark(run, conf, warmupMillis, rungs, parquet);
    }
    List<DatasetReport> datasets = done.datasets();
    Ladder ladder = done.ladder();
    RunFacts facts = done.facts();

    // the reports are written on the driver's disk: in the output folder itself when it is local, otherwise in a
    // staging folder whose files are then copied, each whole or not at all, to the output folder
    ReportFolder folder = ReportFolder.open(storage, target);
    Path reports = folder.local();
    // with halving, every network's last state is in the last rung's blocks
    RungState last = rungs == null || rungs.last() == 0 ? null
        : RungState.at(storage, target, shownTarget, rungs.last());
    ToIntFunction<Cell> rungOf = LadderTable.rungOf(ladder);
    NetworkFiles files = parquet ? done.parquetFiles() : writeNetworkTables(reports, study, grid, problems,
        ReportModel.pickedIds(datasets), last == null ? state.committedRanges() : last.committedRanges(),
        range -> last == null ? state.results(range, grid, problems)
            : ResultCodec.decode(last.block(range), grid, problems), rungOf);
    List<String> written = new ArrayList<>(files.names());
    ReportModel model = new ReportModel(study, problems, datasets, files.drawn());
    written.addAll(Reports.writeAggregates(reports, model, rungOf, rungs));
    if (ladder != null) {
      written.addAll(LadderTable.write(reports, ladder));
    }
    written = new ArrayList<>(Reports.inOrder(written));
    // the rules verdict, when the study asks for it (docs/rules-verdict.md): from the cells aggregated above
    Verdict.Result verdict = null;
    try {
      verdict = StudyVerdict.of(study, problems, datasets, rungs, rungOf).orElse(null);
    } catch (IllegalStateException e) {
      // every network of some size diverged: an outcome of the run, not bad input; the other reports stand
      err.println("nnsweep: warning: " + e.getMessage());
    }
    if (verdict != null) {
      written.addAll(VerdictReport.write(reports, verdict));
    }
    List<String> others = new ArrayList<>(written);
    others.add("run.json");
    written.addAll(HtmlReport.write(reports, model, ladder, others, verdict));
    stage("reports");
    List<String> models = ModelFiles.write(reports, done.models(), problems, study.name(), RunInfo.version());
    stage("models-write");
    RunInfo info = new RunInfo(args, RunInfo.version(), facts.sparkVersion(), System.getProperty("java.version"),
        facts.master(), facts.parallelism(), facts.partitions(), facts.executors(), grid.size(), trained, resumed,
        kernelCounts(grid), facts.blas(), started, Instant.now().toString(), stages);
    RunJson.write(reports.resolve("run.json"), study, info);
    written.add("run.json");
    List<String> published = new ArrayList<>(models);
    published.addAll(written);
    folder.publish(published);
    if (!models.isEmpty()) {
      written.add(ModelFiles.FOLDER + "/ (" + (models.size() - 1) / 2 + " networks)");
    }
    RungState.clear(storage, target, shownTarget);
    state.finish();
    guard.finished();

    if (!files.detailed().isEmpty()) {
      Console.printNetworks(out, files.detailed(), problems);
    }
    out.printf(Locale.ROOT, "nnsweep: trained %d networks in %.1f s (%.1f networks/s)%n", trained,
        facts.trainSeconds(), trained / Math.max(1e-9, facts.trainSeconds()));
    Headlines.of(model, ladder).stream().limit(12).forEach(h -> out.println("  " + h));
    if (verdict != null) {
      out.println("nnsweep: rules verdict over " + datasets.size() + " datasets:");
      VerdictReport.headlines(verdict).forEach(h -> out.println("  " + h));
    } else if (study.validated() && !study.hiddenRules().isEmpty()) {
      StudyVerdict.whyNot(study, problems).ifPresent(why -> out.println("nnsweep: no rules verdict: " + why
          + " (docs/rules-verdict.md)"));
    }
    out.printf(Locale.ROOT, "nnsweep: wrote %s: %s%n", shownTarget, String.join(", ", written));
    if (written.contains("report.html")) {
      out.printf(Locale.ROOT, "nnsweep: open %s%n", Storage.isLocal(target)
          ? Storage.localPath(target).resolve("report.html").toUri() : target + "/report.html");
    }
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

  /** The run as loaded: the study and its inputs, the output folder's state, what is committed and what is left. */
  private record Loaded(Study study, List<Problem> problems, Grid grid, Storage storage,
      org.apache.hadoop.fs.Path target, String shownTarget, RunState state, long resumed, List<IdRange> committed,
      List<IdRange> todo) {
    /** Networks left to train. */
    long trained() {
      return todo.stream().mapToLong(IdRange::size).sum();
    }
  }

  /**
   * What the training step gives: the reports' statistics per dataset, halving's ladder (null for a grid), the
   * Parquet tables the tasks wrote (null for CSV tables) and the facts of the run for {@code run.json}.
   */
  private record Trained(List<DatasetReport> datasets, Ladder ladder, NetworkFiles parquetFiles, RunFacts facts,
      List<TrainingResult> models) {}

  /**
   * Where and how the Spark step ran, for {@code run.json} and the closing line.
   *
   * @param parallelism Spark's default parallelism
   * @param partitions the task plan's partitions
   * @param executors executors besides the driver
   * @param blas the BLAS of the JVMs that trained
   * @param trainSeconds wall time of the training stage
   */
  private record RunFacts(String master, String sparkVersion, int parallelism, int partitions, int executors,
      List<String> blas, double trainSeconds) {
    /** Nothing was left to train and Spark did not start. */
    static final RunFacts NOTHING_TRAINED = new RunFacts("none (everything was committed)", "", 0, 0, 0, List.of(),
        0);
  }

  /**
   * The Spark step: trains what is left (a grid's ranges, or halving's rungs), committing each block as its task
   * ends, aggregates the reports' statistics on the executors and, for {@code parquet}, has the tasks write the
   * per-network tables.
   */
  private Trained spark(Loaded run, SparkConf conf, long warmupMillis, Rungs rungs, boolean parquet) {
    Study study = run.study();
    Grid grid = run.grid();
    List<Problem> problems = run.problems();
    RunState state = run.state();
    List<IdRange> todo = run.todo();
    // in local mode the tasks run in this JVM: warm its JIT up on the study's shapes while Spark starts
    boolean local = SparkContexts.isLocal(conf);
    sparkMaster = conf.get("spark.master", "local[*]");
    if (local && !todo.isEmpty()) {
      Warmup.inBackground(grid, problems, warmupMillis);
    }
    Trained done;
    try (JavaSparkContext sc = SparkContexts.start(conf)) {
      // on a cluster: at least one executor within the bounded wait, or one line saying the cluster granted none
      SparkContexts.awaitExecutors(sc);
      stage("spark-start");
      SparkSweep sweep = new SparkSweep(sc, grid, problems, warmupMillis);
      if (!todo.isEmpty()) {
        sweep.warmUp();
      }
      List<String> blas = sweep.kernels();
      Warmup.awaitDone();
      stage("warm-up");
      int parallelism = sc.defaultParallelism();
      int maxTasks = study.partitions() > 0 ? study.partitions()
          : TaskPlan.defaultMaxTasks(grid, todo, RangeTrainer.GROUP_SIZE,
              Math.max(1, parallelism));
      List<IdRange> ranges = TaskPlan.plan(grid, todo, RangeTrainer.GROUP_SIZE, maxTasks);
      out.printf(Locale.ROOT, "nnsweep: study '%s' from %s: %d networks%s in %d partitions on %s%n",
          study.name(), study.source(), grid.size(), run.resumed() == 0 ? ""
              : " (" + run.resumed() + " already committed, " + run.trained() + " to train)", ranges.size(),
          sc.master());
      List<DatasetReport> datasets;
      Ladder ladder = null;
      NetworkFiles parquetFiles = null;
      List<TrainingResult> models = List.of();
      double trainSeconds;
      if (rungs != null) {
        // successive halving: the rungs' blocks stay on the executors, each committed as its task finishes
        List<List<byte[]>> committed = new ArrayList<>();
        committed.add(run.committed().stream().map(state::block).toList());
        for (int k = 1; k < rungs.count(); k++) {
          committed.add(RungState.at(run.storage(), run.target(), run.shownTarget(), k).blocks(err::println));
        }
        SparkHalving.Result result = new SparkHalving(sweep).run(rungs, ranges, committed,
            (rung, range, block) -> guard.commit(() -> {
              if (rung == 0) {
                state.commit(range, block);
              } else {
                RungState.at(run.storage(), run.target(), run.shownTarget(), rung).commit(range, block);
              }
            }));
        ladder = result.ladder();
        trainSeconds = stage("train");
        boolean keep = study.keepModels() != Study.KeepModels.NONE;
        SparkSweep.Aggregate aggregate = sweep.aggregate(result.blocks(), study.hiddenRules(), keep);
        datasets = aggregate.reports();
        stage("aggregate");
        // halving's blocks keep every network's final weights: the kept ones are read from there
        List<CellScore> scores = aggregate.scores();
        List<Long> ids = Winners.pick(scores, ladder, study.keepModels());
        models = Winners.verify(ids.isEmpty() ? List.of() : sweep.results(result.blocks(), Set.copyOf(ids)), scores,
            ids);
        result.blocks().unpersist(false);
        stage("models");
        LadderTable.print(out, ladder);
      } else {
        Progress progress = new Progress(out, grid.size(), run.resumed());
        // the console prints weights only for a handful of networks; a big sweep does not ship or keep them
        boolean weights = grid.size() <= Console.DETAIL_LIMIT;
        JavaRDD<byte[]> blocks = ranges.isEmpty() ? sweep.none() : sweep.train(ranges, weights, (range, block) -> {
          guard.commit(() -> state.commit(range, block));
          progress.advance(ResultCodec.count(block));
        });
        trainSeconds = stage("train");
        // the results stay on the executors: the reports' statistics are aggregated there
        JavaRDD<byte[]> all = sweep.withCommitted(blocks, run.committed().stream().map(state::block).toList());
        boolean keep = study.keepModels() != Study.KeepModels.NONE;
        SparkSweep.Aggregate aggregate = sweep.aggregate(all, study.hiddenRules(), keep);
        datasets = aggregate.reports();
        stage("aggregate");
        if (parquet) {
          parquetFiles = writeParquetTables(sweep, all, run.target(), study, grid, ReportModel.pickedIds(datasets));
          stage("tables");
        }
        // a grid keeps no weights: the kept networks are trained again, by the sweep's own step
        if (keep) {
          List<CellScore> scores = aggregate.scores();
          List<Long> ids = Winners.pick(scores, null, study.keepModels());
          models = Winners.verify(sweep.retrain(ids), scores, ids);
          stage("models");
        }
        blocks.unpersist(false);
      }
      int executors = Math.max(0, sc.sc().statusTracker().getExecutorInfos().length - 1);
      done = new Trained(datasets, ladder, parquetFiles, new RunFacts(sc.master(), sc.version(), parallelism,
          ranges.size(), executors, blas, trainSeconds), models);
    }
    stage("spark-stop");
    return done;
  }

  /** What writing the per-network tables gave: the files' names, the networks the charts draw, the console's. */
  private record NetworkFiles(List<String> names, Map<Long, TrainingResult> drawn, List<TrainingResult> detailed) {}

  /**
   * results.csv, predictions.csv and curves.csv, streamed from the committed parts in id order, one block in memory
   * at a time; on the way, keeps the networks the charts draw and, for a handful, every network for the console.
   */
  private static NetworkFiles writeNetworkTables(Path target, Study study, Grid grid,
      List<Problem> problems, Set<Long> drawnIds, List<IdRange> ranges,
      Function<IdRange, List<TrainingResult>> results, ToIntFunction<Cell> rungOf) {
    Map<Long, TrainingResult> drawn = new HashMap<>();
    List<TrainingResult> detailed = new ArrayList<>();
    try (NetworkTables tables = NetworkTables.open(target, study, problems, rungOf)) {
      for (IdRange range : ranges) {
        List<TrainingResult> block = results.apply(range);
        tables.add(block);
        for (TrainingResult r : block) {
          if (drawnIds.contains(r.spec().id())) {
            drawn.put(r.spec().id(), r);
          }
          if (grid.size() <= Console.DETAIL_LIMIT) {
            detailed.add(r);
          }
        }
      }
      return new NetworkFiles(tables.commit(), drawn, detailed);
    }
  }

  /**
   * results, predictions and curves as Parquet datasets written by the tasks into the output folder; the networks
   * the charts draw (and, for a handful, every network for the console) come to the driver.
   */
  private static NetworkFiles writeParquetTables(SparkSweep sweep, JavaRDD<byte[]> blocks,
      org.apache.hadoop.fs.Path target, Study study, Grid grid, Set<Long> drawnIds) {
    List<String> names = sweep.writeParquet(blocks, target.toString(), study);
    Set<Long> wanted = new java.util.HashSet<>(drawnIds);
    boolean detail = grid.size() <= Console.DETAIL_LIMIT;
    if (detail) {
      for (long id = 0; id < grid.size(); id++) {
        wanted.add(id);
      }
    }
    List<TrainingResult> picked = new ArrayList<>(sweep.results(blocks, wanted));
    picked.sort(java.util.Comparator.comparingLong(r -> r.spec().id()));
    Map<Long, TrainingResult> drawn = new HashMap<>();
    for (TrainingResult r : picked) {
      if (drawnIds.contains(r.spec().id())) {
        drawn.put(r.spec().id(), r);
      }
    }
    return new NetworkFiles(names, drawn, detail ? picked : List.of());
  }

  /** With nothing left to train: the committed parts' cells, folded here, one part in memory at a time. */
  private static Map<Cell, CellStats> aggregateCommitted(RunState state, Grid grid, List<Problem> problems) {
    Map<Cell, CellStats> cells = new LinkedHashMap<>();
    for (IdRange range : state.committedRanges()) {
      state.results(range, grid, problems).forEach(r -> Aggregation.fold(cells, r));
    }
    return cells;
  }

  /** With nothing left to train, the kept networks trained again here, by the sweep's own step. */
  private static List<TrainingResult> keptHere(Study study, Grid grid, List<Problem> problems,
      java.util.Collection<CellScore> scores) {
    List<Long> ids = Winners.pick(scores, null, study.keepModels());
    RangeTrainer trainer = new RangeTrainer(grid, problems, true);
    List<TrainingResult> again = new ArrayList<>();
    for (long id : ids) {
      again.addAll(ResultCodec.decode(trainer.train(new IdRange(id, id + 1)), grid, problems));
    }
    return Winners.verify(again, scores, ids);
  }

  /** Networks per kernel, counted by shape runs (a kernel holds for a whole run). */
  private static Map<String, Long> kernelCounts(Grid grid) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    for (long id = 0; id < grid.size(); id = grid.shapeRunEnd(id)) {
      counts.merge(grid.kernel(id).name(), grid.shapeRunEnd(id) - id, Long::sum);
    }
    return counts;
  }

  private double stage(String name) {
    long now = System.nanoTime();
    double seconds = (now - stageStart) / 1e9;
    stages.put(name, Math.round(seconds * 1000) / 1000.0);
    stageStart = now;
    return seconds;
  }
}
