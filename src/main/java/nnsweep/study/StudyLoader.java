package nnsweep.study;

import static nnsweep.study.ConfigReader.lineOf;
import static nnsweep.study.ConfigReader.oneLine;
import static nnsweep.study.ConfigReader.present;
import static nnsweep.study.ConfigReader.render;
import static nnsweep.study.ConfigReader.stripOrigin;
import static nnsweep.study.ConfigReader.suggest;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nnsweep.errors.InputException;
import nnsweep.data.Scaling;
import nnsweep.fs.Storage;
import nnsweep.nn.LearningRate;
import nnsweep.nn.Model;

/**
 * Reads a study file (HOCON, via Typesafe Config) plus {@code --set key=value} overrides into a validated
 * {@link Study}: the study's schema, key by key; the typed reading and the messages are {@link ConfigReader}'s.
 *
 * <p>Every problem is an {@link InputException} whose one-line message names the file and line (or the
 * {@code --set} argument), the key, the value found and what was expected. Unknown keys are errors, with the nearest
 * known key suggested, because a misspelt key silently falling back to a default is the worst kind of wrong result.
 */
public final class StudyLoader {

  /** The optional keys' defaults (declared by {@link Study.Builder}), merged under every study file. */
  static final String DEFAULTS = Study.Builder.defaults().entrySet().stream()
      .map(e -> "  " + e.getKey() + " = " + e.getValue() + "\n").collect(Collectors.joining("", "study {\n", "}\n"));

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  /**
   * Every key of a study file, object by object (its path; {@code []}: each element of the list): what the loader
   * checks each object against (an unknown key is an error naming the nearest known one, in this order) and what
   * docs/studies.md's key table documents (StudyLoaderTest reads it against this).
   */
  static final Map<String, List<String>> KEYS = Map.of(
      "study", List.of("name", "datasets", "models", "hidden", "learning-rates", "epochs", "bias", "seeds", "init",
          "partitions", "curve-points", "stop-error", "search", "curve-seeds", "tables", "keep-models",
          "early-stopping"),
      "study.datasets[]", List.of("name", "path", "outputs", "queries", "test-fraction", "scale", "split-seed",
          "folds", "validation-fraction"),
      "study.hidden", List.of("sizes", "rules", "alpha", "range-sizes"),
      "study.learning-rates", Stream.concat(Sampling.KEYS.stream(), Stream.of("values", "per-row")).toList(),
      "study.seeds", List.of("from", "count"),
      "study.init", List.of("scheme", "hidden", "output", "hidden-bias", "output-bias", "range"),
      "study.search", List.of("strategy", "reduction", "min-epochs", "race-by"),
      "study.early-stopping", List.of("checks", "patience", "min-improvement"));
  /** The init keys of explicit weights ({@code scheme = fixed}). */
  private static final List<String> INIT_WEIGHT_KEYS = List.of("hidden", "output", "hidden-bias", "output-bias");

  private final String file;
  private final ConfigReader r;

  private StudyLoader(String file) {
    this.file = file;
    this.r = new ConfigReader(file);
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
      String looked = path.toAbsolutePath().normalize().toString();
      throw new InputException(file + ": study file not found" + (looked.equals(file) ? "" : ", looked at " + looked)
          + ", expected a HOCON study file such as conf/tutorial.conf");
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
    r.checkKeys(merged.root(), List.of("study"), "");
    ConfigValue studyValue = merged.root().get("study");
    if (studyValue == null || studyValue.valueType() == ConfigValueType.NULL) {
      throw new InputException(file + ": study: missing, expected a 'study { ... }' block");
    }
    if (studyValue.valueType() != ConfigValueType.OBJECT) {
      throw r.error(studyValue, "study", "wrong type, found " + ConfigReader.describe(studyValue),
          "a 'study { ... }' block");
    }
    ConfigObject study = merged.getObject("study");
    r.checkKeys(study, KEYS.get("study"), "study.");
    // run-only settings (partitions, curve-seeds, tables, keep-models) are left out: they do not change any number, so a resume
    // may change them
    String canonical = merged.getConfig("study").withoutPath("partitions").withoutPath("curve-seeds")
        .withoutPath("tables").withoutPath("keep-models").root().render(ConfigRenderOptions.concise());
    return study(study, canonical);
  }

