package nnsweep.study;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnsweep.nn.LearningRate;
import nnsweep.nn.Model;

/**
 * A validated study: the axes a sweep expands, in the grid's fixed order (dataset, model, hidden, learning rate,
 * epochs, bias, seed, init). Built by {@link #builder()}, whose defaults are the study file's.
 *
 * @param name names the default output folder {@code out/<name>}
 * @param source the study file it came from, for messages
 * @param hiddenSizes explicit hidden sizes (the grid adds the rules' sizes per dataset)
 * @param partitions number of Spark partitions, 0 for automatic
 * @param inits the init axis (one or more schemes)
 * @param curvePoints about how many log-spaced epochs each network records its error at (0: no curves)
 * @param ruleAlpha alpha of the samples-over-weights rule
 * @param stopError a network stops once E <= stopError ({@code Double.NEGATIVE_INFINITY}: never)
 * @param canonical the resolved study (file, defaults and overrides) rendered as JSON, for provenance and hashing
 * @param search how the cells are searched (grid or successive halving)
 * @param curveSeeds curves.csv holds the curves of the networks with the first this-many seeds of each cell
 *     ({@link Integer#MAX_VALUE}: every network's)
 * @param tables how the per-network tables are written
 * @param keepModels which trained networks {@code models/} keeps (weights as JSON and ONNX)
 * @param learningRatesPerRow each learning rate is divided by the dataset's row count ({@code learning-rates.per-row})
 * @param rangeSizes {@code hidden.range-sizes}: a range rule's range is searched on this many sizes of a geometric
 *     grid ({@code Verdict.searchSizes}); 0 = every size of the range
 * @param earlyStopping validation-based early stopping, null when off (docs/validation.md)
 */
