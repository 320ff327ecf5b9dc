package nnsweep.study;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Rules of thumb for the number of hidden units, from the tutorial (after Heaton, Introduction to Neural Networks
 * for Java, ch. 5). Each maps a dataset's inputs and outputs to the hidden sizes it recommends.
 */
public enum HiddenRule {
  /** Every h with 1 <= h < 2 * inputs. */
  FEWER_THAN_TWICE_INPUTS("fewer-than-twice-inputs") {
    @Override
    public int[] sizes(int inputs, int outputs) {
      return IntStream.range(1, 2 * inputs).toArray();
    }
  },
  /** h = floor(2 * inputs / 3 + outputs). */
  TWO_THIRDS_INPUTS_PLUS_OUTPUTS("two-thirds-inputs-plus-outputs") {
    @Override
    public int[] sizes(int inputs, int outputs) {
      // floor(2i/3 + o) = floor(2i/3) + o for integers, computed exactly
      return new int[] {Math.max(1, (2 * inputs) / 3 + outputs)};
    }
  },
  /** Every h with min(inputs, outputs) <= h <= max(inputs, outputs), h >= 1. */
  BETWEEN_INPUTS_AND_OUTPUTS("between-inputs-and-outputs") {
    @Override
    public int[] sizes(int inputs, int outputs) {
      return IntStream.rangeClosed(Math.max(1, Math.min(inputs, outputs)), Math.max(inputs, outputs)).toArray();
    }
  };

  private final String configName;

  HiddenRule(String configName) {
    this.configName = configName;
  }

  /** The hidden sizes the rule recommends for a dataset with these inputs and outputs, ascending. */
  public abstract int[] sizes(int inputs, int outputs);

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
