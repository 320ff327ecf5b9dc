package nnsweep.testing;

import java.util.List;
import nnsweep.run.TrainingResult;

/** Training results as two identical runs give them. */
public final class Results {
  private Results() {}

  /** The results with their training time set to 0, the one value that differs between identical runs. */
  public static List<TrainingResult> withoutTiming(List<TrainingResult> results) {
    return results.stream().map(r -> new TrainingResult(r.spec(), r.outcome(), r.evaluation(), r.curveEpochs(), 0.0,
        r.finalWeights(), r.predictions())).toList();
  }

  /** The results without their final weights, as a block that does not keep them decodes them. */
  public static List<TrainingResult> withoutWeights(List<TrainingResult> results) {
    return results.stream().map(r -> new TrainingResult(r.spec(), r.outcome(), r.evaluation(), r.curveEpochs(),
        r.trainMs(), null, r.predictions(), r.bestEpoch())).toList();
  }
}