  /** The {@code study { ... }} block, key by key, in the order its errors are reported. */
  private Study study(ConfigObject study, String canonical) {
    Study.Builder b = Study.builder().source(file).canonical(canonical);
    b.name(name(study, "name", "study.name"));
    b.datasets(datasets(study));
    List<Model> models = models(study);
    b.models(models);
    ConfigObject hidden = r.object(study, "hidden", "study.hidden");
    r.checkKeys(hidden, KEYS.get("study.hidden"), "study.hidden.");
    List<Integer> sizes = r.integers(hidden, "sizes", "study.hidden.sizes", 1, true);
    List<HiddenRule> rules = rules(hidden);
    if (models.contains(Model.HIDDEN) && sizes.isEmpty() && rules.isEmpty()) {
      throw r.error(hidden, "study.hidden", "no hidden sizes for the hidden model",
          "hidden.sizes such as [3] or hidden.rules such as [fewer-than-twice-inputs]");
    }
    b.hiddenSizes(sizes).hiddenRules(rules);
    b.learningRates(learningRates(study)).learningRatesPerRow(learningRatesPerRow(study));
    List<Integer> epochs = r.integers(study, "epochs", "study.epochs", 1, false);
    b.epochs(epochs);
    List<Boolean> bias = r.distinct(r.nonEmpty(r.list(study, "bias", "study.bias", "a list such as [false, true]"),
        "study.bias", "[false], [true] or [false, true]"), "study.bias", r::bool);
    b.bias(bias);
    b.seeds(seeds(study));
    b.inits(inits(study, models, bias));
    b.ruleAlpha(present(hidden, "alpha")
        ? r.positive(hidden.get("alpha"), "study.hidden.alpha", "a positive number such as 5")
        : HiddenRule.DEFAULT_ALPHA);
    if (present(hidden, "range-sizes")) {
      b.rangeSizes(r.integer(hidden.get("range-sizes"), "study.hidden.range-sizes", HiddenRule.MIN_GRID_SIZES));
    }
    if (present(study, "stop-error")) {
      double stopError = r.number(study.get("stop-error"), "study.stop-error");
      if (!(stopError >= 0) || !Double.isFinite(stopError)) {
        throw r.error(study.get("stop-error"), "study.stop-error", "must be >= 0 and finite, found " + stopError,
            "an error threshold such as 0.001 (or null for none)");
      }
      b.stopError(stopError);
    }
    b.partitions(r.integer(study.get("partitions"), "study.partitions", 0));
    b.curvePoints(r.integer(study.get("curve-points"), "study.curve-points", 0));
    ConfigValue curveSeeds = study.get("curve-seeds");
    b.curveSeeds(curveSeeds.valueType() == ConfigValueType.STRING && "all".equals(curveSeeds.unwrapped())
        ? Integer.MAX_VALUE : r.integer(curveSeeds, "study.curve-seeds", 0));
    ConfigValue tablesValue = study.get("tables");
    Study.Tables tables = Study.Tables.of(String.valueOf(tablesValue.unwrapped()));
    if (tables == null) {
      throw r.error(tablesValue, "study.tables", "unknown table format " + render(tablesValue),
          "auto (Parquet from " + Study.PARQUET_FROM + " networks on), csv or parquet");
    }
    b.tables(tables);
    ConfigValue keepValue = study.get("keep-models");
    Study.KeepModels keep = Study.KeepModels.of(String.valueOf(keepValue.unwrapped()));
    if (keep == null) {
      throw r.error(keepValue, "study.keep-models", "unknown value " + render(keepValue),
          "best (the best network of each dataset), cells (the best network of every cell) or none");
    }
    b.keepModels(keep);
    Search search = search(study, epochs);
    b.search(search);
    b.earlyStopping(earlyStopping(study, search, b));
    return b.build();
  }

