package nnsweep.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import nnsweep.grid.NetworkSpec;
import nnsweep.nn.Model;
import nnsweep.nn.TrainingOutcome;
import nnsweep.run.Evaluation;
import nnsweep.run.TrainingResult;
import nnsweep.study.InitSpec;
import org.junit.jupiter.api.Test;

/**
 * A cell's score and best network, what halving and the saved models rank by: the median of its networks' scores
 * (validation error, else test error, else final error; diverged +infinity), read off the same accumulator the
 * reports use, whatever the order and the parts its networks came in.
 */
class CellStatsTest {
  private static final double INF = Double.POSITIVE_INFINITY;
  private static final double NAN = Double.NaN;

  /** Network {@code id} of one cell; NaN test or validation error: no such rows. */
  private static TrainingResult result(long id, double error, double test, double validation, boolean diverged) {
    NetworkSpec spec = new NetworkSpec(id, "d", 0, Model.HIDDEN, 2, List.of(), 2, 1, true, 0.5, 10, id,
        new InitSpec.Uniform());
    Evaluation e = new Evaluation(error, 0.5, NAN, test, Double.isNaN(test) ? NAN : 0.5, NAN, "", validation,
        Double.isNaN(validation) ? NAN : 0.5, NAN);
    return new TrainingResult(spec, new TrainingOutcome(diverged ? NAN : error, error, 10, -1, diverged,
        new double[0]), e, new int[0], 0, null, new double[0][]);
  }

  private static CellStats cell(List<TrainingResult> results) {
    CellStats c = new CellStats(results.get(0).spec());
    results.forEach(c::add);
    return c;
  }

  @Test
  void theScoreIsTheMedianOfTheNetworksScoresOnTheSplitTheyAreScoredOn() {
    // training rows only: the final errors, a diverged network last; an even count takes the middle two's mean
    CellStats plain = cell(List.of(result(0, 0.3, NAN, NAN, false), result(1, 0.1, NAN, NAN, false),
        result(2, NAN, NAN, NAN, true), result(3, 0.2, NAN, NAN, false)));
    assertEquals(0.25, plain.score());
    assertEquals(1, plain.bestId());
    assertEquals(0.1, plain.bestScore());
    // test rows: the test errors, not the final ones
    CellStats tested = cell(List.of(result(4, 0.1, 0.9, NAN, false), result(5, 0.2, 0.4, NAN, false),
        result(6, 0.3, 0.5, NAN, false)));
    assertEquals(0.5, tested.score());
    assertEquals(5, tested.bestId());
    // validation rows: the validation errors, even where test rows say otherwise; two of three diverged
    CellStats validated = cell(List.of(result(7, 0.1, 0.1, 0.7, false), result(8, NAN, NAN, NAN, true),
        result(9, NAN, 0.2, NAN, true)));
    assertEquals(INF, validated.score());
    assertEquals(7, validated.bestId());
    assertEquals(0.7, validated.bestScore());
  }

  @Test
  void aCellWhoseNetworksAllDivergedScoresInfinityAndKeepsItsLowestId() {
    CellStats c = cell(List.of(result(5, NAN, NAN, NAN, true), result(3, NAN, NAN, NAN, true)));
    assertEquals(INF, c.score());
    assertEquals(3, c.bestId());
    assertEquals(INF, c.bestScore());
  }

  @Test
  void scoreAndBestAreThoseOfTheNetworksWhateverTheirOrderAndParts() {
    Random random = new Random(7);
    for (int trial = 0; trial < 200; trial++) {
      int splits = trial % 3; // 0: training rows only, 1: test rows, 2: validation rows too
      List<TrainingResult> results = new ArrayList<>();
      for (int i = 0, n = 1 + random.nextInt(9); i < n; i++) {
        boolean diverged = random.nextInt(4) == 0;
        // ties on purpose: scores from a handful of values
        double e = random.nextInt(5) / 4.0;
        results.add(result(i, e, splits >= 1 ? random.nextInt(5) / 4.0 : NAN,
            splits == 2 ? random.nextInt(5) / 4.0 : NAN, diverged));
      }
      double[] scores = results.stream().mapToDouble(TrainingResult::score).sorted().toArray();
      TrainingResult best = results.stream().min((a, b) -> a.score() != b.score()
          ? Double.compare(a.score(), b.score()) : Long.compare(a.spec().id(), b.spec().id())).orElseThrow();
      java.util.Collections.shuffle(results, random);
      int cut = random.nextInt(results.size());
      CellStats merged = cut == 0 ? cell(results)
          : cell(results.subList(0, cut)).merge(cell(results.subList(cut, results.size())));
      assertEquals(Stats.sortedMedian(scores), merged.score(), Arrays.toString(scores));
      assertEquals(best.spec().id(), merged.bestId());
      assertEquals(best.score(), merged.bestScore());
    }
  }

  @Test
  void aNetworkOfAnotherCellIsRefused() {
    CellStats c = cell(List.of(result(0, 0.1, NAN, NAN, false)));
    NetworkSpec other = new NetworkSpec(1, "d", 0, Model.HIDDEN, 3, List.of(), 2, 1, true, 0.5, 10, 1,
        new InitSpec.Uniform());
    TrainingResult r = new TrainingResult(other, new TrainingOutcome(0.1, 0.1, 10, -1, false, new double[0]),
        new Evaluation(0.1, 0.5, NAN, NAN, NAN, NAN, ""), new int[0], 0, null, new double[0][]);
    assertEquals("network 1 is not in cell Cell[dataset=d, model=hidden, hidden=2, bias=true, learningRate=0.5,"
        + " epochs=10, init=" + c.key().init() + "]",
        assertThrows(IllegalArgumentException.class, () -> c.add(r)).getMessage());
  }
}
