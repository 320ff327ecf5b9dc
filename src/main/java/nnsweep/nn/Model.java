package nnsweep.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The two network shapes the tutorial compares: no hidden layer, or one hidden layer of sigmoid units. */
public enum Model {
  /** O = s(X W + b): a single layer of sigmoid outputs. */
  NONE("none"),
  /** O = s(s(X Wh + bh) Wo + bo): one hidden layer. */
  HIDDEN("hidden");

  private final String configName;

  Model(String configName) {
    this.configName = configName;
  }

  /** The name used in study files and CSV reports. */
  public String configName() {
    return configName;
  }

  /** The model called {@code name} in a study file, if any. */
  public static Optional<Model> fromConfigName(String name) {
    return Arrays.stream(values()).filter(m -> m.configName.equals(name.toLowerCase(Locale.ROOT))).findFirst();
  }

  @Override
  public String toString() {
    return configName;
  }
}
