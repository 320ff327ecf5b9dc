package nnsweep.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import nnsweep.grid.Grid;
import nnsweep.grid.IdRange;
import nnsweep.grid.NetworkSpec;
import nnsweep.nn.Kernel;
import nnsweep.nn.LockstepTrainer;
import nnsweep.nn.Metrics;
import nnsweep.nn.Network;
import nnsweep.nn.TrainingOptions;
import nnsweep.nn.TrainingOutcome;
import nnsweep.nn.Weights;

/**
 * What one task of a successive-halving rung does: trains networks from {@code fromEpochs} to {@code toEpochs}
 * updates, starting from their initial weights (the first rung) or from the final weights of the previous rung's
 * block (a later rung), and leaves every other network of the block as it was. Blocks keep the final weights, so the
 * next rung can continue from them.
 *
 * <p>Full-batch gradient descent is deterministic, so a network trained to e0 and then continued to e1 is bit for bit
 * the network trained to e1 in one go: its final error, the error before its last update, accuracy, test metrics,
 * predictions, epochs to target and its curve (recorded at the log-spaced epochs of the whole budget, each rung
 * filling the points in its span) are exactly a full grid's. A network that stopped (stop-error reached) or diverged
 * is finished and never continued, as it would have stopped there in a full run too. Its {@code spec().epochs()} is
 * the budget throughout; {@code epochsRun} says how far it got.
 */
public final class RungTrainer {
  private final Grid grid;
  private final List<Problem> problems;
  private final PreparedProblems prepared;
  private final int budget;
  private final int[] curveEpochs;

  /** A trainer for the rungs of {@code grid}, whose networks all have the budget as their epochs. */
  public RungTrainer(Grid grid, List<Problem> problems) {
    this.grid = grid;
    this.problems = problems;
    this.prepared = new PreparedProblems(problems);
    this.budget = grid.spec(0).epochs();
    this.curveEpochs = TrainingOptions.logSpacedEpochs(budget, grid.curvePoints());
  }

  /** The first rung: every network of {@code range} from its initial weights to {@code toEpochs}. */
  public byte[] first(IdRange range, int toEpochs) {
    List<TrainingResult> none = new ArrayList<>();
    for (long id = range.from(); id < range.to(); id++) {
      none.add(null);
    }
    return run(range.from(), none, id -> true, 0, toEpochs);
  }

  /**
   * A later rung: the networks of {@code block} that {@code survives} accepts and that are not finished continue
   * from {@code fromEpochs} to {@code toEpochs}; the others are copied unchanged.
   */
  public byte[] next(byte[] block, Predicate<NetworkSpec> survives, int fromEpochs, int toEpochs) {
    List<TrainingResult> previous = ResultCodec.decode(block, grid, problems);
    return run(ResultCodec.from(block), previous, survives, fromEpochs, toEpochs);
  }

  /** A network that will not train again: stopped at its target, diverged, or ended before the rung's epochs. */
  public static boolean finished(TrainingResult r, int rungEpochs) {
    return r.diverged() || r.epochsToTarget() >= 0 || r.epochsRun() < rungEpochs;
  }

  private byte[] run(long from, List<TrainingResult> previous, Predicate<NetworkSpec> survives, int fromEpochs,
      int toEpochs) {
    TrainingResult[] out = new TrainingResult[previous.size()];
    List<Integer> group = new ArrayList<>(LockstepTrainer.DEFAULT_LANES);
    for (int i = 0; i < previous.size(); ) {
      long id = from + i;
      if (grid.kernel(id) == Kernel.GEMM) {
        // a matrix-product group's numbers depend on its members: continue every unfinished network of the grid's
        // group together, as a full grid trains them, survivors or not (blocks hold whole groups: tasks are cut at
        // group boundaries), and keep the others' results unchanged
        int end = (int) Math.min(previous.size(), grid.groupEnd(id) - from);
        List<Integer> unfinished = new ArrayList<>();
        boolean anySurvivor = false;
        for (int j = i; j < end; j++) {
          TrainingResult before = previous.get(j);
          NetworkSpec spec = before == null ? grid.spec(from + j) : before.spec();
          if (before != null && finished(before, fromEpochs)) {
            out[j] = before;
          } else {
            unfinished.add(j);
            anySurvivor |= before == null || survives.test(spec);
          }
        }
        if (anySurvivor && !unfinished.isEmpty()) {
          train(from, unfinished, previous, out, fromEpochs, toEpochs);
        }
        for (int j : unfinished) {
          TrainingResult before = previous.get(j);
          if (before != null && !survives.test(before.spec())) {
            out[j] = before;
          }
        }
        i = end;
        continue;
      }
      TrainingResult before = previous.get(i);
      NetworkSpec spec = before == null ? grid.spec(id) : before.spec();
      boolean trains = before == null || !(finished(before, fromEpochs) || !survives.test(spec));
      if (!trains) {
        out[i] = before;
      }
      boolean flush = !group.isEmpty() && (!trains || group.size() == LockstepTrainer.DEFAULT_LANES
          || !NetworkRun.sameShape(grid.spec(from + group.get(0)), spec));
      if (flush) {
        train(from, group, previous, out, fromEpochs, toEpochs);
        group.clear();
      }
      if (trains) {
        group.add(i);
      }
      i++;
      if (i == previous.size() || grid.kernel(from + i) == Kernel.GEMM) {
        if (!group.isEmpty()) {
          train(from, group, previous, out, fromEpochs, toEpochs);
          group.clear();
        }
      }
    }
    ResultCodec.Writer w = new ResultCodec.Writer(from, true, out.length);
    for (TrainingResult r : out) {
      w.add(r);
    }
    return w.toBytes();
  }

