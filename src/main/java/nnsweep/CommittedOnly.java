package nnsweep;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nnsweep.grid.Cell;
import nnsweep.grid.IdRange;
import nnsweep.model.Winners;
import nnsweep.run.RangeTrainer;
import nnsweep.run.ResultCodec;
import nnsweep.run.TrainingResult;
import nnsweep.search.CellScore;
import nnsweep.spark.SparkContexts;
import nnsweep.stats.Aggregation;
import nnsweep.stats.CellStats;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A grid run that finds every network committed (a driver that died after its last commit): nothing to train, so
 * no Spark job; the committed parts are folded here, one part in memory at a time, and the kept networks trained
 * again here, by the sweep's own step.
 */
record CommittedOnly(StudyInputs in, ResumePoint start, Stages stages) implements TrainingStep {

  @Override
  public Optional<String> sparkMaster() {
    return Optional.empty();
  }

  @Override
  public Trained run() {
    Trained done;
    // in YARN cluster mode the driver must start a context even with nothing to compute
    try (JavaSparkContext sc = SparkContexts.contextRequired(in.conf()) ? SparkContexts.start(in.conf()) : null) {
      Map<Cell, CellStats> cells = new LinkedHashMap<>();
      for (IdRange range : start.state().committedRanges()) {
        start.state().results(range, in.grid(), in.problems()).forEach(r -> Aggregation.fold(cells, r));
      }
      done = new Trained(Aggregation.datasets(cells.values(), in.study().hiddenRules()), null,
          NetworkFiles.csv(in, start.state(), null),
          keptHere(cells.values().stream().map(CellScore::of).toList()), RunFacts.NOTHING_TRAINED);
    }
    stages.end("aggregate");
    return done;
  }

  private List<TrainingResult> keptHere(Collection<CellScore> scores) {
    List<Long> ids = Winners.pick(scores, null, in.study().keepModels());
    RangeTrainer trainer = new RangeTrainer(in.grid(), in.problems(), true);
    List<TrainingResult> again = new ArrayList<>();
    for (long id : ids) {
      again.addAll(ResultCodec.decode(trainer.train(new IdRange(id, id + 1)), in.grid(), in.problems()));
    }
    return Winners.verify(again, scores, ids);
  }
}