  /**
   * early-stopping { checks = 40, patience = 0, min-improvement = 0 }; absent: none. Needs validation rows on every dataset and the grid
   * search ({@code b} holds the datasets read so far).
   */
  private EarlyStopping earlyStopping(ConfigObject study, Search search, Study.Builder b) {
    if (!present(study, "early-stopping")) {
      return null;
    }
    ConfigObject es = r.object(study, "early-stopping", "study.early-stopping");
    r.checkKeys(es, KEYS.get("study.early-stopping"), "study.early-stopping.");
    int checks = EarlyStopping.DEFAULT_CHECKS;
    if (present(es, "checks")) {
      checks = r.integer(es.get("checks"), "study.early-stopping.checks", 1);
    }
    int patience = present(es, "patience") ? r.integer(es.get("patience"), "study.early-stopping.patience", 0) : 0;
    double minImprovement = 0;
    if (present(es, "min-improvement")) {
      minImprovement = r.number(es.get("min-improvement"), "study.early-stopping.min-improvement");
      if (!(minImprovement >= 0 && minImprovement < 1)) {
        throw r.error(es.get("min-improvement"), "study.early-stopping.min-improvement",
            "out of range, found " + minImprovement, "a share in [0, 1) such as 0.01");
      }
    }
    if (search.halving()) {
      throw r.error(es, "study.early-stopping", "given with search.strategy = halving",
          "search.strategy = grid (early stopping is supported with the grid only), or no early-stopping");
    }
    for (DatasetSpec d : b.datasets()) {
      if (!d.validated()) {
        throw r.error(es, "study.early-stopping", "dataset " + d.name() + " has no validation rows",
            "a validation-fraction such as 0.2 on every dataset, or no early-stopping");
      }
    }
    return new EarlyStopping(checks, patience, minImprovement);
  }

  /** search { strategy = grid | halving, reduction = 3, min-epochs = ... }; absent: grid. */
  private Search search(ConfigObject study, List<Integer> epochs) {
    if (!present(study, "search")) {
      return Search.GRID;
    }
    ConfigObject search = r.object(study, "search", "study.search");
    r.checkKeys(search, KEYS.get("study.search"), "study.search.");
    List<String> strategies = List.of("grid", "halving");
    String strategy = present(search, "strategy") ? r.oneOf(search.get("strategy"), "study.search.strategy",
        "strategy", "grid or halving", strategies, s -> Optional.of(s).filter(strategies::contains)) : "grid";
    if (strategy.equals("grid")) {
      for (String key : List.of("reduction", "min-epochs", "race-by")) {
        if (present(search, key)) {
          throw r.error(search.get(key), "study.search." + key, key + " given but strategy is grid",
              "strategy = halving to use it, or no '" + key + "'");
        }
      }
      return Search.GRID;
    }
    int reduction = present(search, "reduction") ? r.integer(search.get("reduction"), "study.search.reduction", 2)
        : 3;
    int minEpochs = r.integer(r.required(search, "min-epochs", "study.search.min-epochs"), "study.search.min-epochs",
        1);
    ConfigValue epochsValue = study.get("epochs");
    if (epochs.size() != 1) {
      throw r.error(epochsValue, "study.epochs", "several values with strategy = halving, found "
          + render(epochsValue), "one budget such as [8100] (halving sets each rung's epochs itself)");
    }
    if (minEpochs > epochs.get(0)) {
      throw r.error(search.get("min-epochs"), "study.search.min-epochs", "above the budget, found " + minEpochs,
          "at most the study's epochs, " + epochs.get(0));
    }
    if (!present(search, "race-by")) {
      return Search.halving(reduction, minEpochs);
    }
    String expected = "a list of cell axes among " + String.join(", ", Search.RACE_AXES) + ", such as [dataset, hidden]";
    List<String> raceBy = r.distinct(r.nonEmpty(r.list(search, "race-by", "study.search.race-by", expected),
        "study.search.race-by", expected), "study.search.race-by", (v, at) -> {
          String axis = r.string(v, at, expected);
          if (!Search.RACE_AXES.contains(axis)) {
            throw r.error(v, at, "not an axis of the study's cells, found '" + axis + "'", expected);
          }
          return axis;
        });
    return Search.halving(reduction, minEpochs, raceBy);
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
    ConfigList list = r.nonEmpty(r.list(study, "datasets", "study.datasets", "a list of { name, path, outputs }"
        + " objects"), "study.datasets", "at least one dataset { name, path, outputs }");
    Map<String, String> seen = new LinkedHashMap<>();
    return r.each(list, "study.datasets", (value, key) -> dataset(value, key, seen));
  }

