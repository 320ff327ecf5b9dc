package nnsweep.study;

import java.io.Serializable;
import java.util.List;
import nnsweep.nn.Model;

/**
 * A validated study: the axes a sweep expands, in the grid's fixed order (dataset, model, hidden, learning rate,
 * epochs, bias, seed, init).
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
    Tables tables)
    implements Serializable {

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

  /** Whether a sweep of {@code networks} networks writes its per-network tables as Parquet. */
  public boolean parquet(long networks) {
    return tables == Tables.PARQUET || (tables == Tables.AUTO && networks >= PARQUET_FROM);
  }

  /** The default of {@code curve-seeds}: the curves of 10 seeds per cell. */
  public static final int DEFAULT_CURVE_SEEDS = 10;

  /** A grid study with the default {@link #curveSeeds} and {@link #tables}. */
  public Study(String name, String source, List<DatasetSpec> datasets, List<Model> models, List<Integer> hiddenSizes,
      List<HiddenRule> hiddenRules, List<Double> learningRates, List<Integer> epochs, List<Boolean> bias, Seeds seeds,
      List<InitSpec> inits, int partitions, int curvePoints, double ruleAlpha, double stopError, String canonical) {
    this(name, source, datasets, models, hiddenSizes, hiddenRules, learningRates, epochs, bias, seeds, inits,
        partitions, curvePoints, ruleAlpha, stopError, canonical, Search.GRID);
  }

  /** A study searched by {@code search}, with the default {@link #curveSeeds} and {@link #tables}. */
  public Study(String name, String source, List<DatasetSpec> datasets, List<Model> models, List<Integer> hiddenSizes,
      List<HiddenRule> hiddenRules, List<Double> learningRates, List<Integer> epochs, List<Boolean> bias, Seeds seeds,
      List<InitSpec> inits, int partitions, int curvePoints, double ruleAlpha, double stopError, String canonical,
      Search search) {
    this(name, source, datasets, models, hiddenSizes, hiddenRules, learningRates, epochs, bias, seeds, inits,
        partitions, curvePoints, ruleAlpha, stopError, canonical, search, DEFAULT_CURVE_SEEDS, Tables.AUTO);
  }

  /** Whether curves.csv holds the curve of the network with {@code seed}. */
  public boolean curveWritten(long seed) {
    return seeds.amongFirst(seed, curveSeeds);
  }

  public Study {
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
    for (double rate : learningRates) {
      if (!(rate > 0) || !Double.isFinite(rate)) {
        throw new IllegalArgumentException("learning-rate must be > 0 and finite, found " + rate);
      }
    }
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
  }

  /** The first init scheme (the only one in most studies). */
  public InitSpec init() {
    return inits.get(0);
  }

  private static void requireNonEmpty(List<?> list, String key) {
    if (list == null || list.isEmpty()) {
      throw new IllegalArgumentException(key + " must not be empty");
    }
  }
}
