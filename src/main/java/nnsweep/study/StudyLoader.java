package nnsweep.study;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import nnsweep.InputException;
import nnsweep.fs.Storage;
import nnsweep.nn.Model;

/**
 * Reads a study file (HOCON, via Typesafe Config) plus {@code --set key=value} overrides into a validated
 * {@link Study}.
 *
 * <p>Every problem is an {@link InputException} whose one-line message names the file and line (or the
 * {@code --set} argument), the key, the value found and what was expected. Unknown keys are errors, with the nearest
 * known key suggested, because a misspelt key silently falling back to a default is the worst kind of wrong result.
 */
public final class StudyLoader {

  /** Defaults for every optional key; documented in the README's study-file reference. */
  static final String DEFAULTS = """
      study {
        models = [hidden]
        hidden { sizes = [], rules = [] }
        learning-rates = [0.05]
        epochs = [10000]
        bias = [false]
        seeds = [0]
        init { scheme = uniform }
        partitions = 0
        curve-points = 50
        stop-error = null
        curve-seeds = 10
        tables = auto
      }
      """;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final List<String> STUDY_KEYS = List.of("name", "datasets", "models", "hidden", "learning-rates",
      "epochs", "bias", "seeds", "init", "partitions", "curve-points", "stop-error", "search", "curve-seeds",
      "tables");
  private static final List<String> SEARCH_KEYS = List.of("strategy", "reduction", "min-epochs");
  private static final List<String> DATASET_KEYS = List.of("name", "path", "outputs", "queries", "test-fraction",
      "scale", "split-seed", "folds");
  private static final List<String> HIDDEN_KEYS = List.of("sizes", "rules", "alpha");
  private static final List<String> INIT_KEYS = List.of("scheme", "hidden", "output", "hidden-bias", "output-bias",
      "range");
  private static final List<String> SEED_RANGE_KEYS = List.of("from", "count");

  private final String file;

  private StudyLoader(String file) {
    this.file = file;
  }

  /** Loads and validates {@code file} with {@code overrides} ("key=value", key with or without "study."). */
  public static Study load(Path file, List<String> overrides) {
    return new StudyLoader(file.toString()).read(file, null, overrides);
  }

  /**
   * Loads and validates study file {@code location} (a plain path or a URI such as {@code hdfs://nn/conf/x.conf})
   * from {@code storage}; messages name it as given.
   */
  public static Study load(Storage storage, String location, List<String> overrides) {
    org.apache.hadoop.fs.Path p = storage.resolve(location);
    StudyLoader loader = new StudyLoader(location);
    if (Storage.isLocal(p)) {
      return loader.read(Storage.localPath(p), null, overrides);
    }
    try {
      if (!storage.exists(p)) {
        throw new InputException(location + ": study file not found, expected a HOCON study file such as"
            + " conf/tutorial.conf");
      }
      if (!storage.isFile(p)) {
        throw new InputException(location + ": study file is not a readable file, expected a HOCON study file");
      }
      return loader.read(null, storage.readUtf8(p), overrides);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new InputException(location + ": study file is not valid UTF-8 text, expected a HOCON study file", e);
    } catch (java.io.IOException e) {
      throw new InputException(oneLine(location + ": study file cannot be read (" + e.getMessage()
          + "), expected a readable HOCON study file"), e);
    }
  }

