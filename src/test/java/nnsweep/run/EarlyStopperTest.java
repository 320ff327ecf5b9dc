package nnsweep.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nnsweep.data.Scaling;
import nnsweep.grid.Grid;
import nnsweep.grid.NetworkSpec;
import nnsweep.nn.BreezeTrainer;
import nnsweep.nn.Kernel;
import nnsweep.nn.Model;
import nnsweep.nn.Network;
import nnsweep.nn.TrainingData;
import nnsweep.nn.TrainingOptions;
import nnsweep.nn.TrainingOutcome;
import nnsweep.study.EarlyStopping;
import nnsweep.study.Study;
import nnsweep.study.StudyLoader;
import nnsweep.testing.StudyText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validation-based early stopping: training in chunks between checkpoints is training in one go, bit for bit, with
 * every kernel; the kept weights are those of a fresh network trained {@code bestEpoch} updates; patience stops a
 * network exactly {@code patience} checks after its best.
 */
class EarlyStopperTest {
  @TempDir Path tmp;

  /** iris with a validation split; 6 networks per shape: two learning rates (one small, one that overfits). */
  private Study study(int checks, int patience) throws IOException {
    return StudyLoader.load(StudyText.study("es")
        .dataset(StudyText.data("iris", "data/iris.csv", 3).testFraction(0.25).validationFraction(0.2)
            .scale(Scaling.STANDARD))
        .models(Model.HIDDEN).hiddenSizes(12).learningRates(0.01, 1.5).epochs(700).bias(true).seedRange(0, 3)
        .init("xavier").curvePoints(12).earlyStopping(checks, patience).writeIn(tmp), List.of());
  }

  private record Setup(Study study, List<Problem> problems, Grid grid, NetworkRun.Prepared prepared,
      List<NetworkSpec> specs) {}

  private Setup setup(int checks, int patience) throws IOException {
    Study study = study(checks, patience);
    List<Problem> problems = Problems.load(study);
    Grid grid = Grid.expand(study, Problems.datasets(problems));
    return new Setup(study, problems, grid, NetworkRun.prepare(problems.get(0)), grid.specs().toList());
  }

  private static final List<Kernel> KERNELS = List.of(Kernel.LOCKSTEP, Kernel.GEMM);

  private static List<TrainingResult> train(Kernel kernel, List<NetworkSpec> group, Setup s, EarlyStopping es) {
    return es == null
        ? NetworkRun.train(kernel, group, s.prepared(), s.grid().curvePoints(), s.grid().stopError(), true)
        : new EarlyStopper(es, kernel, s.prepared(), s.grid().stopError()).train(group, s.grid().curvePoints(), true);
  }

  /** Each kernel on the whole group and on one network alone. */
  private static List<List<NetworkSpec>> groupings(List<NetworkSpec> specs) {
    return List.of(specs, List.of(specs.get(4)));
  }

  @Test
  void chunkedTrainingIsTrainingInOneGoBitForBit() throws IOException {
    Setup s = setup(7, 0);
    int last = 0;
    int earlier = 0;
    for (Kernel kernel : KERNELS) {
      for (List<NetworkSpec> group : groupings(s.specs())) {
        List<TrainingResult> plain = train(kernel, group, s, null);
        List<TrainingResult> stopped = train(kernel, group, s, s.grid().earlyStopping());
        for (int i = 0; i < group.size(); i++) {
          TrainingResult p = plain.get(i);
          TrainingResult e = stopped.get(i);
          String at = kernel + " group of " + group.size() + ", network " + i;
          assertEquals(-1, p.bestEpoch(), at);
          // the run itself, recorded across the chunks: curve, updates made, target, divergence
          assertArrayEquals(p.curve(), e.curve(), at);
          assertEquals(p.epochsRun(), e.epochsRun(), at);
          assertEquals(p.epochsToTarget(), e.epochsToTarget(), at);
          assertEquals(p.diverged(), e.diverged(), at);
          assertTrue(Arrays.binarySearch(new EarlyStopping(7, 0).checkpoints(700), e.bestEpoch()) >= 0
              || e.bestEpoch() == 0, at + ": best epoch " + e.bestEpoch() + " is a checkpoint");
          if (e.bestEpoch() == 700) {
            // best at the last checkpoint: every number is the one-go run's
            assertEquals(p.outcome(), e.outcome(), at);
            assertEquals(p.evaluation(), e.evaluation(), at);
            assertEquals(p.finalWeights(), e.finalWeights(), at);
            assertTrue(Arrays.deepEquals(p.predictions(), e.predictions()), at);
            last++;
          } else {
            assertTrue(e.validationError() < p.validationError(), at);
            earlier++;
          }
        }
      }
    }
    assertTrue(last > 0 && earlier > 0, "both cases met: best last " + last + ", best earlier " + earlier);
  }

