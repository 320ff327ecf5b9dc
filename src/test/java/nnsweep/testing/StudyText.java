package nnsweep.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import nnsweep.data.Scaling;
import nnsweep.nn.Model;
import nnsweep.study.HiddenRule;
import nnsweep.study.Study;
import nnsweep.study.StudyKeys;

/**
 * A study file's text for tests where the study is the setting, not the subject: one method a key, so a misspelt key
 * does not compile, and every key checked against {@code StudyLoader.KEYS} as it is set (a key the loader no longer
 * knows fails at once, naming it). Tests about the text itself (the loader's parsing, bad input with its line
 * numbers) keep literal HOCON.
 *
 * <p>{@link #text()} writes one key a line in the order they were first set, after {@code name}; an object key
 * ({@code hidden}, {@code init}, ...) on one line; one dataset inline, several one a line.
 */
public final class StudyText {
  /** The study's keys: a value's HOCON text, or an object's keys (an insertion-ordered map). */
  private final Map<String, Object> keys = new LinkedHashMap<>();
  private final List<Data> datasets = new ArrayList<>();
  private final String name;

  private StudyText(String name) {
    this.name = name;
    set("name", quote(name));
  }

  /** A study named {@code name} (also its file's name in {@link #writeIn}). */
  public static StudyText study(String name) {
    return new StudyText(name);
  }

  /** One entry of {@code datasets}: name, path and output count, then its optional keys. */
  public static Data data(String name, String path, int outputs) {
    return new Data(name, path, outputs);
  }

  /** One entry of {@code datasets}, its optional keys set. */
  public StudyText dataset(Data d) {
    datasets.add(d);
    keys.putIfAbsent("datasets", "");
    return this;
  }

  /** One entry of {@code datasets} without optional keys. */
  public StudyText dataset(String name, String path, int outputs) {
    return dataset(data(name, path, outputs));
  }

  public StudyText models(Model... models) {
    return set("models", list(Arrays.stream(models).map(Model::configName)));
  }

  public StudyText hiddenSizes(int... sizes) {
    return set("hidden", "sizes", list(IntStream.of(sizes).mapToObj(Integer::toString)));
  }

  public StudyText hiddenRules(HiddenRule... rules) {
    return set("hidden", "rules", list(Arrays.stream(rules).map(HiddenRule::configName)));
  }

  public StudyText alpha(double alpha) {
    return set("hidden", "alpha", num(alpha));
  }

  public StudyText rangeSizes(int count) {
    return set("hidden", "range-sizes", Integer.toString(count));
  }

  public StudyText learningRates(double... rates) {
    return set("learning-rates", doubles(rates));
  }

  /** {@code learning-rates = { values = [...], per-row = true }}: each rate divided by the training rows. */
  public StudyText learningRatesPerRow(double... rates) {
    set("learning-rates", "values", doubles(rates));
    return set("learning-rates", "per-row", "true");
  }

  public StudyText epochs(int... epochs) {
    return set("epochs", list(IntStream.of(epochs).mapToObj(Integer::toString)));
  }

  public StudyText bias(boolean... bias) {
    return set("bias", list(IntStream.range(0, bias.length).mapToObj(i -> Boolean.toString(bias[i]))));
  }

  /** {@code seeds = [...]}. */
  public StudyText seeds(int... seeds) {
    return set("seeds", list(IntStream.of(seeds).mapToObj(Integer::toString)));
  }

  /** {@code seeds = { from = from, count = count }}. */
  public StudyText seedRange(int from, int count) {
    set("seeds", "from", Integer.toString(from));
    return set("seeds", "count", Integer.toString(count));
  }

  /** {@code init { scheme = ... }}: uniform, symmetric or xavier. */
  public StudyText init(String scheme) {
    return set("init", "scheme", scheme);
  }

  /** {@code init { scheme = fixed, ... }}: the given weights ({@code hidden} null for no hidden layer). */
  public StudyText fixedInit(double[][] hidden, double[] hiddenBias, double[][] output, double[] outputBias) {
    init("fixed");
    if (hidden != null) {
      set("init", "hidden", rows(hidden));
      set("init", "hidden-bias", doubles(hiddenBias));
    }
    set("init", "output", rows(output));
    return set("init", "output-bias", doubles(outputBias));
  }

  public StudyText stopError(double error) {
    return set("stop-error", num(error));
  }

