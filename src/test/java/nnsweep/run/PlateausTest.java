package nnsweep.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import nnsweep.grid.NetworkSpec;
import nnsweep.nn.Model;
import nnsweep.study.InitSpec;
import nnsweep.testing.Studies;
import org.junit.jupiter.api.Test;

/** Stuck networks are labelled by the simple fraction their error sits on; moving ones are not. */
class PlateausTest {
  private static final int[] EPOCHS = {0, 10, 100, 1000, 10_000, 50_000, 100_000};

  @Test
  void flatCurvesAreLabelledByTheirFraction() {
    assertEquals("1/2", Plateaus.label(0.5000001, flat(0.5000001), EPOCHS));
    assertEquals("1/3", Plateaus.label(0.33369, flat(0.33369), EPOCHS));
    assertEquals("1/4", Plateaus.label(0.2504, flat(0.2504), EPOCHS));
    assertEquals("1/8", Plateaus.label(0.12505, flat(0.12505), EPOCHS));
  }

  @Test
  void movingErrorsAreNotPlateausOthersAreNamedByTheirValue() {
    double[] falling = {1, 0.9, 0.8, 0.7, 0.6, 0.55, 0.5};
    assertEquals("", Plateaus.label(0.5, falling, EPOCHS));
    assertEquals("0.361", Plateaus.label(0.36120706, flat(0.36120706), EPOCHS), "a plateau, not a fraction");
    assertEquals("0.281", Plateaus.label(0.2805, flat(0.2805), EPOCHS));
  }

  @Test
  void xorWithOneHiddenUnitAndBiasSitsOnAThird() {
    // the tutorial study's XOR 2-1-1 with bias: median E = 0.3337 (README), the classic 1/3 plateau
    NetworkSpec spec = new NetworkSpec(0, "xor", 0, Model.HIDDEN, 1, List.of(), 2, 1, true, 0.5, 20_000, 0,
        new InitSpec.Uniform());
    TrainingResult r = NetworkRun.train(spec, new Problem(Studies.xor(), new double[0][]), 50,
        Double.NEGATIVE_INFINITY);
    assertEquals(false, r.success());
    assertEquals("1/3", r.plateau(), "E = " + r.finalError());
  }

  private static double[] flat(double e) {
    double[] c = new double[EPOCHS.length];
    java.util.Arrays.fill(c, e);
    c[0] = 1.0;
    return c;
  }
}
