package nnsweep.grid;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import nnsweep.InputException;
import nnsweep.data.Dataset;
import nnsweep.nn.Model;
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
      int outputs, int rows, int fold) implements Serializable {}

  private final List<Structure> structures;
  private final double[] learningRates;
  private final int[] epochs;
  private final boolean[] bias;
  private final nnsweep.study.Seeds seeds;
  private final List<InitSpec> inits;
  private final int curvePoints;
  private final double stopError;
  private final long perStructure;

  private Grid(List<Structure> structures, double[] learningRates, int[] epochs, boolean[] bias,
      nnsweep.study.Seeds seeds, List<InitSpec> inits, int curvePoints, double stopError) {
    this.structures = List.copyOf(structures);
    this.learningRates = learningRates;
    this.epochs = epochs;
    this.bias = bias;
    this.seeds = seeds;
    this.inits = List.copyOf(inits);
    this.curvePoints = curvePoints;
    this.stopError = stopError;
    this.perStructure = Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(
        (long) learningRates.length, epochs.length), bias.length), seeds.size()), inits.size());
    Math.multiplyExact(perStructure, (long) structures.size());
  }

  /**
   * Expands a study over its datasets (already read, in study order). The hidden sizes of a dataset are the union of
   * the study's explicit sizes and the sizes its rules give for that dataset's inputs and outputs, ascending.
   *
   * @throws InputException when fixed initial weights do not fit a dataset or hidden size
   */
  public static Grid expand(Study study, List<Dataset> datasets) {
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
      int folds = study.datasets().get(d).folds();
      for (int fold = folds == 0 ? -1 : 0; fold < folds; fold++) {
        for (Model model : study.models()) {
          if (model == Model.NONE) {
            structures.add(new Structure(d, name, model, 0, List.of(), in, out, data.rows(), fold));
            continue;
          }
          for (var entry : hiddenSizes(study, in, out, data.rows()).entrySet()) {
            structures.add(new Structure(d, name, model, entry.getKey(), entry.getValue(), in, out, data.rows(),
                fold));
          }
        }
      }
    }
    Grid grid = new Grid(structures,
        study.learningRates().stream().mapToDouble(Double::doubleValue).toArray(),
        study.epochs().stream().mapToInt(Integer::intValue).toArray(),
        toArray(study.bias()), study.seeds(), study.inits(), study.curvePoints(), study.stopError());
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
      for (int h : rule.sizes(new HiddenRule.Shape(inputs, outputs, samples, study.ruleAlpha()))) {
        sizes.computeIfAbsent(h, k -> new ArrayList<>()).add(rule.configName());
      }
    }
    return sizes;
  }

  /** About how many log-spaced epochs each network records its error at (0: none). */
  public int curvePoints() {
    return curvePoints;
  }

  /** Networks stop once E <= this ({@code Double.NEGATIVE_INFINITY}: never). */
  public double stopError() {
    return stopError;
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
    Structure s = structures.get((int) (id / perStructure));
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
    return new NetworkSpec(id, s.dataset(), s.datasetIndex(), s.model(), s.hidden(), s.rules(), s.inputs(),
        s.outputs(), bias[biasIndex], learningRates[rateIndex], epochs[epochIndex], seeds.get(seedIndex),
        inits.get(initIndex), s.fold());
  }

  /**
   * One network of each shape the grid trains (each dataset, model, hidden size and bias value), at the first
   * learning rate, epoch count, seed and init: what a warm-up needs to exercise every path of the kernels.
   */
  public List<NetworkSpec> shapes() {
    List<NetworkSpec> shapes = new ArrayList<>(structures.size() * bias.length);
    long perBias = seeds.size() * inits.size();
    for (int s = 0; s < structures.size(); s++) {
      for (int b = 0; b < bias.length; b++) {
        shapes.add(spec(s * perStructure + b * perBias));
      }
    }
    return shapes;
  }

  /** All networks in id order (decoded lazily). */
  public Stream<NetworkSpec> specs() {
    return LongStream.range(0, size()).mapToObj(this::spec);
  }

  /**
   * Estimated training cost of a network, so tasks can be balanced by it rather than by network count: epochs x rows
   * x (parameters + 12 x sigmoid units). A sigmoid (one {@code Math.exp}) costs about as much as 12 parameters' worth
   * of multiply-adds in the lockstep kernel: fitted to its measured time per network-epoch on 36 shapes (xor,
   * full-adder, parity-5; no hidden layer and 1 to 16 hidden units; bias off and on), within 15% on each.
   */
  public double cost(long id) {
    Structure s = structures.get((int) (id / perStructure));
    long rest = id % perStructure / ((long) seeds.size() * inits.size());
    boolean withBias = bias[(int) (rest % bias.length)];
    int epochCount = epochs[(int) (rest / bias.length % epochs.length)];
    int parameters = Weights.parameterCount(s.model(), s.inputs(), s.hidden(), s.outputs(), withBias);
    return (double) epochCount * s.rows() * (parameters + 12.0 * (s.hidden() + s.outputs()));
  }

  /**
   * The end (exclusive) of the run of consecutive ids around {@code id} whose networks share a shape (dataset, model,
   * hidden size and bias): only seed and init, and learning rate and epochs when bias is not an axis, vary in it.
   */
  public long shapeRunEnd(long id) {
    long run = bias.length > 1 ? (long) seeds.size() * inits.size() : perStructure;
    return (id / run + 1) * run;
  }

  private void checkFixedShapes(String source) {
    for (int i = 0; i < inits.size(); i++) {
      if (!(inits.get(i) instanceof InitSpec.Fixed f)) {
        continue;
      }
      String at = inits.size() == 1 ? "study.init" : "study.init[" + i + "]";
      for (Structure s : structures) {
        int rowsOut = s.model() == Model.NONE ? s.inputs() : s.hidden();
        String what = "dataset " + s.dataset() + (s.model() == Model.NONE ? ", model none"
            : ", hidden size " + s.hidden());
        if (s.model() == Model.HIDDEN) {
          expectShape(source, at + ".hidden", f.hidden(), s.inputs(), s.hidden(), what + " (inputs x hidden)");
          if (f.hiddenBias() != null && contains(bias, true)) {
            expectShape(source, at + ".hidden-bias", new double[][] {f.hiddenBias()}, 1, s.hidden(),
                what + " (one value per hidden unit)");
          }
        }
        expectShape(source, at + ".output", f.output(), rowsOut, s.outputs(),
            what + (s.model() == Model.NONE ? " (inputs x outputs)" : " (hidden x outputs)"));
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
