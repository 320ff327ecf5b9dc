package nnsweep.grid;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nnsweep.nn.Init;
import nnsweep.nn.LearningRate;
import nnsweep.nn.Model;
import nnsweep.nn.Shape;
import nnsweep.nn.Weights;
import nnsweep.study.InitSpec;

/**
 * One network of a sweep: a point of the grid, with its stable id (its index in the grid's fixed axis order): its
 * {@link Shape} (model, inputs, hidden units, outputs, bias) and its {@link Setting} (learning rate, epochs, seed,
 * initial weights) on a dataset.
 *
 * @param rules the hidden-node rules that recommend this hidden size for this dataset (empty for none)
 * @param datasetIndex position of the dataset in the study
 * @param fold the cross-validation fold whose rows it is tested on (trained on the others), -1 without folds
 */
public record NetworkSpec(long id, String dataset, int datasetIndex, Shape shape, List<String> rules,
    Setting setting, int fold) implements Serializable {

  /** How a network is trained, besides its shape: learning rate, epochs, seed and initial weights. */
  public record Setting(double learningRate, int epochs, long seed, InitSpec init) implements Serializable {
    public Setting {
      LearningRate.require(learningRate);
      if (epochs < 1) {
        throw new IllegalArgumentException("epochs must be >= 1, found " + epochs);
      }
    }
  }

  /** A network given axis by axis ({@code hidden}: 0 for the {@code none} model). */
  public NetworkSpec(long id, String dataset, int datasetIndex, Model model, int hidden, List<String> rules,
      int inputs, int outputs, boolean bias, double learningRate, int epochs, long seed, InitSpec init, int fold) {
    this(id, dataset, datasetIndex, new Shape(model, inputs, hidden, outputs, bias), rules,
        new Setting(learningRate, epochs, seed, init), fold);
  }

  /** A network of a dataset without cross-validation folds. */
  public NetworkSpec(long id, String dataset, int datasetIndex, Model model, int hidden, List<String> rules,
      int inputs, int outputs, boolean bias, double learningRate, int epochs, long seed, InitSpec init) {
    this(id, dataset, datasetIndex, model, hidden, rules, inputs, outputs, bias, learningRate, epochs, seed, init,
        -1);
  }

  public NetworkSpec {
    if (id < 0) {
      throw new IllegalArgumentException("id must be >= 0, found " + id);
    }
    if (shape == null || setting == null) {
      throw new IllegalArgumentException("a network needs a shape and a setting, found " + shape + ", " + setting);
    }
    rules = List.copyOf(rules);
  }

  /** This network with another epoch count (everything else, id and initial weights included, unchanged). */
  public NetworkSpec withEpochs(int newEpochs) {
    return new NetworkSpec(id, dataset, datasetIndex, shape, rules,
        new Setting(setting.learningRate(), newEpochs, setting.seed(), setting.init()), fold);
  }

  public Model model() {
    return shape.model();
  }

  /** Hidden units, 0 for the {@code none} model. */
  public int hidden() {
    return shape.hidden();
  }

  public int inputs() {
    return shape.inputs();
  }

  public int outputs() {
    return shape.outputs();
  }

  public boolean bias() {
    return shape.bias();
  }

  public double learningRate() {
    return setting.learningRate();
  }

  public int epochs() {
    return setting.epochs();
  }

  public long seed() {
    return setting.seed();
  }

  public InitSpec init() {
    return setting.init();
  }

  /** Number of trainable parameters. */
  public int weights() {
    return shape.parameterCount();
  }

  /**
   * The seed the initial weights are drawn from. It depends on the study's {@code seed}, the dataset, the model, the
   * hidden size and bias, and on nothing else: never on partitioning, and not on learning rate or epochs, so networks
   * that differ only in those start from the same weights (common random numbers). Changing this function changes
   * every result, so it is fixed: SplitMix64 finalisers over the fields in this order.
   */
  public long initSeed() {
    long h = mix(seed() ^ 0x6E6E73776565704CL);
    for (byte b : dataset.getBytes(StandardCharsets.UTF_8)) {
      h = mix(h ^ (b & 0xFF));
    }
    h = mix(h ^ shape.model().ordinal());
    h = mix(h ^ shape.hidden());
    return mix(h ^ (shape.bias() ? 1 : 0));
  }

  /** The network's initial weights. Shapes of fixed weights are checked when the grid is expanded. */
  public Weights initialWeights() {
    InitSpec init = setting.init();
    if (init instanceof InitSpec.Fixed f) {
      double[][] hiddenW = shape.hasHidden() ? f.hidden() : new double[0][0];
      double[] hiddenB = shape.bias() && shape.hasHidden() ? f.hiddenBias() : new double[shape.hidden()];
      double[] outputB = shape.bias() ? f.outputBias() : new double[shape.outputs()];
      return new Weights(shape.model(), shape.bias(), hiddenW, hiddenB, f.output(), outputB);
    }
    if (init instanceof InitSpec.Symmetric s) {
      return Init.symmetric(shape, initSeed(), s.range());
    }
    if (init instanceof InitSpec.Xavier) {
      return Init.xavier(shape, initSeed());
    }
    return Init.uniform(shape, initSeed());
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
