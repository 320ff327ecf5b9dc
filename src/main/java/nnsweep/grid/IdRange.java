package nnsweep.grid;

import java.io.Serializable;
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

  /** Whether {@code id} is in the range. */
  public boolean contains(long id) {
    return id >= from && id < to;
  }

  public long size() {
    return to - from;
  }
}