  private Study read(Path path, String text, List<String> overrides) {
    if (path != null && !Files.exists(path)) {
      throw new InputException(file + ": study file not found, expected a HOCON study file such as conf/tutorial.conf");
    }
    if (path != null && (!Files.isRegularFile(path) || !Files.isReadable(path))) {
      throw new InputException(file + ": study file is not a readable file, expected a HOCON study file");
    }
    Config parsed;
    try {
      parsed = path != null ? ConfigFactory.parseFile(path.toFile(),
          ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF).setAllowMissing(false))
          : ConfigFactory.parseString(text,
              ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF).setOriginDescription(file));
    } catch (ConfigException e) {
      throw new InputException(oneLine(file + lineOf(e.origin()) + ": malformed HOCON: " + stripOrigin(e)
          + ", expected a HOCON study file such as conf/tutorial.conf"), e);
    }
    Config merged = parsed;
    for (String override : overrides) {
      merged = parseOverride(override).withFallback(merged);
    }
    try {
      merged = merged.withFallback(ConfigFactory.parseString(DEFAULTS,
          ConfigParseOptions.defaults().setOriginDescription("defaults"))).resolve();
    } catch (ConfigException e) {
      throw new InputException(oneLine(file + lineOf(e.origin()) + ": cannot resolve substitution: " + stripOrigin(e)
          + ", expected a key defined in the study or an environment variable"), e);
    }
    checkKeys(merged.root(), List.of("study"), "");
    ConfigValue studyValue = merged.root().get("study");
    if (studyValue == null || studyValue.valueType() == ConfigValueType.NULL) {
      throw new InputException(file + ": study: missing, expected a 'study { ... }' block");
    }
    if (studyValue.valueType() != ConfigValueType.OBJECT) {
      throw error(studyValue, "study", "wrong type, found " + describe(studyValue), "a 'study { ... }' block");
    }
    ConfigObject study = merged.getObject("study");
    checkKeys(study, STUDY_KEYS, "study.");

    String name = name(study, "name", "study.name");
    List<DatasetSpec> datasets = datasets(study);
    List<Model> models = models(study);
    ConfigObject hidden = object(study, "hidden", "study.hidden");
    checkKeys(hidden, HIDDEN_KEYS, "study.hidden.");
    List<Integer> sizes = ints(hidden, "sizes", "study.hidden.sizes", 1, true);
    List<HiddenRule> rules = rules(hidden);
    if (models.contains(Model.HIDDEN) && sizes.isEmpty() && rules.isEmpty()) {
      throw error(hidden, "study.hidden", "no hidden sizes for the hidden model",
          "hidden.sizes such as [3] or hidden.rules such as [fewer-than-twice-inputs]");
    }
    List<Double> rates = learningRates(study);
    List<Integer> epochs = ints(study, "epochs", "study.epochs", 1, false);
    List<Boolean> bias = booleans(study);
    Seeds seeds = seeds(study);
    List<InitSpec> inits = inits(study, models, bias);
    double alpha = present(hidden, "alpha") ? number(hidden.get("alpha"), "study.hidden.alpha")
        : HiddenRule.DEFAULT_ALPHA;
    if (!(alpha > 0) || !Double.isFinite(alpha)) {
      throw error(hidden.get("alpha"), "study.hidden.alpha", "must be > 0 and finite, found " + alpha,
          "a positive number such as 5");
    }
    double stopError = Double.NEGATIVE_INFINITY;
    if (present(study, "stop-error")) {
      stopError = number(study.get("stop-error"), "study.stop-error");
      if (!(stopError >= 0) || !Double.isFinite(stopError)) {
        throw error(study.get("stop-error"), "study.stop-error", "must be >= 0 and finite, found " + stopError,
            "an error threshold such as 0.001 (or null for none)");
      }
    }
    int partitions = integer(study.get("partitions"), "study.partitions", 0);
    // run-only settings (partitions, curve-seeds) are left out: they do not change any number, so a resume may
    // change them
    String canonical = merged.getConfig("study").withoutPath("partitions").withoutPath("curve-seeds")
        .withoutPath("tables").root().render(ConfigRenderOptions.concise());
    int curvePoints = integer(study.get("curve-points"), "study.curve-points", 0);
    ConfigValue curveSeedsValue = study.get("curve-seeds");
    int curveSeeds = curveSeedsValue.valueType() == ConfigValueType.STRING
        && "all".equals(curveSeedsValue.unwrapped()) ? Integer.MAX_VALUE
        : integer(curveSeedsValue, "study.curve-seeds", 0);
    ConfigValue tablesValue = study.get("tables");
    Study.Tables tables = Study.Tables.of(String.valueOf(tablesValue.unwrapped()));
    if (tables == null) {
      throw error(tablesValue, "study.tables", "unknown table format " + render(tablesValue),
          "auto (Parquet from " + Study.PARQUET_FROM + " networks on), csv or parquet");
    }
    Search search = search(study, epochs);
    return new Study(name, file, datasets, models, sizes, rules, rates, epochs, bias, seeds, inits, partitions,
        curvePoints, alpha, stopError,
        canonical, search, curveSeeds, tables);
  }

  /** search { strategy = grid | halving, reduction = 3, min-epochs = ... }; absent: grid. */
  private Search search(ConfigObject study, List<Integer> epochs) {
    if (!present(study, "search")) {
      return Search.GRID;
    }
    ConfigObject search = object(study, "search", "study.search");
    checkKeys(search, SEARCH_KEYS, "study.search.");
    List<String> strategies = List.of("grid", "halving");
    String strategy = present(search, "strategy")
        ? scalarString(search.get("strategy"), "study.search.strategy", "grid or halving") : "grid";
    if (!strategies.contains(strategy)) {
      throw error(search.get("strategy"), "study.search.strategy", "unknown strategy '" + strategy + "'",
          "grid or halving" + suggest(strategy, strategies));
    }
    if (strategy.equals("grid")) {
      for (String key : List.of("reduction", "min-epochs")) {
        if (present(search, key)) {
          throw error(search.get(key), "study.search." + key, key + " given but strategy is grid",
              "strategy = halving to use it, or no '" + key + "'");
        }
      }
      return Search.GRID;
    }
    int reduction = present(search, "reduction") ? integer(search.get("reduction"), "study.search.reduction", 2) : 3;
    int minEpochs = integer(required(search, "min-epochs", "study.search.min-epochs"), "study.search.min-epochs", 1);
    ConfigValue epochsValue = study.get("epochs");
    if (epochs.size() != 1) {
      throw error(epochsValue, "study.epochs", "several values with strategy = halving, found "
          + render(epochsValue), "one budget such as [8100] (halving sets each rung's epochs itself)");
    }
    if (minEpochs > epochs.get(0)) {
      throw error(search.get("min-epochs"), "study.search.min-epochs", "above the budget, found " + minEpochs,
          "at most the study's epochs, " + epochs.get(0));
    }
    return Search.halving(reduction, minEpochs);
  }

  private Config parseOverride(String override) {
    int eq = override.indexOf('=');
    if (eq <= 0) {
      throw new InputException(
          oneLine("--set " + override + ": expected key=value, such as --set study.epochs=[1000]"));
    }
    String key = override.substring(0, eq).trim();
    String value = override.substring(eq + 1).trim();
    String fullKey = key.startsWith("study.") || key.equals("study") ? key : "study." + key;
    try {
      return ConfigFactory.parseString(fullKey + " = " + value,
          ConfigParseOptions.defaults().setOriginDescription("--set " + override));
    } catch (ConfigException e) {
      throw new InputException(oneLine("--set " + override + ": malformed HOCON value: " + stripOrigin(e)
          + ", expected key=value with a HOCON value, such as --set study.epochs=[1000]"), e);
    }
  }

  // ---- sections -------------------------------------------------------------------------------------------------

  private List<DatasetSpec> datasets(ConfigObject study) {
    ConfigList list = list(study, "datasets", "study.datasets", "a list of { name, path, outputs } objects");
    if (list.isEmpty()) {
      throw error(list, "study.datasets", "empty list", "at least one dataset { name, path, outputs }");
    }
    List<DatasetSpec> datasets = new ArrayList<>();
    Map<String, String> seen = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      String key = "study.datasets[" + i + "]";
      ConfigValue value = list.get(i);
      if (value.valueType() != ConfigValueType.OBJECT) {
        throw error(value, key, "not an object, found " + describe(value),
            "{ name = ..., path = ..., outputs = ... }");
      }
      ConfigObject d = (ConfigObject) value;
      checkKeys(d, DATASET_KEYS, key + ".");
      String name = name(d, "name", key + ".name");
      if (seen.containsKey(name)) {
        throw error(d.get("name"), key + ".name", "duplicate dataset name, found '" + name + "'",
            "a name not already used by " + seen.get(name));
      }
      seen.put(name, key);
      String path = string(d, "path", key + ".path");
      int outputs = integer(required(d, "outputs", key + ".outputs"), key + ".outputs", 1);
      List<double[]> queries = new ArrayList<>();
      if (present(d, "queries")) {
        ConfigList q = list(d, "queries", key + ".queries", "a list of points such as [[1,1],[0,0]]");
        for (int j = 0; j < q.size(); j++) {
          queries.add(numbers(q.get(j), key + ".queries[" + j + "]"));
        }
      }
      double testFraction = 0;
      if (present(d, "test-fraction")) {
        testFraction = number(d.get("test-fraction"), key + ".test-fraction");
        if (!(testFraction >= 0 && testFraction < 1)) {
          throw error(d.get("test-fraction"), key + ".test-fraction", "out of range, found " + testFraction,
              "a fraction >= 0 and < 1 such as 0.25");
        }
      }
      nnsweep.data.Scaling scale = nnsweep.data.Scaling.NONE;
      if (present(d, "scale")) {
        String text = scalarString(d.get("scale"), key + ".scale", "none, minmax or standard");
        ConfigValue v = d.get("scale");
        scale = nnsweep.data.Scaling.fromConfigName(text).orElseThrow(() -> error(v, key + ".scale",
            "unknown scaling '" + text + "'", "none, minmax or standard" + suggest(text,
                List.of("none", "minmax", "standard"))));
      }
      long splitSeed = present(d, "split-seed") ? longValue(d.get("split-seed"), key + ".split-seed", 0) : 0;
      int folds = 0;
      if (present(d, "folds")) {
        folds = integer(d.get("folds"), key + ".folds", 2);
        if (testFraction > 0) {
          throw error(d.get("folds"), key + ".folds", "folds given with test-fraction = " + testFraction,
              "either folds (k-fold cross-validation) or test-fraction (one held-out part), not both");
        }
      }
      datasets.add(new DatasetSpec(name, path, outputs, queries, testFraction, scale, splitSeed, folds));
    }
    return datasets;
  }

  private List<Model> models(ConfigObject study) {
    ConfigList list = list(study, "models", "study.models", "a list such as [none, hidden]");
    if (list.isEmpty()) {
      throw error(list, "study.models", "empty list", "at least one of none, hidden");
    }
    List<Model> models = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String key = "study.models[" + i + "]";
      ConfigValue v = list.get(i);
      String text = scalarString(v, key, "none or hidden");
      Model model = Model.fromConfigName(text).orElseThrow(() ->
          error(v, key, "unknown model '" + text + "'", "none or hidden" + suggest(text,
              List.of("none", "hidden"))));
      noDuplicate(models, model, v, key);
      models.add(model);
    }
    return models;
  }

  private List<HiddenRule> rules(ConfigObject hidden) {
    ConfigList list = list(hidden, "rules", "study.hidden.rules", "a list of rule names");
    List<HiddenRule> rules = new ArrayList<>();
    List<String> names = java.util.Arrays.stream(HiddenRule.values()).map(HiddenRule::configName).toList();
    for (int i = 0; i < list.size(); i++) {
      String key = "study.hidden.rules[" + i + "]";
      String text = scalarString(list.get(i), key, "a rule name");
      ConfigValue v = list.get(i);
      HiddenRule rule = HiddenRule.fromConfigName(text).orElseThrow(() ->
          error(v, key, "unknown rule '" + text + "'", "one of " + HiddenRule.names() + suggest(text, names)));
      noDuplicate(rules, rule, v, key);
      rules.add(rule);
    }
    return rules;
  }

  private List<Double> learningRates(ConfigObject study) {
    ConfigValue value = required(study, "learning-rates", "study.learning-rates");
    if (value.valueType() == ConfigValueType.OBJECT) {
      return sampled((ConfigObject) value, "study.learning-rates");
    }
    ConfigList list = list(study, "learning-rates", "study.learning-rates",
        "a list of numbers such as [0.05] or { log-uniform = [0.01, 2.0], samples = 16 }");
    if (list.isEmpty()) {
      throw error(list, "study.learning-rates", "empty list", "at least one learning rate such as [0.05]");
    }
    List<Double> rates = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String key = "study.learning-rates[" + i + "]";
      double rate = number(list.get(i), key);
      if (!(rate > 0) || !Double.isFinite(rate)) {
        throw error(list.get(i), key, "learning rate must be > 0 and finite, found " + rate,
            "a positive finite number such as 0.05");
      }
      noDuplicate(rates, rate, list.get(i), key);
      rates.add(rate);
    }
    return rates;
  }

  /** A sampled axis: { uniform | log-uniform = [low, high], samples = n, seed = s (default 0) }. */
  private List<Double> sampled(ConfigObject axis, String at) {
    checkKeys(axis, Sampling.KEYS, at + ".");
    boolean uniform = present(axis, "uniform");
    boolean logUniform = present(axis, "log-uniform");
    if (uniform == logUniform) {
      throw error(axis, at, uniform ? "both uniform and log-uniform given" : "no distribution given",
          "one of uniform = [low, high] or log-uniform = [low, high]");
    }
    Sampling.Distribution distribution = uniform ? Sampling.Distribution.UNIFORM : Sampling.Distribution.LOG_UNIFORM;
    String key = distribution.configName();
    double[] bounds = numbers(axis.get(key), at + "." + key);
    if (bounds.length != 2) {
      throw error(axis.get(key), at + "." + key, "wrong number of bounds, found " + bounds.length,
          "[low, high] such as [0.01, 2.0]");
    }
    for (int i = 0; i < 2; i++) {
      if (!(bounds[i] > 0)) {
        ConfigValue bound = ((ConfigList) axis.get(key)).get(i);
        throw error(bound, at + "." + key + "[" + i + "]", (distribution == Sampling.Distribution.LOG_UNIFORM
            ? "log-uniform bound must be > 0" : "learning rate bound must be > 0") + ", found " + bounds[i],
            "a positive number such as 0.01");
      }
    }
    if (!(bounds[0] < bounds[1])) {
      throw error(axis.get(key), at + "." + key, "low bound not below high bound, found " + render(axis.get(key)),
          "[low, high] with low < high such as [0.01, 2.0]");
    }
    int samples = integer(required(axis, "samples", at + ".samples"), at + ".samples", 1);
    long seed = present(axis, "seed") ? longValue(axis.get("seed"), at + ".seed", 0) : 0;
    List<Double> values = new ArrayList<>();
    for (double v : Sampling.draw(distribution, bounds[0], bounds[1], samples, seed)) {
      values.add(v);
    }
    return values;
  }

  private List<Boolean> booleans(ConfigObject study) {
    ConfigList list = list(study, "bias", "study.bias", "a list such as [false, true]");
    if (list.isEmpty()) {
      throw error(list, "study.bias", "empty list", "[false], [true] or [false, true]");
    }
    List<Boolean> values = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String key = "study.bias[" + i + "]";
      ConfigValue v = list.get(i);
      Object raw = v.unwrapped();
      Boolean b = raw instanceof Boolean x ? x
          : "true".equals(raw) || "on".equals(raw) || "yes".equals(raw) ? Boolean.TRUE
          : "false".equals(raw) || "off".equals(raw) || "no".equals(raw) ? Boolean.FALSE : null;
      if (b == null) {
        throw error(v, key, "not a boolean, found " + render(v), "true or false");
      }
      noDuplicate(values, b, v, key);
      values.add(b);
    }
    return values;
  }

  private Seeds seeds(ConfigObject study) {
    ConfigValue value = required(study, "seeds", "study.seeds");
    if (value.valueType() == ConfigValueType.OBJECT) {
      ConfigObject range = (ConfigObject) value;
      checkKeys(range, SEED_RANGE_KEYS, "study.seeds.");
      long from = longValue(required(range, "from", "study.seeds.from"), "study.seeds.from", 0);
      long count = longValue(required(range, "count", "study.seeds.count"), "study.seeds.count", 1);
      return Seeds.range(from, count);
    }
    if (value.valueType() != ConfigValueType.LIST) {
      throw error(value, "study.seeds", "not a list or range, found " + render(value),
          "a list such as [0, 1, 2] or { from = 0, count = 100 }");
    }
    ConfigList list = (ConfigList) value;
    if (list.isEmpty()) {
      throw error(list, "study.seeds", "empty list", "at least one seed such as [0]");
    }
    long[] seeds = new long[list.size()];
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      seeds[i] = longValue(list.get(i), "study.seeds[" + i + "]", 0);
      if (!seen.add(seeds[i])) {
        throw error(list.get(i), "study.seeds[" + i + "]", "duplicate seed, found " + seeds[i], "distinct seeds");
      }
    }
    return Seeds.of(seeds);
  }

  private List<InitSpec> inits(ConfigObject study, List<Model> models, List<Boolean> bias) {
    ConfigValue value = required(study, "init", "study.init");
    if (value.valueType() == ConfigValueType.OBJECT) {
      return List.of(init((ConfigObject) value, "study.init", models, bias));
    }
    if (value.valueType() != ConfigValueType.LIST) {
      throw error(value, "study.init", "wrong type, found " + describe(value),
          "an object { scheme = ... } or a list of them");
    }
    ConfigList list = (ConfigList) value;
    if (list.isEmpty()) {
      throw error(list, "study.init", "empty list", "at least one { scheme = ... }");
    }
    List<InitSpec> inits = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String path = "study.init[" + i + "]";
      ConfigValue v = list.get(i);
      if (v.valueType() != ConfigValueType.OBJECT) {
        throw error(v, path, "not an object, found " + describe(v), "{ scheme = uniform } or similar");
      }
      InitSpec init = init((ConfigObject) v, path, models, bias);
      noDuplicate(inits, init, v, path);
      inits.add(init);
    }
    return inits;
  }

  private InitSpec init(ConfigObject init, String at, List<Model> models, List<Boolean> bias) {
    checkKeys(init, INIT_KEYS, at + ".");
    String scheme = scalarString(required(init, "scheme", at + ".scheme"), at + ".scheme",
        "uniform, symmetric, xavier or fixed");
    if (!scheme.equals("symmetric") && present(init, "range")) {
      throw error(init.get("range"), at + ".range", "range given but scheme is " + scheme,
          "scheme = symmetric to use a range, or no 'range'");
    }
    switch (scheme) {
      case "symmetric", "xavier" -> {
        for (String key : List.of("hidden", "output", "hidden-bias", "output-bias")) {
          if (present(init, key)) {
            throw error(init.get(key), at + "." + key, "weights given but scheme is " + scheme,
                "scheme = fixed to use explicit weights, or no '" + key + "'");
          }
        }
        if (scheme.equals("xavier")) {
          return new InitSpec.Xavier();
        }
        double range = present(init, "range") ? number(init.get("range"), at + ".range") : 1.0;
        if (!(range > 0) || !Double.isFinite(range)) {
          throw error(init.get("range"), at + ".range", "must be > 0 and finite, found " + range,
              "a positive number such as 1");
        }
        return new InitSpec.Symmetric(range);
      }
      case "uniform" -> {
        for (String key : List.of("hidden", "output", "hidden-bias", "output-bias")) {
          if (present(init, key)) {
            throw error(init.get(key), at + "." + key, "weights given but scheme is uniform",
                "scheme = fixed to use explicit weights, or no '" + key + "'");
          }
        }
        return new InitSpec.Uniform();
      }
      case "fixed" -> {
        double[][] hidden = present(init, "hidden") ? matrix(init.get("hidden"), at + ".hidden") : null;
        if (models.contains(Model.HIDDEN) && hidden == null) {
          throw error(init, at + ".hidden", "missing", "an inputs x hidden matrix such as [[0.1,0.2],[0.3,0.4]]"
              + " (the study has a hidden model)");
        }
        double[][] output = matrix(required(init, "output", at + ".output"), at + ".output");
        double[] hiddenBias = present(init, "hidden-bias")
            ? numbers(init.get("hidden-bias"), at + ".hidden-bias") : null;
        double[] outputBias = present(init, "output-bias")
            ? numbers(init.get("output-bias"), at + ".output-bias") : null;
        if (bias.contains(true)) {
          if (outputBias == null) {
            throw error(init, at + ".output-bias", "missing", "a vector with one value per output (bias = true)");
          }
          if (models.contains(Model.HIDDEN) && hiddenBias == null) {
            throw error(init, at + ".hidden-bias", "missing",
                "a vector with one value per hidden unit (bias = true)");
          }
        }
        return new InitSpec.Fixed(hidden, output, hiddenBias, outputBias);
      }
      default -> throw error(init.get("scheme"), at + ".scheme", "unknown init scheme '" + scheme + "'",
          "uniform, symmetric, xavier or fixed" + suggest(scheme, List.of("uniform", "symmetric", "xavier",
              "fixed")));
    }
  }

  // ---- typed values ---------------------------------------------------------------------------------------------

  private String name(ConfigObject obj, String key, String path) {
    String name = string(obj, key, path);
    if (!NAME.matcher(name).matches()) {
      throw error(obj.get(key), path, "not a usable name, found '" + name + "'",
          "letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    return name;
  }

  private String string(ConfigObject obj, String key, String path) {
    return scalarString(required(obj, key, path), path, "a string");
  }

  private String scalarString(ConfigValue v, String path, String expected) {
    if (v.valueType() != ConfigValueType.STRING) {
      throw error(v, path, "wrong type, found " + describe(v), expected);
    }
    String s = ((String) v.unwrapped()).trim();
    if (s.isEmpty()) {
      throw error(v, path, "empty string", expected);
    }
    return s;
  }

  private ConfigObject object(ConfigObject obj, String key, String path) {
    ConfigValue v = required(obj, key, path);
    if (v.valueType() != ConfigValueType.OBJECT) {
      throw error(v, path, "wrong type, found " + describe(v), "an object { ... }");
    }
    return (ConfigObject) v;
  }

  private ConfigList list(ConfigObject obj, String key, String path, String expected) {
    ConfigValue v = required(obj, key, path);
    if (v.valueType() != ConfigValueType.LIST) {
      throw error(v, path, "wrong type, found " + describe(v), expected);
    }
    return (ConfigList) v;
  }

  /** Whether an optional key has a value: absent and {@code null} (which lets --set remove a key) are the same. */
  private static boolean present(ConfigObject obj, String key) {
    ConfigValue v = obj.get(key);
    return v != null && v.valueType() != ConfigValueType.NULL;
  }

  private ConfigValue required(ConfigObject obj, String key, String path) {
    ConfigValue v = obj.get(key);
    if (v == null || v.valueType() == ConfigValueType.NULL) {
      throw error(obj, path, "missing", "a value for '" + key + "'");
    }
    return v;
  }

  private List<Integer> ints(ConfigObject obj, String key, String path, int min, boolean allowEmpty) {
    ConfigList list = list(obj, key, path, "a list of integers such as [" + Math.max(min, 3) + "]");
    if (list.isEmpty() && !allowEmpty) {
      throw error(list, path, "empty list", "at least one integer >= " + min);
    }
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      int value = integer(list.get(i), path + "[" + i + "]", min);
      noDuplicate(values, value, list.get(i), path + "[" + i + "]");
      values.add(value);
    }
    return values;
  }

  private int integer(ConfigValue v, String path, int min) {
    long value = longValue(v, path, min);
    if (value > Integer.MAX_VALUE) {
      throw error(v, path, "too large, found " + value, "an integer <= " + Integer.MAX_VALUE);
    }
    return (int) value;
  }

  private long longValue(ConfigValue v, String path, long min) {
    double d = number(v, path);
    if (d != Math.rint(d)) {
      throw error(v, path, "not an integer, found " + render(v), "an integer >= " + min);
    }
    if (Math.abs(d) > 9.0e15) {
      throw error(v, path, "out of range, found " + render(v), "an integer >= " + min + " and <= 9000000000000000");
    }
    long value = (long) d;
    if (value < min) {
      throw error(v, path, "must be >= " + min + ", found " + value, "an integer >= " + min);
    }
    return value;
  }

  private double number(ConfigValue v, String path) {
    Object raw = v.unwrapped();
    if (raw instanceof Number n) {
      return n.doubleValue();
    }
    if (raw instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw error(v, path, "not a number, found " + describe(v), "a number");
  }

  private double[] numbers(ConfigValue v, String path) {
    if (v.valueType() != ConfigValueType.LIST) {
      throw error(v, path, "wrong type, found " + describe(v), "a list of numbers such as [1, 0]");
    }
    ConfigList list = (ConfigList) v;
    double[] values = new double[list.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = number(list.get(i), path + "[" + i + "]");
      if (!Double.isFinite(values[i])) {
        throw error(list.get(i), path + "[" + i + "]", "not finite, found " + values[i], "a finite number");
      }
    }
    return values;
  }

  private double[][] matrix(ConfigValue v, String path) {
    if (v.valueType() != ConfigValueType.LIST || ((ConfigList) v).isEmpty()) {
      throw error(v, path, "not a matrix, found " + describe(v), "a non-empty list of rows such as [[0.1, 0.2]]");
    }
    ConfigList rows = (ConfigList) v;
    double[][] m = new double[rows.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = numbers(rows.get(i), path + "[" + i + "]");
      if (m[i].length == 0) {
        throw error(rows.get(i), path + "[" + i + "]", "empty row, found []", "at least one number per row");
      }
      if (m[i].length != m[0].length) {
        throw error(rows.get(i), path + "[" + i + "]", "ragged matrix, found row " + render(rows.get(i)) + " with "
            + m[i].length + " values", m[0].length + " values like row 0");
      }
    }
    return m;
  }

  private <T> void noDuplicate(List<T> seen, T value, ConfigValue v, String path) {
    if (seen.contains(value)) {
      throw error(v, path, "duplicate value, found " + render(v), "distinct values");
    }
  }

  // ---- unknown keys ---------------------------------------------------------------------------------------------

  private void checkKeys(ConfigObject obj, List<String> known, String prefix) {
    for (Map.Entry<String, ConfigValue> e : obj.entrySet()) {
      if (!known.contains(e.getKey())) {
        throw error(e.getValue(), prefix + e.getKey(), "unknown key",
            "one of " + String.join(", ", known) + suggest(e.getKey(), known));
      }
    }
  }

  /** "; did you mean 'x'?" for the nearest candidate within a small edit distance, else "". */
  static String suggest(String found, List<String> candidates) {
    String best = candidates.stream().min(Comparator.comparingInt(c -> distance(found, c))).orElse(null);
    if (best == null || distance(found, best) > Math.max(2, best.length() / 3)) {
      return "";
    }
    return "; did you mean '" + best + "'?";
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  // ---- messages -------------------------------------------------------------------------------------------------

  private InputException error(ConfigValue at, String key, String problem, String expected) {
    return new InputException(oneLine(where(at) + ": " + key + ": " + problem + ", expected " + expected));
  }

  private String where(ConfigValue v) {
    ConfigOrigin origin = v == null ? null : v.origin();
    if (origin == null) {
      return file;
    }
    String description = origin.description();
    if (description != null && description.startsWith("--set ")) {
      return description.replaceAll(": \\d+$", "");
    }
    if ("defaults".equals(description) || (description != null && description.startsWith("defaults"))) {
      return file + " (default)";
    }
    return file + (origin.lineNumber() > 0 ? ":" + origin.lineNumber() : "");
  }

  /** Messages are one line: a line break inside a value or a --set argument is shown escaped. */
  private static String oneLine(String message) {
    return message.replace("\r", "\\r").replace("\n", "\\n");
  }

  private static String lineOf(ConfigOrigin origin) {
    return origin != null && origin.lineNumber() > 0 ? ":" + origin.lineNumber() : "";
  }

  private static String stripOrigin(ConfigException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    // Typesafe prefixes "<file>: <line>: "; the caller already names the file and line
    m = m.replaceFirst("^.*?: \\d+: ", "");
    return m.replace('\n', ' ');
  }

  private static String describe(ConfigValue v) {
    return v.valueType().name().toLowerCase(java.util.Locale.ROOT) + " " + render(v);
  }

  private static String render(ConfigValue v) {
    String s = v.render(ConfigRenderOptions.concise());
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
