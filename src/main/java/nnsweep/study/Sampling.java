package nnsweep.study;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Random sampling of a continuous axis, such as {@code learning-rates = { log-uniform = [0.01, 2.0], samples = 16 }}:
 * {@code samples} values drawn uniformly (or uniformly in log space) from [low, high), from a SplitMix64 stream of
 * the given seed. The draw happens once, on the driver, when the study is loaded, so the same study gives the same
 * values on any master and any partitioning; the values are sorted ascending and become an ordinary grid axis.
 */
public final class Sampling {
  /** The distributions a sampled axis can be drawn from. */
  public enum Distribution {
    UNIFORM("uniform"), LOG_UNIFORM("log-uniform");

    private final String configName;

    Distribution(String configName) {
      this.configName = configName;
    }

    public String configName() {
      return configName;
    }
  }

  /** The keys of a sampled axis object. */
  public static final List<String> KEYS = List.of("uniform", "log-uniform", "samples", "seed");

  private Sampling() {}

  /**
   * {@code samples} values of {@code distribution} on [low, high), ascending. Fewer only if two draws coincide
   * exactly (which a 53-bit draw makes practically impossible).
   *
   * @throws IllegalArgumentException for samples < 1, low >= high, non-finite bounds or a log-uniform bound <= 0
   */
  public static double[] draw(Distribution distribution, double low, double high, int samples, long seed) {
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be >= 1, found " + samples);
    }
    if (!Double.isFinite(low) || !Double.isFinite(high) || !(low < high)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "bounds must be finite with low < high, found"
          + " [%s, %s]", low, high));
    }
    if (distribution == Distribution.LOG_UNIFORM && !(low > 0)) {
      throw new IllegalArgumentException("log-uniform bounds must be > 0, found " + low);
    }
    double[] values = new double[samples];
    long state = seed ^ 0x5EED5A3D1E5L;
    for (int i = 0; i < samples; i++) {
      state += 0x9E3779B97F4A7C15L;
      double u = (mix(state) >>> 11) * 0x1.0p-53;
      values[i] = distribution == Distribution.UNIFORM ? low + u * (high - low)
          : Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low)));
      // rounding of exp or the affine map may land on high: keep the interval half-open
      if (values[i] >= high) {
        values[i] = Math.nextDown(high);
      }
      if (values[i] < low) {
        values[i] = low;
      }
    }
    Arrays.sort(values);
    return Arrays.stream(values).distinct().toArray();
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