  @Test
  void keptWeightsAreAFreshNetworkTrainedBestEpochUpdates() throws IOException {
    for (int patience : new int[] {0, 2}) {
      Setup s = setup(10, patience);
      for (Kernel kernel : KERNELS) {
        for (List<NetworkSpec> group : groupings(s.specs())) {
          List<TrainingResult> stopped = train(kernel, group, s, s.grid().earlyStopping());
          for (int i = 0; i < group.size(); i++) {
            TrainingResult e = stopped.get(i);
            String at = kernel + " group of " + group.size() + ", network " + i + ", patience " + patience;
            int best = e.bestEpoch();
            if (best == 0) {
              assertEquals(group.get(i).initialWeights(), e.finalWeights(), at + ": kept the initial weights");
              continue;
            }
            // lockstep lanes are independent: the network alone; a product group: the group, every member trained
            // best updates (with patience 0 every member is still training there)
            List<NetworkSpec> fresh = new ArrayList<>();
            if (kernel == Kernel.GEMM && patience == 0) {
              group.forEach(g -> fresh.add(g.withEpochs(best)));
            } else if (kernel == Kernel.GEMM) {
              continue; // members that stopped earlier leave the product group: its numbers then differ
            } else {
              fresh.add(group.get(i).withEpochs(best));
            }
            int index = kernel == Kernel.GEMM ? i : 0;
            TrainingResult f = train(kernel, fresh, s, null).get(index);
            assertEquals(f.finalWeights(), e.finalWeights(), at);
            assertEquals(f.finalError(), e.finalError(), at);
            assertEquals(f.errorBeforeLastUpdate(), e.errorBeforeLastUpdate(), at);
            assertEquals(f.evaluation(), e.evaluation(), at);
            assertTrue(Arrays.deepEquals(f.predictions(), e.predictions()), at);
          }
        }
      }
    }
  }

  @Test
  void patienceStopsANetworkThatManyChecksAfterItsBest() throws IOException {
    Setup s = setup(20, 2);
    Setup full = setup(20, 0);
    int[] checkpoints = s.grid().earlyStopping().checkpoints(700);
    List<TrainingResult> stopped = train(Kernel.LOCKSTEP, s.specs(), s, s.grid().earlyStopping());
    List<TrainingResult> whole = train(Kernel.LOCKSTEP, full.specs(), full, full.grid().earlyStopping());
    int early = 0;
    for (int i = 0; i < stopped.size(); i++) {
      TrainingResult e = stopped.get(i);
      TrainingResult w = whole.get(i);
      int bestIndex = e.bestEpoch() == 0 ? -1 : Arrays.binarySearch(checkpoints, e.bestEpoch());
      int expectedRun = bestIndex + 2 < checkpoints.length ? checkpoints[bestIndex + 2] : 700;
      assertEquals(expectedRun, e.epochsRun(), "network " + i + " best at " + e.bestEpoch());
      early += e.epochsRun() < 700 ? 1 : 0;
      // the curve is the whole run's up to the stop, NaN after it
      for (int j = 0; j < e.curveEpochs().length; j++) {
        if (e.curveEpochs()[j] <= e.epochsRun()) {
          assertEquals(w.curve()[j], e.curve()[j], "network " + i + " curve point " + j);
        } else {
          assertTrue(Double.isNaN(e.curve()[j]));
        }
      }
      // patience picks the best among the checks it made: the whole run's best if that came before the stop
      if (w.bestEpoch() <= e.epochsRun()) {
        assertEquals(w.bestEpoch(), e.bestEpoch(), "network " + i);
        assertEquals(w.evaluation(), e.evaluation());
      }
    }
    assertTrue(early > 0, "some network overfits and stops early");
  }

