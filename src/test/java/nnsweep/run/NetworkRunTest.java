package nnsweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import nnsweep.grid.Grid;
import nnsweep.grid.NetworkSpec;
import nnsweep.nn.Model;
import nnsweep.study.Seeds;
import nnsweep.study.Study;
import nnsweep.testing.Studies;
import org.junit.jupiter.api.Test;

/** Lockstep groups give every network exactly the result it gets when trained alone. */
class NetworkRunTest {

  @Test
  void lockstepGroupEqualsTrainingEachAlone() {
    Study study = Studies.study(List.of(Studies.xor()), List.of(Model.HIDDEN), List.of(2, 3), List.of(),
        List.of(0.5, 4.0), List.of(300, 1000), List.of(true), Seeds.range(0, 12));
    Grid grid = Grid.expand(study, List.of(Studies.xor()));
    NetworkRun.Prepared prepared = NetworkRun.prepare(new Problem(Studies.xor(), new double[][] {{1, 0}}));
    // one shape (hidden 2), lanes differing in learning rate, epochs and seed; a stop-error some lanes reach
    List<NetworkSpec> group = grid.specs().filter(s -> s.hidden() == 2).toList();
    assertTrue(group.size() == 48);

    List<TrainingResult> together = NetworkRun.trainGroup(group, prepared, 20, 0.02, true);
    List<TrainingResult> alone = new ArrayList<>();
    for (NetworkSpec s : group) {
      alone.add(NetworkRun.train(s, prepared, 20, 0.02, true));
    }

    assertEquals(withoutTiming(alone), withoutTiming(together));
    assertTrue(together.stream().anyMatch(r -> r.epochsToTarget() >= 0), "some lanes stop early");
    assertTrue(together.stream().anyMatch(r -> r.epochsToTarget() < 0), "some do not");
  }

  @Test
  void aGroupNeedsOneShape() {
    Study study = Studies.study(List.of(Studies.xor()), List.of(Model.HIDDEN), List.of(2, 3), List.of(),
        List.of(0.5), List.of(10), List.of(true), Seeds.of(0));
    Grid grid = Grid.expand(study, List.of(Studies.xor()));
    NetworkRun.Prepared prepared = NetworkRun.prepare(new Problem(Studies.xor(), new double[0][]));
    assertThrows(IllegalArgumentException.class,
        () -> NetworkRun.trainGroup(grid.specs().toList(), prepared, 0, Double.NEGATIVE_INFINITY, false));
  }

  static List<TrainingResult> withoutTiming(List<TrainingResult> results) {
    return results.stream().map(r -> new TrainingResult(r.spec(), r.finalError(), r.errorBeforeLastUpdate(),
        r.mse(), r.accuracy(), r.diverged(), r.testError(), r.testAccuracy(), r.epochsRun(), r.epochsToTarget(),
        r.plateau(), 0.0, r.finalWeights(), r.predictions(), r.curveEpochs(), r.curve())).toList();
  }
}
