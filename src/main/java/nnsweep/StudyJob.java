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
import nnsweep.cli.Options;
import nnsweep.grid.Grid;
import nnsweep.grid.IdRange;
import nnsweep.grid.TaskPlan;
import nnsweep.report.Aggregation;
import nnsweep.report.CellStats;
import nnsweep.report.Console;
import nnsweep.report.DatasetReport;
import nnsweep.report.HtmlReport;
import nnsweep.report.LadderTable;
import nnsweep.report.NetworkTables;
import nnsweep.report.Progress;
import nnsweep.report.ReportModel;
import nnsweep.report.Reports;
import nnsweep.report.RunInfo;
import nnsweep.report.RunJson;
import nnsweep.report.SummaryTable;
import nnsweep.run.Problem;
import nnsweep.run.Problems;
import nnsweep.run.RangeTrainer;
import nnsweep.run.ResultCodec;
import nnsweep.run.TrainingResult;
import nnsweep.run.Warmup;
import nnsweep.search.Cell;
import nnsweep.search.Ladder;
import nnsweep.search.Rungs;
import nnsweep.spark.SparkContexts;
import nnsweep.spark.SparkHalving;
import nnsweep.spark.SparkSweep;
import nnsweep.state.OutputLock;
import nnsweep.state.RunState;
import nnsweep.state.RungState;
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

  StudyJob(Options options, List<String> args, PrintStream out, PrintStream err) {
    this.options = options;
    this.args = args;
    this.out = out;
    this.err = err;
  }

  void run() {
    String started = Instant.now().toString();
    // every input is checked before anything is written or Spark starts
    Study study = StudyLoader.load(options.config(), options.sets());
    List<Problem> problems = Problems.load(study);
    Grid grid = Grid.expand(study, Problems.datasets(problems));
    SparkConf conf = SparkContexts.conf(study.name());
    long warmupMillis = SparkContexts.warmupMillis(conf);
    Path target = options.out().orElse(Path.of("out", study.name()));
    RunState.Mode mode = options.resume() ? RunState.Mode.RESUME
        : options.overwrite() ? RunState.Mode.OVERWRITE : RunState.Mode.NEW;
    // one run per folder: the lock comes before the folder is checked, and a second run stops here
    RunState.checkPath(target);
    guard = RunGuard.start(OutputLock.acquire(target, mode, options.breakLock(), LaunchCommand.asStarted(args),
        err::println), target, grid.size(), LaunchCommand.toResume(args, target), err,
        options.verbose());
    RunState.check(target, mode, study, problems);
    RunState state = RunState.open(target, mode, study, problems);
    guard.opened(state);
    long resumed = state.checkCommitted(grid, problems, err::println);
    List<IdRange> committed = state.committedRanges();
    List<IdRange> todo = state.missing(grid.size());
    stage("load");

    String master = "none (everything was committed)";
    int parallelism = 0;
    int partitions = 0;
    int executors = 0;
    double trainSeconds = 0;
    String sparkVersion = "";
    List<String> blas = List.of();
    long trained = todo.stream().mapToLong(IdRange::size).sum();
    List<DatasetReport> datasets;
    Ladder ladder = null;
    Rungs rungs = study.search().halving() ? new Rungs(study.search().reduction(), study.search().minEpochs(),
        study.epochs().get(0)) : null;
    if (todo.isEmpty() && rungs == null) {
      datasets = aggregateCommitted(state, grid, problems, study);
      stage("aggregate");
    } else {
      // in local mode the tasks run in this JVM: warm its JIT up on the study's shapes while Spark starts
      boolean local = SparkContexts.isLocal(conf);
      if (local) {
        Warmup.inBackground(grid, problems, warmupMillis);
      }
      try (JavaSparkContext sc = SparkContexts.start(conf)) {
        stage("spark-start");
        SparkSweep sweep = new SparkSweep(sc, grid, problems, warmupMillis);
        sweep.warmUp();
        blas = sweep.kernels();
        Warmup.awaitDone();
        stage("warm-up");
        master = sc.master();
        sparkVersion = sc.version();
        parallelism = sc.defaultParallelism();
        int maxTasks = study.partitions() > 0 ? study.partitions()
            : TaskPlan.defaultMaxTasks(grid, todo, Math.max(1, parallelism));
        List<IdRange> ranges = TaskPlan.plan(grid, todo, RangeTrainer.GROUP_SIZE, maxTasks);
        partitions = ranges.size();
        out.printf(Locale.ROOT, "nnsweep: study '%s' from %s: %d networks%s in %d partitions on %s%n",
            study.name(), study.source(), grid.size(),
            resumed == 0 ? "" : " (" + resumed + " already committed, " + trained + " to train)", partitions,
            master);
        if (rungs != null) {
          // successive halving: the rungs' blocks stay on the executors, each committed as its task finishes
          List<List<byte[]>> done = new ArrayList<>();
          done.add(committed.stream().map(state::block).toList());
          for (int k = 1; k < rungs.count(); k++) {
            done.add(RungState.at(target, k).blocks());
          }
          SparkHalving.Result result = new SparkHalving(sc, grid, problems, warmupMillis).run(rungs, ranges, done,
              (rung, range, block) -> {
                if (rung == 0) {
                  state.commit(range, block);
                } else {
                  RungState.at(target, rung).commit(range, block);
                }
              });
          ladder = result.ladder();
          trainSeconds = stage("train");
          datasets = sweep.aggregate(result.blocks(), study.hiddenRules());
          result.blocks().unpersist(false);
          stage("aggregate");
          LadderTable.print(out, ladder);
        } else {
        Progress progress = new Progress(out, grid.size(), resumed);
        // the console prints weights only for a handful of networks; a big sweep does not ship or keep them
        boolean weights = grid.size() <= Console.DETAIL_LIMIT;
        JavaRDD<byte[]> blocks = sweep.train(ranges, weights, (range, block) -> {
          guard.commit(() -> state.commit(range, block));
          progress.advance(ResultCodec.count(block));
        });
        trainSeconds = stage("train");
        // the results stay on the executors: the reports' statistics are aggregated there
        datasets = sweep.aggregate(sweep.withCommitted(blocks, committed.stream().map(state::block).toList()),
            study.hiddenRules());
        blocks.unpersist(false);
        stage("aggregate");
        }
        executors = Math.max(0, sc.sc().statusTracker().getExecutorInfos().length - 1);
      }
      stage("spark-stop");
    }

    // with halving, every network's last state is in the last rung's blocks
    RungState last = rungs == null || rungs.last() == 0 ? null : RungState.at(target, rungs.last());
    Ladder finalLadder = ladder;
    ToIntFunction<SummaryTable.Key> rungOf = finalLadder == null ? key -> -1
        : key -> finalLadder.rungOf(new Cell(key.dataset(), key.model(), key.hidden(), key.bias(),
            key.learningRate(), key.epochs(), key.init()));
    NetworkFiles files = writeNetworkTables(target, study, grid, problems, ReportModel.pickedIds(datasets),
        last == null ? state.committedRanges() : last.committedRanges(),
        range -> last == null ? state.results(range, grid, problems)
            : ResultCodec.decode(last.block(range), grid, problems), rungOf);
    List<String> written = new ArrayList<>(files.names());
    ReportModel model = new ReportModel(study, problems, datasets, files.drawn());
    written.addAll(Reports.writeAggregates(target, model, rungOf, rungs));
    if (ladder != null) {
      written.addAll(LadderTable.write(target, ladder));
    }
    written = new ArrayList<>(Reports.inOrder(written));
    written.addAll(HtmlReport.write(target, model, ladder));
    stage("reports");
    RunInfo info = new RunInfo(args, version(), sparkVersion, System.getProperty("java.version"), master,
        parallelism, partitions, executors, grid.size(), trained, resumed, kernelCounts(grid), blas, started,
        Instant.now().toString(),
        stages);
    RunJson.write(target.resolve("run.json"), study, info);
    written.add("run.json");
    RungState.clear(target);
    state.finish();
    guard.finished();

    if (!files.detailed().isEmpty()) {
      Console.printNetworks(out, files.detailed(), problems);
    }
    out.printf(Locale.ROOT, "nnsweep: trained %d networks in %.1f s (%.1f networks/s)%n", trained, trainSeconds,
        trained / Math.max(1e-9, trainSeconds));
    model.headlines().stream().limit(12).forEach(h -> out.println("  " + h));
    out.printf(Locale.ROOT, "nnsweep: wrote %s: %s%n", target, String.join(", ", written));
    if (written.contains("report.html")) {
      out.printf(Locale.ROOT, "nnsweep: open %s%n", target.toAbsolutePath().resolve("report.html").toUri());
    }
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

  /** What writing the per-network tables gave: the files' names, the networks the charts draw, the console's. */
  private record NetworkFiles(List<String> names, Map<Long, TrainingResult> drawn, List<TrainingResult> detailed) {}

  /**
   * results.csv, predictions.csv and curves.csv, streamed from the committed parts in id order, one block in memory
   * at a time; on the way, keeps the networks the charts draw and, for a handful, every network for the console.
   */
  private static NetworkFiles writeNetworkTables(Path target, Study study, Grid grid,
      List<Problem> problems, Set<Long> drawnIds, List<IdRange> ranges,
      Function<IdRange, List<TrainingResult>> results, ToIntFunction<SummaryTable.Key> rungOf) {
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

  /** With nothing left to train: the committed parts aggregated here, one part in memory at a time. */
  private static List<DatasetReport> aggregateCommitted(RunState state, Grid grid, List<Problem> problems,
      Study study) {
    Map<SummaryTable.Key, CellStats> cells = new LinkedHashMap<>();
    for (IdRange range : state.committedRanges()) {
      state.results(range, grid, problems).forEach(r -> Aggregation.fold(cells, r));
    }
    return Aggregation.datasets(cells.values(), study.hiddenRules());
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

  static String version() {
    String v = StudyJob.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