  public StudyText curvePoints(int points) {
    return set("curve-points", Integer.toString(points));
  }

  public StudyText curveSeeds(int seeds) {
    return set("curve-seeds", Integer.toString(seeds));
  }

  public StudyText keepModels(Study.KeepModels keep) {
    return set("keep-models", keep.configName());
  }

  /** {@code search { strategy = halving, reduction, min-epochs[, race-by] }}. */
  public StudyText halving(int reduction, int minEpochs, String... raceBy) {
    set("search", "strategy", "halving");
    set("search", "reduction", Integer.toString(reduction));
    set("search", "min-epochs", Integer.toString(minEpochs));
    return raceBy.length == 0 ? this : set("search", "race-by", list(Stream.of(raceBy)));
  }

  public StudyText earlyStopping(int checks, int patience) {
    set("early-stopping", "checks", Integer.toString(checks));
    return set("early-stopping", "patience", Integer.toString(patience));
  }

  /** Any key of the study object, its value as HOCON text (for what has no method of its own). */
  public StudyText set(String key, String hocon) {
    StudyKeys.require("study", key);
    keys.put(key, hocon);
    return this;
  }

  /** Key {@code key} of the study's object {@code object} ({@code hidden}, {@code init}, ...), as HOCON text. */
  @SuppressWarnings("unchecked")
  public StudyText set(String object, String key, String hocon) {
    StudyKeys.require("study", object);
    StudyKeys.require("study." + object, key);
    Object o = keys.get(object);
    Map<String, String> fields = o instanceof Map ? (Map<String, String>) o : new LinkedHashMap<>();
    fields.put(key, hocon);
    keys.put(object, fields);
    return this;
  }

  /** The study file's text. */
  @SuppressWarnings("unchecked")
  public String text() {
    StringBuilder b = new StringBuilder("study {\n");
    keys.forEach((key, value) -> {
      b.append("  ").append(key);
      if (key.equals("datasets")) {
        b.append(datasets.size() == 1 ? " = [ " + datasets.get(0).text() + " ]"
            : datasets.stream().map(d -> "    " + d.text() + "\n").collect(Collectors.joining("", " = [\n", "  ]")));
      } else if (value instanceof Map) {
        b.append(" { ").append(fields((Map<String, String>) value)).append(" }");
      } else {
        b.append(" = ").append(value);
      }
      b.append('\n');
    });
    return b.append("}\n").toString();
  }

  /** Writes {@link #text()} to {@code <name>.conf} in {@code dir}; returns the file. */
  public Path writeIn(Path dir) throws IOException {
    return Files.writeString(dir.resolve(name + ".conf"), text());
  }

  @Override
  public String toString() {
    return text();
  }

  /** An entry of {@code datasets}. */
  public static final class Data {
    private final Map<String, String> keys = new LinkedHashMap<>();

    private Data(String name, String path, int outputs) {
      set("name", quote(name)).set("path", quote(path)).set("outputs", Integer.toString(outputs));
    }

    public Data testFraction(double fraction) {
      return set("test-fraction", num(fraction));
    }

    public Data validationFraction(double fraction) {
      return set("validation-fraction", num(fraction));
    }

    public Data folds(int folds) {
      return set("folds", Integer.toString(folds));
    }

    public Data scale(Scaling scaling) {
      return set("scale", scaling.configName());
    }

    public Data queries(double[]... rows) {
      return set("queries", StudyText.rows(rows));
    }

    /** Any key of a dataset entry, its value as HOCON text. */
    public Data set(String key, String hocon) {
      StudyKeys.require("study.datasets[]", key);
      keys.put(key, hocon);
      return this;
    }

    String text() {
      return "{ " + fields(keys) + " }";
    }
  }

  private static String fields(Map<String, String> fields) {
    return fields.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", "));
  }

  private static String list(Stream<String> values) {
    return values.collect(Collectors.joining(", ", "[", "]"));
  }

  private static String doubles(double... values) {
    return list(Arrays.stream(values).mapToObj(StudyText::num));
  }

  private static String rows(double[]... rows) {
    return list(Arrays.stream(rows).map(StudyText::doubles));
  }

  /** A number as one would write it: whole numbers without ".0" (as the study files in conf/ do). */
  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  /** A HOCON quoted string (as JSON's). */
  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
