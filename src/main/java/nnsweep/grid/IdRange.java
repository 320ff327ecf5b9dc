package nnsweep.grid;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/**
 * A contiguous range [from, to) of network ids: what a Spark task receives instead of the networks themselves.
 */
public record IdRange(long from, long to) implements Serializable {
  public IdRange {
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("id range must have 0 <= from <= to, found [" + from + ", " + to + ")");
    }
  }

  /** The ids in the range. */
  public LongStream ids() {
    return LongStream.range(from, to);
  }

  public long size() {
    return to - from;
  }

  /**
   * Splits the grid into at most {@code parts} contiguous ranges of about equal estimated cost (epochs x parameters x
   * rows), so a partition of long runs does not keep one core busy while the others idle.
   */
  public static List<IdRange> balanced(Grid grid, int parts) {
    return balanced(grid, parts, List.of(new IdRange(0, grid.size())));
  }

  /**
   * Splits the ids of {@code todo} (sorted, disjoint ranges, e.g. what a resumed run still has to train) into about
   * {@code parts} ranges of about equal estimated cost; a range never spans two ranges of {@code todo}.
   */
  public static List<IdRange> balanced(Grid grid, int parts, List<IdRange> todo) {
    if (parts < 1) {
      throw new IllegalArgumentException("parts must be >= 1, found " + parts);
    }
    double total = 0;
    for (IdRange r : todo) {
      for (long id = r.from; id < r.to; id++) {
        total += grid.cost(id);
      }
    }
    List<IdRange> ranges = new ArrayList<>();
    double acc = 0;
    int closed = 0;
    for (IdRange r : todo) {
      long start = r.from;
      for (long id = r.from; id < r.to; id++) {
        acc += grid.cost(id);
        // close the range once the running cost reaches the next share of the total
        if (acc >= total * (closed + 1) / parts && closed < parts - 1) {
          ranges.add(new IdRange(start, id + 1));
          start = id + 1;
          closed++;
        }
      }
      if (start < r.to) {
        ranges.add(new IdRange(start, r.to));
      }
    }
    return ranges;
  }
}