  /** One dataset; {@code seen}: the names so far and where they were given. */
  private DatasetSpec dataset(ConfigValue value, String key, Map<String, String> seen) {
    ConfigObject d = r.objectElement(value, key, "{ name = ..., path = ..., outputs = ... }");
    r.checkKeys(d, KEYS.get("study.datasets[]"), key + ".");
    String name = name(d, "name", key + ".name");
    if (seen.containsKey(name)) {
      throw r.error(d.get("name"), key + ".name", "duplicate dataset name, found '" + name + "'",
          "a name not already used by " + seen.get(name));
    }
    seen.put(name, key);
    String path = r.string(d, "path", key + ".path");
    int outputs = r.integer(r.required(d, "outputs", key + ".outputs"), key + ".outputs", 1);
    List<double[]> queries = !present(d, "queries") ? List.of() : r.each(r.list(d, "queries", key + ".queries",
        "a list of points such as [[1,1],[0,0]]"), key + ".queries", r::numbers);
    double testFraction = 0;
    if (present(d, "test-fraction")) {
      testFraction = r.number(d.get("test-fraction"), key + ".test-fraction");
      if (!(testFraction >= 0 && testFraction < 1)) {
        throw r.error(d.get("test-fraction"), key + ".test-fraction", "out of range, found " + testFraction,
            "a fraction >= 0 and < 1 such as 0.25");
      }
    }
    Scaling scale = !present(d, "scale") ? Scaling.NONE : r.oneOf(d.get("scale"), key + ".scale", "scaling",
        "none, minmax or standard", List.of("none", "minmax", "standard"), Scaling::fromConfigName);
    long splitSeed = present(d, "split-seed") ? r.longValue(d.get("split-seed"), key + ".split-seed", 0) : 0;
    int folds = 0;
    if (present(d, "folds")) {
      folds = r.integer(d.get("folds"), key + ".folds", 2);
      if (testFraction > 0) {
        throw r.error(d.get("folds"), key + ".folds", "folds given with test-fraction = " + testFraction,
            "either folds (k-fold cross-validation) or test-fraction (one held-out part), not both");
      }
    }
    double validationFraction = 0;
    if (present(d, "validation-fraction")) {
      validationFraction = r.number(d.get("validation-fraction"), key + ".validation-fraction");
      if (!(validationFraction > 0 && validationFraction < 1)) {
        throw r.error(d.get("validation-fraction"), key + ".validation-fraction", "out of range, found "
            + validationFraction, "a share of the training rows > 0 and < 1 such as 0.2");
      }
    }
    return new DatasetSpec(name, path, outputs, queries, testFraction, scale, splitSeed, folds, validationFraction);
  }

  private List<Model> models(ConfigObject study) {
    ConfigList list = r.nonEmpty(r.list(study, "models", "study.models", "a list such as [none, hidden]"),
        "study.models", "at least one of none, hidden");
    return r.distinct(list, "study.models", (v, key) -> r.oneOf(v, key, "model", "none or hidden",
        List.of("none", "hidden"), Model::fromConfigName));
  }

  private List<HiddenRule> rules(ConfigObject hidden) {
    ConfigList list = r.list(hidden, "rules", "study.hidden.rules", "a list of rule names");
    List<String> names = Arrays.stream(HiddenRule.values()).map(HiddenRule::configName).toList();
    return r.distinct(list, "study.hidden.rules", (v, key) -> {
      r.string(v, key, "a rule name");
      return r.oneOf(v, key, "rule", "one of " + HiddenRule.names(), names, HiddenRule::fromConfigName);
    });
  }

  private List<Double> learningRates(ConfigObject study) {
    ConfigValue value = r.required(study, "learning-rates", "study.learning-rates");
    if (value.valueType() == ConfigValueType.OBJECT) {
      ConfigObject axis = (ConfigObject) value;
      if (present(axis, "values")) {
        // listed values: no sampling keys
        r.checkKeys(axis, KEYS.get("study.learning-rates").stream().filter(k -> !Sampling.KEYS.contains(k))
            .toList(), "study.learning-rates.");
        return rateList(axis.get("values"), "study.learning-rates.values");
      }
      r.checkKeys(axis, KEYS.get("study.learning-rates"), "study.learning-rates.");
      return sampled(axis.withoutKey("per-row"), "study.learning-rates");
    }
    return rateList(value, "study.learning-rates");
  }

