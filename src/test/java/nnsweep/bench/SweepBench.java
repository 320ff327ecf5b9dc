package nnsweep.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import nnsweep.grid.Grid;
import nnsweep.grid.IdRange;
import nnsweep.grid.TaskPlan;
import nnsweep.run.Problem;
import nnsweep.run.Problems;
import nnsweep.run.RangeTrainer;
import nnsweep.study.Study;
import nnsweep.study.StudyLoader;

/**
 * The bare-kernel baseline of {@code bench/spark.sh}: the job's own task code ({@link RangeTrainer}) on the job's
 * own task plan, run by a plain thread pool in one JVM, no Spark: once with the threads to warm the JIT up (untimed),
 * then timed with 1 thread and with the threads. Prints {@code bare <threads> <seconds>} lines.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/classpath.txt) nnsweep.bench.SweepBench \
 *   CONFIG THREADS MAX_TASKS [KEY=VALUE ...]
 * </pre>
 */
public final class SweepBench {
  private SweepBench() {}

  public static void main(String[] args) throws Exception {
    Path config = Path.of(args[0]);
    int threads = Integer.parseInt(args[1]);
    int maxTasks = Integer.parseInt(args[2]);
    List<String> sets = List.of(args).subList(3, args.length);
    Study study = StudyLoader.load(config, sets);
    List<Problem> problems = Problems.load(study);
    Grid grid = Grid.expand(study, Problems.datasets(problems));
    List<IdRange> ranges = TaskPlan.plan(grid, List.of(new IdRange(0, grid.size())), RangeTrainer.GROUP_SIZE,
        maxTasks);
    run(grid, problems, ranges, threads);
    System.out.printf(Locale.ROOT, "bare 1 %.4f%n", run(grid, problems, ranges, 1));
    System.out.printf(Locale.ROOT, "bare %d %.4f%n", threads, run(grid, problems, ranges, threads));
  }

  /** Wall seconds to train every range, tasks taken in order by {@code threads} workers (like Spark's scheduler). */
  static double run(Grid grid, List<Problem> problems, List<IdRange> ranges, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger();
    long start = System.nanoTime();
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < ranges.size(); i = next.getAndIncrement()) {
          new RangeTrainer(grid, problems, false).train(ranges.get(i));
        }
        return null;
      }));
    }
    for (Future<?> w : workers) {
      w.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return seconds;
  }
}
