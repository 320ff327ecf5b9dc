package nnsweep.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import nnsweep.data.Splits;
import nnsweep.grid.Grid;
import nnsweep.nn.Model;
import nnsweep.study.Seeds;
import nnsweep.study.Study;
import nnsweep.testing.Results;
import nnsweep.testing.Studies;
import org.junit.jupiter.api.Test;

/**
 * A block of results decodes to the results it encoded and encodes again to the same bytes; the bytes of a fixed
 * sweep are pinned, so a change to the result record cannot change the committed parts' format unnoticed.
 */
class ResultCodecTest {

  @Test
  void decodesToTheSameResultsAndEncodesToTheSameBytes() throws Exception {
    Splits.Split split = Splits.split(Studies.fullAdder(), 0.25, 1);
    // one network per row of the table: queries, a test split, curves, a stop-error some networks reach, weights
    Study study = Studies.builder(Studies.xor(), Studies.fullAdder()).models(Model.NONE, Model.HIDDEN)
        .hiddenSizes(2).learningRates(0.5, 4.0).epochs(300).bias(false, true).seeds(Seeds.range(0, 3))
        .curvePoints(6).stopError(0.05).build();
    List<Problem> problems = List.of(new Problem(Studies.xor(), new double[][] {{1, 0}, {1, 1}}),
        new Problem(split.train(), split.test(), new double[][] {{1, 0, 1}}));
    Grid grid = Grid.expand(study, problems.stream().map(Problem::dataset).toList());
    List<TrainingResult> results = Results.withoutTiming(grid.specs()
        .map(s -> NetworkRun.train(s, problems.get(s.datasetIndex()), grid.curvePoints(), grid.stopError()))
        .toList());

    byte[] block = ResultCodec.encode(results.toArray(TrainingResult[]::new), true);
    List<TrainingResult> decoded = ResultCodec.decode(block, grid, problems);
    assertEquals(results, decoded);
    assertArrayEquals(block, ResultCodec.encode(decoded.toArray(TrainingResult[]::new), true));
    assertEquals(grid.size(), ResultCodec.count(block));
    assertEquals(PINNED, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(block)));

    // version 3 (validation metrics after the results) and version 4 (then each network's best epoch)
    List<TrainingResult> validated = results.stream().map(r -> new TrainingResult(r.spec(), r.outcome(),
        new Evaluation(r.mse(), r.accuracy(), r.classAccuracy(), r.testError(), r.testAccuracy(),
        r.testClassAccuracy(), r.plateau(), r.finalError() * 2, r.accuracy() / 2, r.spec().id() / 64.0),
        r.curveEpochs(), r.trainMs(), r.finalWeights(), r.predictions())).toList();
    List<TrainingResult> stopped = validated.stream().map(r -> new TrainingResult(r.spec(), r.outcome(),
        r.evaluation(), r.curveEpochs(), r.trainMs(), r.finalWeights(), r.predictions(), (int) r.spec().id() % 7 * 10))
        .toList();
    for (var c : List.of(Map.entry(validated, PINNED_VALIDATED), Map.entry(stopped, PINNED_STOPPED))) {
      byte[] b = ResultCodec.encode(c.getKey().toArray(TrainingResult[]::new), false);
      assertEquals(Results.withoutWeights(c.getKey()), ResultCodec.decode(b, grid, problems));
      assertEquals(c.getValue(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b)));
    }
  }

  /** SHA-256 of the version 3 block above (no weights), as the format gave it when the columns were declared once. */
  private static final String PINNED_VALIDATED = "72679b4b232c7625ebe8c85ec1f39cb289526bab0acc6aa483e8b687d1315202";
  /** SHA-256 of the version 4 block above (no weights). */
  private static final String PINNED_STOPPED = "0a0f34482985750a639b76531573dc8f368362fd78fe53e2414d820a4316e667";

  /** SHA-256 of the block above, as the format and the trainers gave it before TrainingResult was recomposed. */
  private static final String PINNED = "c90ae95f589e58060ff155d6f0089999c2a5df42a7b005ef0a430fefa569b26c";
}
