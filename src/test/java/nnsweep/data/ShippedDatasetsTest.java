package nnsweep.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every shipped real dataset (data/README.md) reads through the project's CSV reader with its documented shape, and
 * its targets are class codes: one-hot rows (several outputs) or 0/1 (one output), every class present.
 */
class ShippedDatasetsTest {

  @ParameterizedTest(name = "{0}: {1} rows, {2} inputs, {3} outputs")
  @CsvSource({
      "iris, 150, 4, 3",
      "wine, 178, 13, 3",
      "breast-cancer, 569, 30, 1",
      "digits, 1797, 64, 10",
      "sonar, 208, 60, 1",
      "ionosphere, 351, 33, 1",
      "pima-diabetes, 768, 8, 1",
      "glass, 214, 9, 6",
      "vehicle, 846, 18, 4",
      "vowel, 990, 24, 11",
      "satellite, 6435, 36, 6",
      "letter, 20000, 16, 26",
      "shuttle, 58000, 9, 7",
      "dna, 3186, 180, 3",
      "breast-cancer-wisconsin, 683, 9, 1",
      "house-votes, 435, 32, 1",
      "soybean, 683, 117, 19"})
  void readsWithItsShapeAndClassTargets(String name, int rows, int inputs, int outputs) {
    Dataset d = CsvDatasetReader.read(name, Path.of("data", name + ".csv"), outputs);
    assertEquals(rows, d.rows(), "rows");
    assertEquals(inputs, d.inputCount(), "inputs");
    assertEquals(outputs, d.outputCount(), "outputs");
    int classes = outputs == 1 ? 2 : outputs;
    int[] perClass = new int[classes];
    double[][] t = d.targets();
    for (int r = 0; r < t.length; r++) {
      int hot = -1;
      double sum = 0;
      for (int j = 0; j < outputs; j++) {
        double v = t[r][j];
        assertTrue(v == 0 || v == 1, name + " row " + (r + 1) + ": target " + v + " is not 0 or 1");
        sum += v;
        if (v == 1) {
          hot = j;
        }
      }
      if (outputs == 1) {
        perClass[(int) t[r][0]]++;
      } else {
        assertEquals(1, sum, name + " row " + (r + 1) + ": not one-hot");
        perClass[hot]++;
      }
    }
    for (int c = 0; c < classes; c++) {
      assertTrue(perClass[c] > 0, name + ": class " + c + " has no rows");
    }
  }
}
