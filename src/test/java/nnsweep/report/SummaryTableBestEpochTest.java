package nnsweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nnsweep.grid.Cell;
import nnsweep.stats.Stats;
import nnsweep.stats.Summary;
import nnsweep.testing.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** summary.csv's median_best_epoch: appended only when early stopping recorded a best epoch somewhere. */
class SummaryTableBestEpochTest {
  @TempDir Path tmp;

  private static Summary.Row row(int hidden, double bestEpoch) {
    Cell key = new Cell("d", "hidden", hidden, true, 0.1, 100, "xavier");
    return new Summary.Row(key, 2, 0, 1, 0, 1, 1, 1, Stats.wilson(0, 2), 1, 0.5, Double.NaN, Double.NaN,
        Stats.Quartiles.of(new double[] {1, 1}), 1, 0, Summary.Validation.NONE, bestEpoch);
  }

  @Test
  void theColumnComesOnlyWithEarlyStopping() throws IOException {
    Path without = tmp.resolve("without.csv");
    SummaryTable.write(without, List.of(row(2, Double.NaN), row(3, Double.NaN)));
    assertEquals(Headers.SUMMARY, Files.readAllLines(without).get(0));

    Path with = tmp.resolve("with.csv");
    SummaryTable.write(with, List.of(row(2, 41.5), row(3, Double.NaN)));
    List<String> lines = Files.readAllLines(with);
    assertEquals(Headers.SUMMARY + ",median_best_epoch", lines.get(0));
    assertEquals(true, lines.get(1).endsWith(",41.5"), lines.get(1));
    assertEquals(true, lines.get(2).endsWith(","), lines.get(2));
  }
}
