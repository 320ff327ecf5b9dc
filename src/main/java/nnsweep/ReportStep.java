package nnsweep;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nnsweep.fs.OutputFolder;
import nnsweep.grid.Grid;
import nnsweep.model.ModelFiles;
import nnsweep.report.HtmlReport;
import nnsweep.report.LadderTable;
import nnsweep.report.ReportModel;
import nnsweep.report.Reports;
import nnsweep.report.RunInfo;
import nnsweep.report.RunJson;
import nnsweep.report.StudyVerdict;
import nnsweep.report.VerdictReport;
import nnsweep.stats.Verdict;

/**
 * The run's reports, written on the driver's disk: in the output folder itself when it is local, otherwise in a
 * staging folder whose files are then copied, each whole or not at all, to the output folder ({@link ReportFolder}).
 * The per-network tables, the aggregate tables, the ladder, the rules verdict, report.html, the kept models and
 * run.json, in that order.
 */
final class ReportStep {
  private ReportStep() {}

  /**
   * What was written, for the console.
   *
   * @param names the files written, in the order the console lists them
   * @param verdict the rules verdict, or null when the study gives none (or its numbers cannot)
   */
  record Written(ReportModel model, NetworkFiles tables, Verdict.Result verdict, List<String> names) {}

  /**
   * Writes every report of the run of {@code in} into {@code folder} from what training gave; {@code args} and
   * {@code started} (an instant) for run.json, with the stages timed so far.
   */
  static Written write(StudyInputs in, OutputFolder folder, ResumePoint start, Trained trained, List<String> args,
      String started, Stages stages, PrintStream err) {
    ReportFolder reportFolder = ReportFolder.open(folder);
    Path reports = reportFolder.local();
    NetworkFiles tables = trained.tables().write(reports, ReportModel.pickedIds(trained.datasets()));
    List<String> written = new ArrayList<>(tables.names());
    ReportModel model = new ReportModel(in.study(), in.problems(), trained.datasets(), tables.drawn());
    written.addAll(Reports.writeAggregates(reports, model, trained.ladder()));
    if (trained.ladder() != null) {
      written.addAll(LadderTable.write(reports, trained.ladder()));
    }
    written = new ArrayList<>(Reports.inOrder(written));
    Verdict.Result verdict = verdict(in, trained, err);
    if (verdict != null) {
      written.addAll(VerdictReport.write(reports, verdict));
    }
    List<String> others = new ArrayList<>(written);
    others.add("run.json");
    written.addAll(HtmlReport.write(reports, model, trained.ladder(), others, verdict));
    stages.end("reports");
    List<String> models = ModelFiles.write(reports, trained.models(), in.problems(), in.study().name(),
        RunInfo.version());
    stages.end("models-write");
    RunFacts facts = trained.facts();
    RunInfo info = new RunInfo(args, RunInfo.version(), facts.sparkVersion(), System.getProperty("java.version"),
        facts.master(), facts.parallelism(), facts.partitions(), facts.executors(), in.grid().size(),
        start.toTrain(), start.resumed(), kernelCounts(in.grid()), facts.blas(), started, Instant.now().toString(),
        stages.seconds());
    RunJson.write(reports.resolve("run.json"), in.study(), info);
    written.add("run.json");
    List<String> published = new ArrayList<>(models);
    published.addAll(written);
    reportFolder.publish(published);
    if (!models.isEmpty()) {
      written.add(ModelFiles.FOLDER + "/ (" + (models.size() - 1) / 2 + " networks)");
    }
    return new Written(model, tables, verdict, written);
  }

  /** The rules verdict, when the study asks for it (docs/rules-verdict.md): from the cells aggregated. */
  private static Verdict.Result verdict(StudyInputs in, Trained trained, PrintStream err) {
    try {
      return StudyVerdict.of(in.study(), in.problems(), trained.datasets(), trained.ladder()).orElse(null);
    } catch (IllegalStateException e) {
      // every network of some size diverged: an outcome of the run, not bad input; the other reports stand
      err.println("nnsweep: warning: " + e.getMessage());
      return null;
    }
  }

  /** Networks per kernel, counted by shape runs (a kernel holds for a whole run). */
  private static Map<String, Long> kernelCounts(Grid grid) {
    Map<String, Long> counts = new TreeMap<>();
    for (long id = 0; id < grid.size(); id = grid.shapeRunEnd(id)) {
      counts.merge(grid.kernel(id).name(), grid.shapeRunEnd(id) - id, Long::sum);
    }
    return counts;
  }
}