  /**
   * {@code learning-rates.per-row}: each rate is divided by the dataset's row count (a step on the mean error rather
   * than on the sum), so one axis of rates suits datasets of 100 and of 50,000 rows alike.
   */
  private boolean learningRatesPerRow(ConfigObject study) {
    ConfigValue value = study.get("learning-rates");
    if (value == null || value.valueType() != ConfigValueType.OBJECT || !present((ConfigObject) value, "per-row")) {
      return false;
    }
    return r.bool(((ConfigObject) value).get("per-row"), "study.learning-rates.per-row");
  }

  private List<Double> rateList(ConfigValue value, String at) {
    ConfigList list = r.nonEmpty(r.list(value, at,
        "a list of numbers such as [0.05] or { log-uniform = [0.01, 2.0], samples = 16 }"), at,
        "at least one learning rate such as [0.05]");
    return r.distinct(list, at, (v, key) -> {
      double rate = r.number(v, key);
      if (!LearningRate.valid(rate)) {
        throw r.error(v, key, "learning rate must be > 0 and finite, found " + rate,
            "a positive finite number such as 0.05");
      }
      return rate;
    });
  }

  /** A sampled axis: { uniform | log-uniform = [low, high], samples = n, seed = s (default 0) }. */
  private List<Double> sampled(ConfigObject axis, String at) {
    r.checkKeys(axis, Sampling.KEYS, at + ".");
    boolean uniform = present(axis, "uniform");
    boolean logUniform = present(axis, "log-uniform");
    if (uniform == logUniform) {
      throw r.error(axis, at, uniform ? "both uniform and log-uniform given" : "no distribution given",
          "one of uniform = [low, high] or log-uniform = [low, high]");
    }
    Sampling.Distribution distribution = uniform ? Sampling.Distribution.UNIFORM : Sampling.Distribution.LOG_UNIFORM;
    String key = distribution.configName();
    double[] bounds = r.numbers(axis.get(key), at + "." + key);
    if (bounds.length != 2) {
      throw r.error(axis.get(key), at + "." + key, "wrong number of bounds, found " + bounds.length,
          "[low, high] such as [0.01, 2.0]");
    }
    for (int i = 0; i < 2; i++) {
      if (!(bounds[i] > 0)) {
        ConfigValue bound = ((ConfigList) axis.get(key)).get(i);
        throw r.error(bound, at + "." + key + "[" + i + "]", (distribution == Sampling.Distribution.LOG_UNIFORM
            ? "log-uniform bound must be > 0" : "learning rate bound must be > 0") + ", found " + bounds[i],
            "a positive number such as 0.01");
      }
    }
    if (!(bounds[0] < bounds[1])) {
      throw r.error(axis.get(key), at + "." + key, "low bound not below high bound, found " + render(axis.get(key)),
          "[low, high] with low < high such as [0.01, 2.0]");
    }
    int samples = r.integer(r.required(axis, "samples", at + ".samples"), at + ".samples", 1);
    long seed = present(axis, "seed") ? r.longValue(axis.get("seed"), at + ".seed", 0) : 0;
    return Arrays.stream(Sampling.draw(distribution, bounds[0], bounds[1], samples, seed)).boxed().toList();
  }

  private Seeds seeds(ConfigObject study) {
    ConfigValue value = r.required(study, "seeds", "study.seeds");
    if (value.valueType() == ConfigValueType.OBJECT) {
      ConfigObject range = (ConfigObject) value;
      r.checkKeys(range, KEYS.get("study.seeds"), "study.seeds.");
      long from = r.longValue(r.required(range, "from", "study.seeds.from"), "study.seeds.from", 0);
      long count = r.longValue(r.required(range, "count", "study.seeds.count"), "study.seeds.count", 1);
      return Seeds.range(from, count);
    }
    if (value.valueType() != ConfigValueType.LIST) {
      throw r.error(value, "study.seeds", "not a list or range, found " + render(value),
          "a list such as [0, 1, 2] or { from = 0, count = 100 }");
    }
    ConfigList list = r.nonEmpty((ConfigList) value, "study.seeds", "at least one seed such as [0]");
    Set<Long> seen = new HashSet<>();
    return Seeds.of(r.each(list, "study.seeds", (v, key) -> {
      long seed = r.longValue(v, key, 0);
      if (!seen.add(seed)) {
        throw r.error(v, key, "duplicate seed, found " + seed, "distinct seeds");
      }
      return seed;
    }).stream().mapToLong(Long::longValue).toArray());
  }