public record Study(
    String name,
    String source,
    List<DatasetSpec> datasets,
    List<Model> models,
    List<Integer> hiddenSizes,
    List<HiddenRule> hiddenRules,
    List<Double> learningRates,
    List<Integer> epochs,
    List<Boolean> bias,
    Seeds seeds,
    List<InitSpec> inits,
    int partitions,
    int curvePoints,
    double ruleAlpha,
    double stopError,
    String canonical,
    Search search,
    int curveSeeds,
    Tables tables,
    KeepModels keepModels,
    boolean learningRatesPerRow,
    int rangeSizes,
    EarlyStopping earlyStopping)
    implements Serializable {

  /** Whether networks are early-stopped on their validation rows (results then carry {@code best_epoch}). */
  public boolean earlyStopped() {
    return earlyStopping != null;
  }

  /** Which networks the run saves in {@code models/} (study key {@code keep-models}, docs/models.md). */
  public enum KeepModels {
    /** Per dataset, the best network of the best cell. */
    BEST,
    /** The best network of every cell (every summary row). */
    CELLS,
    /** No models. */
    NONE;

    /** The value named {@code name} ({@code best}, {@code cells}, {@code none}), or null. */
    public static KeepModels of(String name) {
      for (KeepModels k : values()) {
        if (k.configName().equals(name)) {
          return k;
        }
      }
      return null;
    }

    /** The name in study files. */
    public String configName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** With {@link Tables#AUTO}, sweeps of this many networks or more get Parquet tables. */
  public static final long PARQUET_FROM = 100_000;

  /** How the per-network tables (results, predictions, curves) are written. */
  public enum Tables {
    /** CSV files below {@link #PARQUET_FROM} networks, Parquet datasets from there on (on a cluster master). */
    AUTO,
    /** Single CSV files, written by the driver. */
    CSV,
    /** Parquet datasets (folders of part files), written by the tasks. */
    PARQUET;

    /** The format named {@code name} ({@code auto}, {@code csv}, {@code parquet}), or null. */
    public static Tables of(String name) {
      for (Tables t : values()) {
        if (t.name().toLowerCase(java.util.Locale.ROOT).equals(name)) {
          return t;
        }
      }
      return null;
    }
  }

  /** Whether some dataset has a validation split (the tables then carry validation columns). */
  public boolean validated() {
    return datasets.stream().anyMatch(DatasetSpec::validated);
  }

  /** Whether a sweep of {@code networks} networks writes its per-network tables as Parquet. */
  public boolean parquet(long networks) {
    return tables == Tables.PARQUET || (tables == Tables.AUTO && networks >= PARQUET_FROM);
  }

  /** The default of {@code curve-seeds}: the curves of 10 seeds per cell. */
  public static final int DEFAULT_CURVE_SEEDS = 10;

  /** Whether curves.csv holds the curve of the network with {@code seed}. */
  public boolean curveWritten(long seed) {
    return seeds.amongFirst(seed, curveSeeds);
  }

  public Study {
    java.util.Objects.requireNonNull(name, "name");
    java.util.Objects.requireNonNull(source, "source");
    java.util.Objects.requireNonNull(keepModels, "keep-models");
    requireNonEmpty(datasets, "datasets");
    requireNonEmpty(models, "models");
    requireNonEmpty(learningRates, "learning-rates");
    requireNonEmpty(epochs, "epochs");
    requireNonEmpty(bias, "bias");
    requireNonEmpty(inits, "init");
    inits = List.copyOf(inits);
    if (!(ruleAlpha > 0) || !Double.isFinite(ruleAlpha)) {
      throw new IllegalArgumentException("hidden.alpha must be > 0 and finite, found " + ruleAlpha);
    }
    if (Double.isNaN(stopError)) {
      throw new IllegalArgumentException("stop-error must be a number, found NaN");
    }
    datasets = List.copyOf(datasets);
    models = List.copyOf(models);
    hiddenSizes = List.copyOf(hiddenSizes);
    hiddenRules = List.copyOf(hiddenRules);
    learningRates = List.copyOf(learningRates);
    epochs = List.copyOf(epochs);
    bias = List.copyOf(bias);
    learningRates.forEach(LearningRate::require);
    for (int e : epochs) {
      if (e < 1) {
        throw new IllegalArgumentException("epochs must be >= 1, found " + e);
      }
    }
    for (int h : hiddenSizes) {
      if (h < 1) {
        throw new IllegalArgumentException("hidden size must be >= 1, found " + h);
      }
    }
    if (models.contains(Model.HIDDEN) && hiddenSizes.isEmpty() && hiddenRules.isEmpty()) {
      throw new IllegalArgumentException("a hidden model needs hidden.sizes or hidden.rules, found neither");
    }
    if (rangeSizes != 0 && rangeSizes < HiddenRule.MIN_GRID_SIZES) {
      throw new IllegalArgumentException("hidden.range-sizes must be >= " + HiddenRule.MIN_GRID_SIZES + ", found "
          + rangeSizes);
    }
    if (curvePoints < 0) {
      throw new IllegalArgumentException("curve-points must be >= 0, found " + curvePoints);
    }
    if (partitions < 0) {
      throw new IllegalArgumentException("partitions must be >= 0, found " + partitions);
    }
    if (search == null) {
      search = Search.GRID;
    }
    if (search.halving() && (epochs.size() != 1 || search.minEpochs() > epochs.get(0))) {
      throw new IllegalArgumentException("halving needs one epochs value >= min-epochs, found " + epochs);
    }
    if (earlyStopping != null) {
      if (search.halving()) {
        throw new IllegalArgumentException("early-stopping is supported with search.strategy = grid only");
      }
      for (DatasetSpec d : datasets) {
        if (!d.validated()) {
          throw new IllegalArgumentException("early-stopping needs validation rows, dataset " + d.name()
              + " has no validation-fraction");
        }
      }
    }
  }

  /** The first init scheme (the only one in most studies). */
  public InitSpec init() {
    return inits.get(0);
  }

  /** A builder with the study file's defaults ({@link Builder#defaults()}); name, source and datasets to set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this study's values, to build a variant of it. */
  public Builder toBuilder() {
    return new Builder().name(name).source(source).datasets(datasets).models(models).hiddenSizes(hiddenSizes)
        .hiddenRules(hiddenRules).learningRates(learningRates).epochs(epochs).bias(bias).seeds(seeds).inits(inits)
        .partitions(partitions).curvePoints(curvePoints).ruleAlpha(ruleAlpha).stopError(stopError)
        .canonical(canonical).search(search).curveSeeds(curveSeeds).tables(tables)
        .keepModels(keepModels).learningRatesPerRow(learningRatesPerRow).rangeSizes(rangeSizes)
        .earlyStopping(earlyStopping);
  }

  /**
   * Builds a {@link Study} by named axes and settings; {@link #build()} validates it as the record does. Unset
   * values are the study file's defaults, declared here once by the field initialisers ({@link #defaults()}), with
   * the rules' default alpha, a grid search and canonical "{}".
   */
  public static final class Builder {
    private String name;
    private String source;
    private List<DatasetSpec> datasets = List.of();
    private List<Model> models = List.of(Model.HIDDEN);
    private List<Integer> hiddenSizes = List.of();
    private List<HiddenRule> hiddenRules = List.of();
    private List<Double> learningRates = List.of(0.05);
    private boolean learningRatesPerRow;
    private List<Integer> epochs = List.of(10_000);
    private List<Boolean> bias = List.of(false);
    private Seeds seeds = Seeds.of(0);
    private List<InitSpec> inits = List.of(new InitSpec.Uniform());
    private int partitions;
    private int curvePoints = 50;
    private double ruleAlpha = HiddenRule.DEFAULT_ALPHA;
    private double stopError = Double.NEGATIVE_INFINITY;
    private String canonical = "{}";
    private Search search = Search.GRID;
    private int curveSeeds = DEFAULT_CURVE_SEEDS;
    private Tables tables = Tables.AUTO;
    private KeepModels keepModels = KeepModels.BEST;
    private int rangeSizes;
    private EarlyStopping earlyStopping;

    private Builder() {}

    public Builder rangeSizes(int rangeSizes) {
      this.rangeSizes = rangeSizes;
      return this;
    }

    /**
     * The study file's optional keys with a default, each as the HOCON a study file would give, rendered from a new
     * builder's values: the field initialisers above are the one declaration of each default, and {@code StudyLoader}
     * merges these under every study file (so a default is part of the study's hash as if written).
     */
    static Map<String, String> defaults() {
      Builder b = new Builder();
      Map<String, String> keys = new LinkedHashMap<>();
      keys.put("models", list(b.models.stream().map(Model::configName)));
      keys.put("hidden.sizes", list(b.hiddenSizes.stream()));
      keys.put("hidden.rules", list(b.hiddenRules.stream().map(HiddenRule::configName)));
      keys.put("learning-rates", list(b.learningRates.stream()));
      keys.put("epochs", list(b.epochs.stream()));
      keys.put("bias", list(b.bias.stream()));
      keys.put("seeds", b.seeds.toString());
      keys.put("init", "{ scheme = " + b.inits.get(0).scheme() + " }");
      keys.put("partitions", Integer.toString(b.partitions));
      keys.put("curve-points", Integer.toString(b.curvePoints));
      keys.put("stop-error", b.stopError == Double.NEGATIVE_INFINITY ? "null" : Double.toString(b.stopError));
      keys.put("curve-seeds", b.curveSeeds == Integer.MAX_VALUE ? "all" : Integer.toString(b.curveSeeds));
      keys.put("tables", b.tables.name().toLowerCase(java.util.Locale.ROOT));
      keys.put("keep-models", b.keepModels.configName());
      return keys;
    }

    private static String list(java.util.stream.Stream<?> values) {
      return values.map(String::valueOf).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder source(String source) {
      this.source = source;
      return this;
    }

    public Builder datasets(List<DatasetSpec> datasets) {
      this.datasets = datasets;
      return this;
    }

    public Builder datasets(DatasetSpec... datasets) {
      return datasets(List.of(datasets));
    }

    public Builder models(List<Model> models) {
      this.models = models;
      return this;
    }

    public Builder models(Model... models) {
      return models(List.of(models));
    }

    public Builder hiddenSizes(List<Integer> hiddenSizes) {
      this.hiddenSizes = hiddenSizes;
      return this;
    }

    public Builder hiddenSizes(int... hiddenSizes) {
      return hiddenSizes(java.util.Arrays.stream(hiddenSizes).boxed().toList());
    }

    public Builder hiddenRules(List<HiddenRule> hiddenRules) {
      this.hiddenRules = hiddenRules;
      return this;
    }

    public Builder hiddenRules(HiddenRule... hiddenRules) {
      return hiddenRules(List.of(hiddenRules));
    }

    /** Divide each learning rate by the dataset's row count ({@code learning-rates.per-row}). */
    public Builder learningRatesPerRow(boolean perRow) {
      this.learningRatesPerRow = perRow;
      return this;
    }

    public Builder learningRates(List<Double> learningRates) {
      this.learningRates = learningRates;
      return this;
    }

    public Builder learningRates(double... learningRates) {
      return learningRates(java.util.Arrays.stream(learningRates).boxed().toList());
    }

    public Builder epochs(List<Integer> epochs) {
      this.epochs = epochs;
      return this;
    }

    public Builder epochs(int... epochs) {
      return epochs(java.util.Arrays.stream(epochs).boxed().toList());
    }

    public Builder bias(List<Boolean> bias) {
      this.bias = bias;
      return this;
    }

    public Builder bias(boolean... bias) {
      List<Boolean> values = new java.util.ArrayList<>();
      for (boolean b : bias) {
        values.add(b);
      }
      return bias(values);
    }

    public Builder seeds(Seeds seeds) {
      this.seeds = seeds;
      return this;
    }

    public Builder inits(List<InitSpec> inits) {
      this.inits = inits;
      return this;
    }

    public Builder inits(InitSpec... inits) {
      return inits(List.of(inits));
    }

    public Builder partitions(int partitions) {
      this.partitions = partitions;
      return this;
    }

    public Builder curvePoints(int curvePoints) {
      this.curvePoints = curvePoints;
      return this;
    }

    public Builder ruleAlpha(double ruleAlpha) {
      this.ruleAlpha = ruleAlpha;
      return this;
    }

    public Builder stopError(double stopError) {
      this.stopError = stopError;
      return this;
    }

    public Builder canonical(String canonical) {
      this.canonical = canonical;
      return this;
    }

    public Builder search(Search search) {
      this.search = search;
      return this;
    }

    public Builder curveSeeds(int curveSeeds) {
      this.curveSeeds = curveSeeds;
      return this;
    }

    public Builder tables(Tables tables) {
      this.tables = tables;
      return this;
    }

    public Builder keepModels(KeepModels keepModels) {
      this.keepModels = keepModels;
      return this;
    }

    /** The datasets set so far. */
    List<DatasetSpec> datasets() {
      return datasets;
    }

    /** Validation-based early stopping; null (the default) for none. */
    public Builder earlyStopping(EarlyStopping earlyStopping) {
      this.earlyStopping = earlyStopping;
      return this;
    }

    /** The study; {@link IllegalArgumentException} as the record's constructor throws it. */
    public Study build() {
      return new Study(name, source, datasets, models, hiddenSizes, hiddenRules, learningRates, epochs, bias, seeds,
          inits, partitions, curvePoints, ruleAlpha, stopError, canonical, search, curveSeeds, tables,
          keepModels, learningRatesPerRow, rangeSizes, earlyStopping);
    }
  }

  private static void requireNonEmpty(List<?> list, String key) {
    if (list == null || list.isEmpty()) {
      throw new IllegalArgumentException(key + " must not be empty");
    }
  }
}
