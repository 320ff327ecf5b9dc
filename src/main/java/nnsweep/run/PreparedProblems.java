package nnsweep.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nnsweep.grid.NetworkSpec;

/**
 * A task's problems in the form training reads them ({@link NetworkRun.Prepared}), each dataset (and each
 * cross-validation fold of it) prepared once, when its first network needs it.
 */
final class PreparedProblems {
  private final List<Problem> problems;
  private final Map<Long, NetworkRun.Prepared> prepared = new HashMap<>();

  PreparedProblems(List<Problem> problems) {
    this.problems = problems;
  }

  /** The prepared problem {@code spec} trains on: its dataset, or the fold's training rows of it. */
  NetworkRun.Prepared of(NetworkSpec spec) {
    int dataset = spec.datasetIndex();
    int fold = spec.fold();
    return prepared.computeIfAbsent(((long) dataset << 32) | (fold & 0xffffffffL),
        k -> NetworkRun.prepare(fold >= 0 ? problems.get(dataset).forFold(fold) : problems.get(dataset)));
  }
}
