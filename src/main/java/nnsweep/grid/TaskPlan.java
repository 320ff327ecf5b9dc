package nnsweep.grid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nnsweep.nn.Kernel;

/**
 * Cuts the ids still to train into the ranges Spark tasks receive, and orders them.
 *
 * <p>Ranges are cut at unit boundaries only: a unit is at most {@code groupSize} consecutive networks of one shape,
 * what a task trains together in lockstep, or one matrix-product group of the grid ({@link Grid#groupStart}),
 * so cutting never leaves a task with a partial group it could have avoided. When there are more units than
 * {@code maxTasks}, consecutive units are merged into about {@code maxTasks} ranges of about equal estimated cost
 * ({@link Grid#cost}). The ranges come back longest first (by estimated cost; ties in id order): Spark launches tasks
 * in partition order as cores free up, so this is the longest-processing-time-first schedule, which leaves only short
 * tasks for the end instead of a long one that keeps one core busy while the others idle.
 */
public final class TaskPlan {
  /**
   * Most tasks per core when the study does not say: each task costs Spark a fixed amount of work on the same cores
   * (launch, Java serialization of the task, its result and its metrics, and the JIT compiling that path as it gets
   * hot), so the default is the fewest tasks per core, up to this many, whose longest-first schedule is as short as
   * this many would give (measurements: docs/benchmarks.md, "The Spark job" and "Two cores on a small study").
   */
  public static final int TASKS_PER_CORE = 4;
  /**
   * Most estimated cost ({@link Grid#cost}) per task when the study does not say, so that a run that dies loses at
   * most that much work per core on --resume, and progress moves at least that often: about 8 s of one core at
   * {@link Kernel#LOCKSTEP_UNITS_PER_SECOND}.
   */
  public static final double MAX_TASK_COST = 2.4e10;
  /**
   * Most networks per task when the study does not say: a task's results travel and are kept as one block, so this
   * bounds what the driver holds per finished task whatever the size of the grid.
   */
  public static final long MAX_TASK_NETWORKS = 1 << 16;

  private TaskPlan() {}

  /**
   * The most tasks to cut {@code todo} into on {@code cores} cores when the study does not set {@code partitions}:
   * the fewest of 1, 2, ... {@link #TASKS_PER_CORE} per core whose plan ({@link #plan}, lockstep units of
   * {@code groupSize}) has an estimated schedule as short as {@link #TASKS_PER_CORE} per core would give (a study of
   * equal units needs one task per core; a skewed one keeps short tasks for the end); more when that would make a
   * task cost more than {@link #MAX_TASK_COST} or hold more than {@link #MAX_TASK_NETWORKS} networks.
   */
  public static int defaultMaxTasks(Grid grid, List<IdRange> todo, int groupSize, int cores) {
    if (cores < 1) {
      throw new IllegalArgumentException("cores must be >= 1, found " + cores);
    }
    double total = 0;
    long networks = 0;
    for (IdRange r : todo) {
      networks += r.size();
      for (long id = r.from(); id < r.to(); id++) {
        total += grid.cost(id);
      }
    }
    double byCost = Math.ceil(total / MAX_TASK_COST);
    double byCount = Math.ceil((double) networks / MAX_TASK_NETWORKS);
    double floor = Math.max(byCost, byCount);
    if (floor >= TASKS_PER_CORE * (double) cores) {
      return (int) Math.min(Integer.MAX_VALUE, floor);
    }
    int most = TASKS_PER_CORE * cores;
    double shortest = makespan(grid, plan(grid, todo, groupSize, most), cores);
    for (int perCore = 1; perCore < TASKS_PER_CORE; perCore++) {
      int tasks = (int) Math.max(perCore * cores, floor);
      // a relative tolerance for the sums' rounding only: equal schedules, not nearly equal ones
      if (makespan(grid, plan(grid, todo, groupSize, tasks), cores) <= shortest * (1 + 1e-9)) {
        return tasks;
      }
    }
    return most;
  }

  /**
   * Estimated length ({@link Grid#cost}) of Spark's schedule of {@code ranges} on {@code cores} cores: the ranges in
   * order, each to the core that frees up first.
   */
  public static double makespan(Grid grid, List<IdRange> ranges, int cores) {
    double[] busy = new double[cores];
    for (IdRange range : ranges) {
      double cost = 0;
      for (long id = range.from(); id < range.to(); id++) {
        cost += grid.cost(id);
      }
      int core = 0;
      for (int c = 1; c < cores; c++) {
        core = busy[c] < busy[core] ? c : core;
      }
      busy[core] += cost;
    }
    double longest = 0;
    for (double b : busy) {
      longest = Math.max(longest, b);
    }
    return longest;
  }

  /**
   * The task ranges for {@code todo} (sorted, disjoint ranges, e.g. what a resumed run still has to train), longest
   * first. A range never spans two ranges of {@code todo}.
   */
  public static List<IdRange> plan(Grid grid, List<IdRange> todo, int groupSize, int maxTasks) {
    if (groupSize < 1) {
      throw new IllegalArgumentException("groupSize must be >= 1, found " + groupSize);
    }
    if (maxTasks < 1) {
      throw new IllegalArgumentException("maxTasks must be >= 1, found " + maxTasks);
    }
    long units = 0;
    double total = 0;
    for (IdRange r : todo) {
      for (long id = r.from(); id < r.to(); ) {
        long end = unitEnd(grid, r, id, groupSize);
        units++;
        for (; id < end; id++) {
          total += grid.cost(id);
        }
      }
    }
    List<IdRange> ranges = new ArrayList<>();
    List<Double> costs = new ArrayList<>();
    double acc = 0;
    int shares = 0;
    for (IdRange r : todo) {
      long start = r.from();
      double cost = 0;
      for (long id = r.from(); id < r.to(); ) {
        long end = unitEnd(grid, r, id, groupSize);
        for (; id < end; id++) {
          double c = grid.cost(id);
          cost += c;
          acc += c;
        }
        // every unit is a task when they are few; otherwise a task closes once the running cost reaches its share
        if (units <= maxTasks || end == r.to() || acc >= total * (shares + 1) / maxTasks) {
          ranges.add(new IdRange(start, end));
          costs.add(cost);
          start = end;
          cost = 0;
          while (shares < maxTasks - 1 && acc >= total * (shares + 1) / maxTasks) {
            shares++;
          }
        }
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < ranges.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> -costs.get(i)).thenComparingLong(i -> ranges.get(i).from()));
    List<IdRange> longestFirst = new ArrayList<>(ranges.size());
    for (int i : order) {
      longestFirst.add(ranges.get(i));
    }
    return longestFirst;
  }

  /**
   * The end of the unit starting at {@code id}: up to {@code groupSize} lockstep networks, or the rest of the id's
   * matrix-product group ({@link Grid#groupEnd}: those groups are fixed by the grid, whatever the plan).
   */
  private static long unitEnd(Grid grid, IdRange r, long id, int groupSize) {
    if (grid.kernel(id) == Kernel.GEMM) {
      return Math.min(r.to(), grid.groupEnd(id));
    }
    return Math.min(Math.min(r.to(), grid.shapeRunEnd(id)), id + groupSize);
  }
}
