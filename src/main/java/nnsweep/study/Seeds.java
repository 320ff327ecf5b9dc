package nnsweep.study;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The seed axis: an explicit list, or the range {@code from, from + 1, ..., from + count - 1} held as two numbers so
 * a million seeds cost nothing on the driver.
 */
public record Seeds(long[] explicit, long from, long count) implements Serializable {
  public Seeds {
    if (explicit != null) {
      explicit = explicit.clone();
      if (explicit.length == 0) {
        throw new IllegalArgumentException("seeds must not be empty");
      }
      from = 0;
      count = explicit.length;
    } else if (count < 1) {
      throw new IllegalArgumentException("seeds.count must be >= 1, found " + count);
    }
  }

  /** An explicit list of seeds. */
  public static Seeds of(long... seeds) {
    return new Seeds(seeds, 0, seeds.length);
  }

  /** The seeds from, from + 1, ..., from + count - 1. */
  public static Seeds range(long from, long count) {
    return new Seeds(null, from, count);
  }

  /** Number of seeds. */
  public long size() {
    return count;
  }

  /** Whether {@code seed} is among the first {@code n} seeds ({@link Integer#MAX_VALUE}: any seed). */
  public boolean amongFirst(long seed, int n) {
    if (n == Integer.MAX_VALUE) {
      return true;
    }
    if (explicit == null) {
      return seed >= from && seed - from < n;
    }
    for (int i = 0; i < Math.min(n, explicit.length); i++) {
      if (explicit[i] == seed) {
        return true;
      }
    }
    return false;
  }

  /** The i-th seed. */
  public long get(long i) {
    if (i < 0 || i >= count) {
      throw new IndexOutOfBoundsException("seed index " + i + " out of [0, " + count + ")");
    }
    return explicit != null ? explicit[(int) i] : from + i;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Seeds s && Arrays.equals(explicit, s.explicit) && from == s.from && count == s.count;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(explicit) * 31 + Long.hashCode(from) * 17 + Long.hashCode(count);
  }

  @Override
  public String toString() {
    return explicit != null ? Arrays.toString(explicit) : "{ from = " + from + ", count = " + count + " }";
  }
}
