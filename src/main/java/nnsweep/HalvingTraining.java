package nnsweep;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nnsweep.grid.IdRange;
import nnsweep.model.Winners;
import nnsweep.report.LadderTable;
import nnsweep.run.TrainingResult;
import nnsweep.search.Ladder;
import nnsweep.search.Rungs;
import nnsweep.spark.SparkHalving;
import nnsweep.spark.SparkSweep;
import nnsweep.state.CommittedBlocks;
import nnsweep.state.RungState;
import nnsweep.study.Study;

/**
 * Successive halving on Spark: the rungs' blocks stay on the executors, each committed as its task finishes (the
 * first rung's as the run's parts, a later rung's in its {@link RungState}); the last rung's blocks hold every
 * network's final state, from which the reports, the per-network tables and the kept models come.
 */
final class HalvingTraining extends SparkTraining {
  private final Rungs rungs;

  HalvingTraining(StudyInputs in, ResumePoint start, RunGuard guard, PrintStream out, PrintStream err,
      Stages stages, Rungs rungs) {
    super(in, start, guard, out, err, stages);
    this.rungs = rungs;
  }

  @Override
  Outcome train(SparkSweep sweep, List<IdRange> ranges) {
    List<List<byte[]>> committed = new ArrayList<>();
    committed.add(start.committedBlocks());
    for (int k = 1; k < rungs.count(); k++) {
      committed.add(RungState.at(start.folder(), k).blocks(err::println));
    }
    SparkHalving.Result result = new SparkHalving(sweep).run(rungs, ranges, committed,
        (rung, range, block) -> guard.commit(() -> rung(rung).commit(range, block)));
    Ladder ladder = result.ladder();
    double trainSeconds = stages.end("train");
    boolean keep = in.study().keepModels() != Study.KeepModels.NONE;
    SparkSweep.Aggregate aggregate = sweep.aggregate(result.blocks(), in.study().hiddenRules(), keep);
    stages.end("aggregate");
    // halving's blocks keep every network's final weights: the kept ones are read from there
    List<Long> ids = Winners.pick(aggregate.scores(), ladder, in.study().keepModels());
    List<TrainingResult> models = Winners.verify(ids.isEmpty() ? List.of()
        : sweep.results(result.blocks(), Set.copyOf(ids)), aggregate.scores(), ids);
    result.blocks().unpersist(false);
    stages.end("models");
    LadderTable.print(out, ladder);
    return new Outcome(aggregate.reports(), ladder, NetworkFiles.csv(in, rung(rungs.last()), ladder), models,
        trainSeconds);
  }

  /** Where rung {@code k}'s blocks are committed. */
  private CommittedBlocks rung(int k) {
    return k == 0 ? start.state() : RungState.at(start.folder(), k);
  }
}
