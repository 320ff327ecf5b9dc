package nnsweep;

import java.io.PrintStream;
import java.util.List;
import nnsweep.grid.IdRange;
import nnsweep.model.Winners;
import nnsweep.report.Console;
import nnsweep.report.Progress;
import nnsweep.report.ReportModel;
import nnsweep.run.ResultCodec;
import nnsweep.run.TrainingResult;
import nnsweep.spark.SparkSweep;
import nnsweep.study.Study;
import org.apache.spark.api.java.JavaRDD;

/**
 * A grid search on Spark: every range left is one task, committed as it ends, with the console's progress; the
 * results stay on the executors, where the reports' statistics are aggregated (and, for Parquet tables, the tasks
 * write the per-network tables).
 */
final class GridTraining extends SparkTraining {
  private final boolean parquet;

  GridTraining(StudyInputs in, ResumePoint start, RunGuard guard, PrintStream out, PrintStream err, Stages stages,
      boolean parquet) {
    super(in, start, guard, out, err, stages);
    this.parquet = parquet;
  }

  @Override
  Outcome train(SparkSweep sweep, List<IdRange> ranges) {
    Progress progress = new Progress(out, in.grid().size(), start.resumed());
    // the console prints weights only for a handful of networks; a big sweep does not ship or keep them
    boolean weights = in.grid().size() <= Console.DETAIL_LIMIT;
    JavaRDD<byte[]> blocks = ranges.isEmpty() ? sweep.none() : sweep.train(ranges, weights, (range, block) -> {
      guard.commit(() -> start.state().commit(range, block));
      progress.advance(ResultCodec.count(block));
    });
    double trainSeconds = stages.end("train");
    JavaRDD<byte[]> all = sweep.withCommitted(blocks, start.committedBlocks());
    boolean keep = in.study().keepModels() != Study.KeepModels.NONE;
    SparkSweep.Aggregate aggregate = sweep.aggregate(all, in.study().hiddenRules(), keep);
    stages.end("aggregate");
    NetworkFiles.Source tables = parquet ? parquetTables(sweep, all, aggregate)
        : NetworkFiles.csv(in, start.state(), null);
    // a grid keeps no weights: the kept networks are trained again, by the sweep's own step
    List<TrainingResult> models = List.of();
    if (keep) {
      List<Long> ids = Winners.pick(aggregate.scores(), null, in.study().keepModels());
      models = Winners.verify(sweep.retrain(ids), aggregate.scores(), ids);
      stages.end("models");
    }
    blocks.unpersist(false);
    return new Outcome(aggregate.reports(), null, tables, models, trainSeconds);
  }

  /** The per-network tables as Parquet datasets, written now by the tasks from the blocks on the executors. */
  private NetworkFiles.Source parquetTables(SparkSweep sweep, JavaRDD<byte[]> all, SparkSweep.Aggregate aggregate) {
    NetworkFiles files = NetworkFiles.parquet(sweep, all, start.folder(), in,
        ReportModel.pickedIds(aggregate.reports()));
    stages.end("tables");
    return (folder, drawnIds) -> files;
  }
}
