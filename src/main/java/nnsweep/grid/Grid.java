package nnsweep.grid;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import nnsweep.errors.InputException;
import nnsweep.data.Dataset;
import nnsweep.nn.Kernel;
import nnsweep.nn.Model;
import nnsweep.nn.Shape;
import nnsweep.nn.Weights;
import nnsweep.study.HiddenRule;
import nnsweep.study.InitSpec;
import nnsweep.study.Study;

/**
 * The networks of a study, in a fixed axis order like Spark's {@code ParamGridBuilder}: dataset, fold (for a dataset
 * with cross-validation folds), model, hidden size, learning rate, epochs, bias, seed, init (the last axis varies
 * fastest).
 *
 * <p>The grid is held compactly: one "structure" per (dataset, model, hidden size), and the other axes as lists, so
 * its size on the driver grows with the number of axis values, not of networks. {@link #spec(long)} decodes any id,
 * which lets tasks receive id ranges and build their networks themselves.
 */
public final class Grid implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A (dataset, fold, model, hidden size) combination; every other axis is crossed with it. */
  record Structure(int datasetIndex, String dataset, Model model, int hidden, List<String> rules, int inputs,
      int outputs, int rows, int fold) implements Serializable {
    Shape shape(boolean bias) {
      return new Shape(model, inputs, hidden, outputs, bias);
    }
  }

  private final List<Structure> structures;
  private final double[] learningRates;
  // learning-rates.per-row: a network's rate is the axis value divided by its dataset's row count
  private final boolean ratesPerRow;
  private final int[] epochs;
  private final boolean[] bias;
  private final nnsweep.study.Seeds seeds;
  private final List<InitSpec> inits;
  private final int curvePoints;
  private final int curveSeeds;
  private final double stopError;
  private final nnsweep.study.EarlyStopping earlyStopping;
  private final long perStructure;
  // per (structure, bias value): the shape, its kernel, the cost of an epoch and the group size, computed once
  private final Shape[] shapes;
  private final Kernel[] kernels;
  private final double[] epochCosts;
  private final int[] groupSizes;

  private Grid(List<Structure> structures, double[] learningRates, boolean ratesPerRow, int[] epochs, boolean[] bias,
      nnsweep.study.Seeds seeds, List<InitSpec> inits, int curvePoints, int curveSeeds, double stopError,
      nnsweep.study.EarlyStopping earlyStopping) {
    this.structures = List.copyOf(structures);
    this.learningRates = learningRates;
    this.ratesPerRow = ratesPerRow;
    this.epochs = epochs;
    this.bias = bias;
    this.seeds = seeds;
    this.inits = List.copyOf(inits);
    this.curvePoints = curvePoints;
    this.curveSeeds = curveSeeds;
    this.stopError = stopError;
    this.earlyStopping = earlyStopping;
    this.perStructure = Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(
        (long) learningRates.length, epochs.length), bias.length), seeds.size()), inits.size());
    Math.multiplyExact(perStructure, (long) structures.size());
    int shapeCount = structures.size() * bias.length;
    this.shapes = new Shape[shapeCount];
    this.kernels = new Kernel[shapeCount];
    this.epochCosts = new double[shapeCount];
    this.groupSizes = new int[shapeCount];
    // shape runs per (structure, bias value): one, or one per learning rate and epochs when bias is an axis
    long runsPerShape = bias.length > 1 ? (long) learningRates.length * epochs.length : 1;
    long productRuns = 0;
    for (int i = 0; i < shapeCount; i++) {
      Structure structure = structures.get(i / bias.length);
      Shape shape = structure.shape(bias[i % bias.length]);
      shapes[i] = shape;
      kernels[i] = Kernel.of(shape, structure.rows());
      epochCosts[i] = kernels[i].costUnits(shape, structure.rows());
      groupSizes[i] = kernels[i].groupSize(shape);
      productRuns += kernels[i] == Kernel.GEMM ? runsPerShape : 0;
    }
    // matrix-product groups: small enough for at least MIN_GROUPS in all, split evenly among the runs
    long groupsPerRun = (MIN_GROUPS + Math.max(1, productRuns) - 1) / Math.max(1, productRuns);
    for (int i = 0; i < shapeCount; i++) {
      if (kernels[i] == Kernel.GEMM) {
        long evenShare = (shapeRun() + groupsPerRun - 1) / groupsPerRun;
        groupSizes[i] = (int) Math.max(1, Math.min(groupSizes[i], evenShare));
      }
    }
  }

  /** Index of network {@code id}'s (structure, bias value) in the per-shape arrays. */
  private int shapeIndex(long id) {
    long rest = id % perStructure / ((long) seeds.size() * inits.size());
    return (int) (id / perStructure) * bias.length + (int) (rest % bias.length);
  }

  /**
   * Expands a study over its datasets (already read, in study order). The hidden sizes of a dataset are the union of
   * the study's explicit sizes and the sizes its rules give for that dataset's inputs and outputs, ascending.
   *
   * @throws InputException when fixed initial weights do not fit a dataset or hidden size
   */
  public static Grid expand(Study study, List<Dataset> datasets) {
    return expand(study, datasets, datasets.stream().mapToInt(Dataset::rows).toArray());
  }

  /**
   * As {@link #expand(Study, List)}, with the rows each dataset's networks train on ({@code trainingRows[d]}), which
   * the hidden-size rules count as samples and {@code learning-rates.per-row} divides by: with outer folds the
   * datasets stand for their folds and hold every row, so the caller says how many a fold trains on.
   */
  public static Grid expand(Study study, List<Dataset> datasets, int[] trainingRows) {
    if (trainingRows.length != datasets.size()) {
      throw new IllegalArgumentException("expected " + datasets.size() + " row counts, found " + trainingRows.length);
    }
    if (datasets.size() != study.datasets().size()) {
      throw new IllegalArgumentException("expected " + study.datasets().size() + " datasets, found "
          + datasets.size());
    }
    List<Structure> structures = new ArrayList<>();
    for (int d = 0; d < datasets.size(); d++) {
      Dataset data = datasets.get(d);
      String name = study.datasets().get(d).name();
      int in = data.inputCount();
      int out = data.outputCount();
      int rows = trainingRows[d];
      int folds = study.datasets().get(d).folds();
      for (int fold = folds == 0 ? -1 : 0; fold < folds; fold++) {
        for (Model model : study.models()) {
          if (model == Model.NONE) {
            structures.add(new Structure(d, name, model, 0, List.of(), in, out, rows, fold));
            continue;
          }
          for (var entry : hiddenSizes(study, in, out, rows).entrySet()) {
            structures.add(new Structure(d, name, model, entry.getKey(), entry.getValue(), in, out, rows,
                fold));
          }
        }
      }
    }
    Grid grid = new Grid(structures,
        study.learningRates().stream().mapToDouble(Double::doubleValue).toArray(), study.learningRatesPerRow(),
        study.epochs().stream().mapToInt(Integer::intValue).toArray(),
        toArray(study.bias()), study.seeds(), study.inits(), study.curvePoints(),
        // halving continues every network's curve across rungs: all are recorded
        study.search().halving() ? Integer.MAX_VALUE : study.curveSeeds(), study.stopError(),
        study.earlyStopping());
    grid.checkFixedShapes(study.source());
    return grid;
  }

  /** Hidden size -> the rules recommending it (in the study's rule order), for one dataset. */
  static TreeMap<Integer, List<String>> hiddenSizes(Study study, int inputs, int outputs, int samples) {
    TreeMap<Integer, List<String>> sizes = new TreeMap<>();
    for (int h : study.hiddenSizes()) {
      sizes.computeIfAbsent(h, k -> new ArrayList<>());
    }
    for (HiddenRule rule : study.hiddenRules()) {
      // a range rule may be searched on a geometric grid of its range (hidden.range-sizes; 0: every size)
      for (int h : rule.searchSizes(new HiddenRule.Shape(inputs, outputs, samples, study.ruleAlpha()),
          study.rangeSizes())) {
        sizes.computeIfAbsent(h, k -> new ArrayList<>()).add(rule.configName());
      }
    }
    return sizes;
  }

  /** About how many log-spaced epochs each network records its error at (0: none). */
  public int curvePoints() {
    return curvePoints;
  }

  /**
   * About how many log-spaced epochs of network {@code spec}'s curve its result keeps: {@link #curvePoints()} for the
   * networks whose curves are written (the first {@code curve-seeds} seeds of each cell), 0 for the rest, so that a
   * million-network sweep does not ship and commit curves nobody reads (the curves chart draws among the kept ones).
   * Every network records its curve while it trains: its plateau label reads it.
   */
  public int curvePoints(NetworkSpec spec) {
    return seeds.amongFirst(spec.seed(), curveSeeds) ? curvePoints : 0;
  }

  /** Networks stop once E <= this ({@code Double.NEGATIVE_INFINITY}: never). */
  public double stopError() {
    return stopError;
  }

  /** Validation-based early stopping of every network, null when off. */
  public nnsweep.study.EarlyStopping earlyStopping() {
    return earlyStopping;
  }

  /** Number of networks. */
  public long size() {
    return perStructure * structures.size();
  }

  /** The network with this id. */
  public NetworkSpec spec(long id) {
    if (id < 0 || id >= size()) {
      throw new IndexOutOfBoundsException("network id " + id + " out of [0, " + size() + ")");
    }
    int structure = (int) (id / perStructure);
    Structure s = structures.get(structure);
    long rest = id % perStructure;
    int initIndex = (int) (rest % inits.size());
    rest /= inits.size();
    long seedIndex = rest % seeds.size();
    rest /= seeds.size();
    int biasIndex = (int) (rest % bias.length);
    rest /= bias.length;
    int epochIndex = (int) (rest % epochs.length);
    rest /= epochs.length;
    int rateIndex = (int) rest;
    return new NetworkSpec(id, s.dataset(), s.datasetIndex(), shapes[structure * bias.length + biasIndex], s.rules(),
        new NetworkSpec.Setting(learningRate(s, rateIndex), epochs[epochIndex], seeds.get(seedIndex),
            inits.get(initIndex)), s.fold());
  }

  /** The learning rate of the axis's {@code rateIndex}-th value on {@code s}'s dataset. */
  private double learningRate(Structure s, int rateIndex) {
    return ratesPerRow ? learningRates[rateIndex] / s.rows() : learningRates[rateIndex];
  }

  /**
   * One network of each shape the grid trains (each dataset, model, hidden size and bias value), at the first
   * learning rate, epoch count, seed and init: what a warm-up needs to exercise every path of the kernels.
   */
  public List<NetworkSpec> shapes() {
    List<NetworkSpec> firsts = new ArrayList<>(structures.size() * bias.length);
    long perBias = seeds.size() * inits.size();
    for (int s = 0; s < structures.size(); s++) {
      for (int b = 0; b < bias.length; b++) {
        firsts.add(spec(s * perStructure + b * perBias));
      }
    }
    return firsts;
  }

  /** All networks in id order (decoded lazily). */
  public Stream<NetworkSpec> specs() {
    return LongStream.range(0, size()).mapToObj(this::spec);
  }

  /**
   * Estimated training cost of a network, so tasks can be balanced by it rather than by network count: epochs x the
   * estimated time of one epoch with its kernel ({@link Kernel#seconds}), in the lockstep kernel's cost units
   * (rows x (parameters + 6.75 x sigmoid units) for a lockstep network).
   */
  public double cost(long id) {
    long rest = id % perStructure / ((long) seeds.size() * inits.size());
    int epochCount = epochs[(int) (rest / bias.length % epochs.length)];
    return epochCount * epochCost(id);
  }

  /** Estimated cost of one epoch of network {@code id}, in the units of {@link #cost}. */
  public double epochCost(long id) {
    return epochCosts[shapeIndex(id)];
  }

  /** The kernel that trains network {@code id}: chosen by its shape and its dataset's training rows. */
  public Kernel kernel(long id) {
    return kernels[shapeIndex(id)];
  }

  /**
   * The first id of the group that trains network {@code id}: groups are consecutive ids of one shape, cut from the
   * start of their shape run in steps of {@link #groupSize}, so a network's group depends on the grid alone (a
   * matrix-product group's numbers depend on its members; see {@link nnsweep.nn.GemmTrainer}).
   */
  public long groupStart(long id) {
    long run = shapeRun();
    long runStart = id / run * run;
    int g = groupSize(id);
    return runStart + (id - runStart) / g * g;
  }

  /** The end (exclusive) of the group of network {@code id} (see {@link #groupStart}). */
  public long groupEnd(long id) {
    return Math.min(shapeRunEnd(id), groupStart(id) + groupSize(id));
  }

  /**
   * Networks per group around {@code id}: the kernel's group size ({@link Kernel#groupSize}); for matrix products
   * also small enough that the grid's matrix-product runs make at least {@link #MIN_GROUPS} groups in all (split
   * evenly among the runs), so a small study of a large shape still gives several cores work. Grid-fixed: it depends
   * on the grid's axes, never on the cores.
   */
  public int groupSize(long id) {
    return groupSizes[shapeIndex(id)];
  }

  /** Fewest matrix-product groups a grid is cut into when it has enough networks. */
  public static final int MIN_GROUPS = 8;

  private long shapeRun() {
    return bias.length > 1 ? (long) seeds.size() * inits.size() : perStructure;
  }

  /**
   * The end (exclusive) of the run of consecutive ids around {@code id} whose networks share a shape (dataset, model,
   * hidden size and bias): only seed and init, and learning rate and epochs when bias is not an axis, vary in it.
   */
  public long shapeRunEnd(long id) {
    long run = shapeRun();
    return (id / run + 1) * run;
  }

  private void checkFixedShapes(String source) {
    for (int i = 0; i < inits.size(); i++) {
      if (!(inits.get(i) instanceof InitSpec.Fixed f)) {
        continue;
      }
      String at = inits.size() == 1 ? "study.init" : "study.init[" + i + "]";
      for (Structure s : structures) {
        Shape shape = s.shape(false);
        String what = "dataset " + s.dataset() + (shape.hasHidden() ? ", hidden size " + s.hidden()
            : ", model none");
        if (shape.hasHidden()) {
          expectShape(source, at + ".hidden", f.hidden(), s.inputs(), s.hidden(), what + " (inputs x hidden)");
          if (f.hiddenBias() != null && contains(bias, true)) {
            expectShape(source, at + ".hidden-bias", new double[][] {f.hiddenBias()}, 1, s.hidden(),
                what + " (one value per hidden unit)");
          }
        }
        expectShape(source, at + ".output", f.output(), shape.outputFanIn(), s.outputs(),
            what + (shape.hasHidden() ? " (hidden x outputs)" : " (inputs x outputs)"));
        if (f.outputBias() != null && contains(bias, true)) {
          expectShape(source, at + ".output-bias", new double[][] {f.outputBias()}, 1, s.outputs(),
              what + " (one value per output)");
        }
      }
    }
  }

  private static void expectShape(String source, String key, double[][] m, int rows, int cols, String why) {
    int foundCols = m.length == 0 ? 0 : m[0].length;
    if (m.length != rows || foundCols != cols) {
      String found = key.endsWith("-bias") ? foundCols + " values" : Weights.shape(m);
      String expected = key.endsWith("-bias") ? cols + " values" : rows + " x " + cols;
      throw new InputException(source + ": " + key + ": wrong shape, found " + found + ", expected " + expected
          + " for " + why);
    }
  }

  private static boolean contains(boolean[] values, boolean v) {
    for (boolean b : values) {
      if (b == v) {
        return true;
      }
    }
    return false;
  }

  private static boolean[] toArray(List<Boolean> values) {
    boolean[] out = new boolean[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  @Override
  public String toString() {
    return "Grid[" + size() + " networks: " + structures.size() + " structures x " + learningRates.length
        + " rates " + Arrays.toString(learningRates) + " x " + epochs.length + " epochs x " + bias.length
        + " bias x " + seeds.size() + " seeds x " + inits.size() + " inits]";
  }
}
