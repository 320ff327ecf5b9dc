package nnsweep.study;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Rules of thumb for the number of hidden units. Each maps a dataset's shape to the hidden sizes it recommends.
 * Sources: the tutorial's three (after Heaton, Introduction to Neural Networks for Java, 2nd ed., ch. 5); the
 * geometric pyramid rule (Masters, Practical Neural Network Recipes in C++, 1993, p. 176); the comp.ai.neural-nets
 * FAQ's variant and its samples-per-weight rule (Sarle, FAQ part 3, "How many hidden units should I use?").
 */
public enum HiddenRule {
  /** Every h with 1 <= h < 2 * inputs (tutorial). */
  FEWER_THAN_TWICE_INPUTS("fewer-than-twice-inputs") {
    @Override
    public int[] sizes(Shape s) {
      return IntStream.range(1, 2 * s.inputs()).toArray();
    }
  },
  /** h = floor(2 * inputs / 3 + outputs) (tutorial). */
  TWO_THIRDS_INPUTS_PLUS_OUTPUTS("two-thirds-inputs-plus-outputs") {
    @Override
    public int[] sizes(Shape s) {
      // floor(2i/3 + o) = floor(2i/3) + o for integers, computed exactly
      return new int[] {Math.max(1, (2 * s.inputs()) / 3 + s.outputs())};
    }
  },
  /** Every h with min(inputs, outputs) <= h <= max(inputs, outputs), h >= 1 (tutorial). */
  BETWEEN_INPUTS_AND_OUTPUTS("between-inputs-and-outputs") {
    @Override
    public int[] sizes(Shape s) {
      return IntStream.rangeClosed(Math.max(1, Math.min(s.inputs(), s.outputs())),
          Math.max(s.inputs(), s.outputs())).toArray();
    }
  },
  /** Geometric pyramid rule: h = round(sqrt(inputs * outputs)), at least 1 (Masters 1993). */
  SQRT_INPUTS_TIMES_OUTPUTS("sqrt-inputs-times-outputs") {
    @Override
    public int[] sizes(Shape s) {
      return new int[] {Math.max(1, (int) Math.round(Math.sqrt((double) s.inputs() * s.outputs())))};
    }
  },
  /** The FAQ's variant: h = floor((inputs + outputs) * 2 / 3), at least 1. */
  TWO_THIRDS_OF_INPUTS_PLUS_OUTPUTS("two-thirds-of-inputs-plus-outputs") {
    @Override
    public int[] sizes(Shape s) {
      return new int[] {Math.max(1, 2 * (s.inputs() + s.outputs()) / 3)};
    }
  },
  /**
   * Enough samples per weight: h = floor(samples / (alpha * (inputs + outputs))), at least 1, alpha from the study
   * ({@code hidden.alpha}, default 5; the FAQ quotes 2 to 10).
   */
  SAMPLES_OVER_WEIGHTS("samples-over-weights") {
    @Override
    public int[] sizes(Shape s) {
      return new int[] {Math.max(1, (int) Math.floor(s.samples() / (s.alpha() * (s.inputs() + s.outputs()))))};
    }
  };

  /** What a rule may look at: the dataset's shape and size, and the study's alpha. */
  public record Shape(int inputs, int outputs, int samples, double alpha) {
    public Shape {
      if (inputs < 1 || outputs < 1 || samples < 0 || !(alpha > 0)) {
        throw new IllegalArgumentException("shape needs inputs, outputs >= 1, samples >= 0, alpha > 0, found "
            + inputs + ", " + outputs + ", " + samples + ", " + alpha);
      }
    }
  }

  /** Fewest sizes a range rule's range may be searched on ({@code hidden.range-sizes}). */
  public static final int MIN_GRID_SIZES = 8;

  /**
   * The sizes searched for a range from {@code low} to {@code high}: every size when there are at most
   * {@code count}, else {@code count} sizes on a geometric grid, both ends included (rounded, and nudged up where
   * rounding would repeat a size, so they stay distinct).
   */
  public static int[] gridSizes(int low, int high, int count) {
    if (low < 1 || high < low || count < 2) {
      throw new IllegalArgumentException("a size grid needs 1 <= low <= high and count >= 2, found low " + low
          + ", high " + high + ", count " + count);
    }
    if (high - low + 1 <= count) {
      return IntStream.rangeClosed(low, high).toArray();
    }
    int[] sizes = new int[count];
    double ratio = (double) high / low;
    for (int i = 0; i < count; i++) {
      int s = (int) Math.round(low * Math.pow(ratio, i / (count - 1.0)));
      if (i > 0) {
        s = Math.max(s, sizes[i - 1] + 1);
      }
      sizes[i] = Math.min(s, high - (count - 1 - i)); // room for the rest
    }
    sizes[0] = low;
    sizes[count - 1] = high;
    return sizes;
  }

  /**
   * The sizes to search for this rule on a dataset: its recommended sizes, or, for a range longer than
   * {@code count}, its geometric grid of {@code count} sizes ({@link #gridSizes}); {@code count} 0: every size.
   */
  public int[] searchSizes(Shape shape, int count) {
    int[] recommended = sizes(shape);
    if (count == 0 || recommended.length <= count) {
      return recommended;
    }
    return gridSizes(recommended[0], recommended[recommended.length - 1], count);
  }

  /** Default alpha of {@link #SAMPLES_OVER_WEIGHTS}. */
  public static final double DEFAULT_ALPHA = 5.0;

  private final String configName;

  HiddenRule(String configName) {
    this.configName = configName;
  }

  /** The hidden sizes the rule recommends for a dataset of this shape, ascending. */
  public abstract int[] sizes(Shape shape);

  /** The sizes for a dataset with these inputs and outputs (no samples: for rules that do not use them). */
  public int[] sizes(int inputs, int outputs) {
    return sizes(new Shape(inputs, outputs, 0, DEFAULT_ALPHA));
  }

  /** The name used in study files and reports. */
  public String configName() {
    return configName;
  }

  /** The rule called {@code name} in a study file, if any. */
  public static Optional<HiddenRule> fromConfigName(String name) {
    return Arrays.stream(values()).filter(r -> r.configName.equals(name)).findFirst();
  }

  /** All rule names, for messages. */
  public static String names() {
    return String.join(", ", Arrays.stream(values()).map(HiddenRule::configName).toList());
  }

  @Override
  public String toString() {
    return configName;
  }
}
