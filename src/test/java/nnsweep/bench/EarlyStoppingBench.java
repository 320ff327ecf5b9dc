package nnsweep.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnsweep.grid.Grid;
import nnsweep.grid.IdRange;
import nnsweep.run.Problem;
import nnsweep.run.Problems;
import nnsweep.run.RangeTrainer;
import nnsweep.study.Study;
import nnsweep.study.StudyLoader;

/**
 * The cost of validation-based early stopping without Spark or other load in the measure: a study's whole grid
 * trained on one thread ({@link RangeTrainer}, as a task trains it) without early stopping and with the given
 * {@code early-stopping} settings, alternating, timed in CPU seconds of the thread; prints each run and the medians
 * (bench/early-stopping.sh runs it; docs/validation.md).
 *
 * <p>Usage: {@code EarlyStoppingBench <study file> <rounds> <early-stopping value>...}, e.g.
 * {@code conf.conf 3 '{checks=40,patience=0}' '{checks=40,patience=5}'}.
 */
public final class EarlyStoppingBench {
  private EarlyStoppingBench() {}

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    int rounds = Integer.parseInt(args[1]);
    Map<String, Grid> grids = new LinkedHashMap<>();
    List<Problem> problems = null;
    List<String> variants = new ArrayList<>(List.of("none"));
    variants.addAll(Arrays.asList(args).subList(2, args.length));
    for (String v : variants) {
      Study study = StudyLoader.load(file, v.equals("none") ? List.of() : List.of("early-stopping=" + v));
      problems = Problems.load(study);
      grids.put(v, Grid.expand(study, Problems.datasets(problems)));
    }
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    Map<String, List<Double>> seconds = new LinkedHashMap<>();
    for (int r = 0; r < rounds; r++) {
      for (var e : grids.entrySet()) {
        Grid grid = e.getValue();
        long t0 = cpu.getCurrentThreadCpuTime();
        new RangeTrainer(grid, problems, false).train(new IdRange(0, grid.size()));
        double s = (cpu.getCurrentThreadCpuTime() - t0) / 1e9;
        seconds.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(s);
        System.out.printf("round %d %-26s %.3f s CPU%n", r + 1, e.getKey(), s);
      }
    }
    double base = median(seconds.get("none"));
    seconds.forEach((v, s) -> System.out.printf("median %-26s %.3f s CPU (%+.1f%% vs none), runs %s%n", v, median(s),
        100 * (median(s) / base - 1), s));
  }

  private static double median(List<Double> v) {
    double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