  @Test
  void aMinimumImprovementKeepsTheLastCheckThatLoweredTheBestByThatShare() throws IOException {
    Setup s = setup(20, 0);
    int[] checkpoints = s.grid().earlyStopping().checkpoints(700);
    double share = 0.2;
    int patience = 3;
    EarlyStopping rule = new EarlyStopping(20, patience, share);
    List<TrainingResult> stopped = train(Kernel.LOCKSTEP, s.specs(), s, rule);
    List<TrainingResult> anyLower = train(Kernel.LOCKSTEP, s.specs(), s, new EarlyStopping(20, patience));
    int differ = 0;
    for (int i = 0; i < stopped.size(); i++) {
      NetworkSpec spec = s.specs().get(i);
      // the rule replayed on validation errors measured independently: a fresh network per checkpoint
      double best = nnsweep.nn.Metrics.error(new Network(spec.initialWeights()), s.prepared().validation());
      int bestEpoch = 0;
      int without = 0;
      int run = 700;
      for (int k : checkpoints) {
        double v = train(Kernel.LOCKSTEP, List.of(spec.withEpochs(k)), s, null).get(0).validationError();
        if (v < best * (1 - share)) {
          best = v;
          bestEpoch = k;
          without = 0;
        } else if (++without == patience) {
          run = k;
          break;
        }
      }
      String at = "network " + i;
      assertEquals(bestEpoch, stopped.get(i).bestEpoch(), at);
      assertEquals(run, stopped.get(i).epochsRun(), at);
      assertEquals(best, stopped.get(i).validationError(), at);
      differ += stopped.get(i).bestEpoch() != anyLower.get(i).bestEpoch() ? 1 : 0;
    }
    assertTrue(differ > 0, "the share changes some network's kept checkpoint");
    assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(20, 3, 1.0));
    assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(20, 3, -0.01));
  }

  @Test
  void theCodecCarriesTheBestEpochInVersion4Only() throws IOException {
    Setup s = setup(10, 2);
    for (boolean weights : new boolean[] {true, false}) {
      List<TrainingResult> stopped = train(Kernel.LOCKSTEP, s.specs(), s, s.grid().earlyStopping());
      if (!weights) {
        stopped = stopped.stream().map(r -> new TrainingResult(r.spec(), r.outcome(), r.evaluation(),
            r.curveEpochs(), r.trainMs(), null, r.predictions(), r.bestEpoch())).toList();
      }
      byte[] block = ResultCodec.encode(stopped.toArray(TrainingResult[]::new), weights);
      assertEquals("NNR4", new String(block, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
      assertEquals(stopped, ResultCodec.decode(block, s.grid(), s.problems()));
      assertTrue(stopped.stream().anyMatch(r -> r.bestEpoch() > 0 && r.bestEpoch() < 700));
    }
    List<TrainingResult> plain = train(Kernel.LOCKSTEP, s.specs(), s, null);
    byte[] block = ResultCodec.encode(plain.toArray(TrainingResult[]::new), true);
    assertEquals("NNR3", new String(block, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals(plain, ResultCodec.decode(block, s.grid(), s.problems()));
  }

  @Test
  void aDivergedNetworkKeepsItsBestFiniteCheckpoint() throws IOException {
    // as in TrainerAgreementTest: targets far outside (0, 1) and a huge rate overflow the weights, then NaN; the
    // validation rows are iris' own, so the initial weights' validation error is finite
    Setup iris = setup(10, 0);
    NetworkRun.Prepared p = iris.prepared();
    double[][] targets = Arrays.stream(p.problem().dataset().targets())
        .map(t -> Arrays.stream(t).map(v -> v * 1e6).toArray()).toArray(double[][]::new);
    NetworkRun.Prepared far = new NetworkRun.Prepared(p.problem(),
        TrainingData.of(p.problem().dataset().inputs(), targets), null, false, true, p.validation());
    Setup s = new Setup(iris.study(), iris.problems(), iris.grid(), far, iris.specs());
    NetworkSpec spec = s.specs().get(0);
    NetworkSpec huge = new NetworkSpec(spec.id(), spec.dataset(), spec.datasetIndex(), spec.model(), spec.hidden(),
        spec.rules(), spec.inputs(), spec.outputs(), spec.bias(), 1e305, spec.epochs(), spec.seed(), spec.init(),
        spec.fold());
    for (Kernel kernel : KERNELS) {
      TrainingResult plain = train(kernel, List.of(huge), s, null).get(0);
      assertTrue(plain.diverged(), kernel + ": a rate of 1e300 diverges");
      TrainingResult e = train(kernel, List.of(huge), s, s.grid().earlyStopping()).get(0);
      assertTrue(e.diverged(), kernel + ": recorded as diverged");
      assertEquals(plain.epochsRun(), e.epochsRun(), kernel.toString());
      assertTrue(Double.isFinite(e.validationError()), kernel + ": " + e.validationError());
      TrainingResult fresh = e.bestEpoch() == 0 ? null : train(kernel, List.of(huge.withEpochs(e.bestEpoch())), s,
          null).get(0);
      assertEquals(e.bestEpoch() == 0 ? huge.initialWeights() : fresh.finalWeights(), e.finalWeights(),
          kernel + ": kept the weights of checkpoint " + e.bestEpoch());
    }
  }

  @Test
  void checkpointsAreSpreadEvenlyAndDistinct() {
    assertArrayEquals(new int[] {25, 50, 75, 100}, new EarlyStopping(4, 0).checkpoints(100));
    assertArrayEquals(new int[] {1, 2, 3}, new EarlyStopping(40, 0).checkpoints(3));
    assertArrayEquals(new int[] {3, 7, 10}, new EarlyStopping(3, 1).checkpoints(10));
    assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(0, 0));
    assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(1, -1));
  }

  @Test
  void breezeReferenceTrainingContinuesBitForBit() throws IOException {
    Setup s = setup(5, 0);
    NetworkSpec spec = s.specs().get(4);
    TrainingData data = s.prepared().data();
    Network once = new Network(spec.initialWeights());
    TrainingOutcome whole = new BreezeTrainer().train(once, data, TrainingOptions.of(spec.learningRate(), 300));
    Network twice = new Network(spec.initialWeights());
    new BreezeTrainer().train(twice, data, TrainingOptions.of(spec.learningRate(), 120));
    TrainingOutcome rest = new BreezeTrainer().train(twice, data, TrainingOptions.of(spec.learningRate(), 180));
    assertEquals(once.weights(), twice.weights());
    assertEquals(whole.finalError(), rest.finalError());
    assertEquals(whole.errorBeforeLastUpdate(), rest.errorBeforeLastUpdate());
  }

  @Test
  void withoutValidationRowsItRefuses() throws IOException {
    Setup s = setup(5, 0);
    NetworkRun.Prepared p = s.prepared();
    NetworkRun.Prepared without = new NetworkRun.Prepared(p.problem(), p.data(), p.test(), false, true);
    assertThrows(IllegalArgumentException.class, () -> train(Kernel.LOCKSTEP, s.specs(), new Setup(s.study(),
        s.problems(), s.grid(), without, s.specs()), s.grid().earlyStopping()));
  }
}