  private List<InitSpec> inits(ConfigObject study, List<Model> models, List<Boolean> bias) {
    ConfigValue value = r.required(study, "init", "study.init");
    if (value.valueType() == ConfigValueType.OBJECT) {
      return List.of(init((ConfigObject) value, "study.init", models, bias));
    }
    if (value.valueType() != ConfigValueType.LIST) {
      throw r.error(value, "study.init", "wrong type, found " + ConfigReader.describe(value),
          "an object { scheme = ... } or a list of them");
    }
    ConfigList list = r.nonEmpty((ConfigList) value, "study.init", "at least one { scheme = ... }");
    return r.distinct(list, "study.init", (v, key) ->
        init(r.objectElement(v, key, "{ scheme = uniform } or similar"), key, models, bias));
  }

  private InitSpec init(ConfigObject init, String at, List<Model> models, List<Boolean> bias) {
    r.checkKeys(init, KEYS.get("study.init"), at + ".");
    String schemes = "uniform, symmetric, xavier or fixed";
    String scheme = r.string(r.required(init, "scheme", at + ".scheme"), at + ".scheme", schemes);
    if (!scheme.equals("symmetric") && present(init, "range")) {
      throw r.error(init.get("range"), at + ".range", "range given but scheme is " + scheme,
          "scheme = symmetric to use a range, or no 'range'");
    }
    switch (scheme) {
      case "symmetric", "xavier", "uniform" -> {
        for (String key : INIT_WEIGHT_KEYS) {
          if (present(init, key)) {
            throw r.error(init.get(key), at + "." + key, "weights given but scheme is " + scheme,
                "scheme = fixed to use explicit weights, or no '" + key + "'");
          }
        }
        return switch (scheme) {
          case "xavier" -> new InitSpec.Xavier();
          case "uniform" -> new InitSpec.Uniform();
          default -> new InitSpec.Symmetric(present(init, "range")
              ? r.positive(init.get("range"), at + ".range", "a positive number such as 1") : 1.0);
        };
      }
      case "fixed" -> {
        double[][] hidden = present(init, "hidden") ? r.matrix(init.get("hidden"), at + ".hidden") : null;
        if (models.contains(Model.HIDDEN) && hidden == null) {
          throw r.error(init, at + ".hidden", "missing", "an inputs x hidden matrix such as [[0.1,0.2],[0.3,0.4]]"
              + " (the study has a hidden model)");
        }
        double[][] output = r.matrix(r.required(init, "output", at + ".output"), at + ".output");
        double[] hiddenBias = present(init, "hidden-bias")
            ? r.numbers(init.get("hidden-bias"), at + ".hidden-bias") : null;
        double[] outputBias = present(init, "output-bias")
            ? r.numbers(init.get("output-bias"), at + ".output-bias") : null;
        if (bias.contains(true)) {
          if (outputBias == null) {
            throw r.error(init, at + ".output-bias", "missing", "a vector with one value per output (bias = true)");
          }
          if (models.contains(Model.HIDDEN) && hiddenBias == null) {
            throw r.error(init, at + ".hidden-bias", "missing",
                "a vector with one value per hidden unit (bias = true)");
          }
        }
        return new InitSpec.Fixed(hidden, output, hiddenBias, outputBias);
      }
      default -> throw r.error(init.get("scheme"), at + ".scheme", "unknown init scheme '" + scheme + "'",
          schemes + suggest(scheme, List.of("uniform", "symmetric", "xavier", "fixed")));
    }
  }

  /** A name usable as a folder or file name: letters, digits, '.', '_' or '-'. */
  private String name(ConfigObject obj, String key, String path) {
    String name = r.string(obj, key, path);
    if (!NAME.matcher(name).matches()) {
      throw r.error(obj.get(key), path, "not a usable name, found '" + name + "'",
          "letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    return name;
  }
}
