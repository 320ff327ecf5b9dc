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
    long n = grid.size();
    if (parts < 1) {
      throw new IllegalArgumentException("parts must be >= 1, found " + parts);
    }
    double total = 0;
    for (long id = 0; id < n; id++) {
      total += grid.cost(id);
    }
    List<IdRange> ranges = new ArrayList<>();
    long start = 0;
    double acc = 0;
    for (long id = 0; id < n; id++) {
      acc += grid.cost(id);
      // close the range once it reaches its share of the total
      if (acc >= total * (ranges.size() + 1) / parts && ranges.size() < parts - 1) {
        ranges.add(new IdRange(start, id + 1));
        start = id + 1;
      }
    }
    if (start < n) {
      ranges.add(new IdRange(start, n));
    }
    return ranges;
  }
}