  private void train(long from, List<Integer> group, List<TrainingResult> previous, TrainingResult[] out,
      int fromEpochs, int toEpochs) {
    NetworkSpec first = grid.spec(from + group.get(0));
    NetworkRun.Prepared p = prepared.of(first);
    // the curve points of the whole budget that fall in this rung's span, shifted to it (the first point, the
    // start of the span, is E before the rung's first update: a full run records that same value there)
    List<Integer> span = new ArrayList<>();
    for (int j = 0; j < curveEpochs.length; j++) {
      if (curveEpochs[j] >= fromEpochs && curveEpochs[j] <= toEpochs) {
        span.add(j);
      }
    }
    int[] shifted = span.stream().mapToInt(j -> curveEpochs[j] - fromEpochs).toArray();
    Network[] nets = new Network[group.size()];
    TrainingOptions[] options = new TrainingOptions[group.size()];
    for (int g = 0; g < nets.length; g++) {
      TrainingResult before = previous.get(group.get(g));
      NetworkSpec spec = before == null ? grid.spec(from + group.get(g)) : before.spec();
      Weights start = before == null ? spec.initialWeights() : before.finalWeights();
      nets[g] = new Network(start);
      options[g] = new TrainingOptions(spec.learningRate(), toEpochs - fromEpochs, grid.stopError(), shifted);
    }
    long t0 = System.nanoTime();
    TrainingOutcome[] outcomes = grid.kernel(from + group.get(0)).train(nets, p.data(), options);
    double trainMs = (System.nanoTime() - t0) / 1e6 / nets.length;
    for (int g = 0; g < nets.length; g++) {
      int i = group.get(g);
      TrainingResult before = previous.get(i);
      NetworkSpec spec = before == null ? grid.spec(from + i) : before.spec();
      TrainingOutcome o = outcomes[g];
      double[] curve = before == null ? nanCurve() : before.curve().clone();
      for (int s = 0; s < span.size(); s++) {
        curve[span.get(s)] = o.curve()[s];
      }
      // E before the rung's first update: never NaN here, since a network that stops at once was finished
      double beforeLast = o.epochsRun() > 0 ? o.errorBeforeLastUpdate()
          : before == null ? Double.NaN : before.errorBeforeLastUpdate();
      int epochsRun = fromEpochs + o.epochsRun();
      int toTarget = o.epochsToTarget() >= 0 ? fromEpochs + o.epochsToTarget() : -1;
      // the network's outcome over every rung so far, as one run to epochsRun gives it
      TrainingOutcome whole = new TrainingOutcome(o.finalError(), beforeLast, epochsRun, toTarget, o.diverged(),
          curve);
      out[i] = measure(spec, p, nets[g], whole, (before == null ? 0 : before.trainMs()) + trainMs);
    }
  }

  private TrainingResult measure(NetworkSpec spec, NetworkRun.Prepared p, Network network, TrainingOutcome o,
      double trainMs) {
    Evaluation evaluation = Evaluation.of(network, p, o.finalError(), accuracy -> {
      if (!p.truthTable() || accuracy >= 1.0 || o.diverged()) {
        return "";
      }
      boolean complete = o.diverged() || o.epochsToTarget() >= 0 || o.epochsRun() >= budget;
      if (complete) {
        return Plateaus.label(o.finalError(), o.curve(), curveEpochs);
      }
      // eliminated here (or continued later, which recomputes it): judged on the curve it has so far
      int n = 0;
      while (n < curveEpochs.length && curveEpochs[n] <= o.epochsRun()) {
        n++;
      }
      return Plateaus.label(o.finalError(), Arrays.copyOf(o.curve(), n), Arrays.copyOf(curveEpochs, n));
    });
    return new TrainingResult(spec, o, evaluation, curveEpochs, trainMs, network.weights(),
        Metrics.predictions(network, p.problem().queries()));
  }

  private double[] nanCurve() {
    double[] c = new double[curveEpochs.length];
    Arrays.fill(c, Double.NaN);
    return c;
  }
}
