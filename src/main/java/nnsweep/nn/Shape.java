package nnsweep.nn;

import java.io.Serializable;

/**
 * A network's shape: model, inputs, hidden units (0 without a hidden layer), outputs and bias. Networks of one shape
 * on one dataset can be trained together (a lockstep or matrix-product group).
 */
public record Shape(Model model, int inputs, int hidden, int outputs, boolean bias) implements Serializable {

  public Shape {
    if (model == null) {
      throw new IllegalArgumentException("model must not be null");
    }
    if (inputs < 1 || outputs < 1) {
      throw new IllegalArgumentException("inputs and outputs must be >= 1, found " + inputs + " and " + outputs);
    }
    if (model == Model.NONE ? hidden != 0 : hidden < 1) {
      throw new IllegalArgumentException("hidden units must be " + (model == Model.NONE ? "0" : ">= 1")
          + " for model " + model.configName() + ", found " + hidden);
    }
  }

  /** The shape of {@code network}. */
  public static Shape of(Network network) {
    return new Shape(network.model(), network.inputs(), network.hiddenUnits(), network.outputs(), network.bias());
  }

  /** Trainable parameters. */
  public int parameters() {
    return Weights.parameterCount(model, inputs, hidden, outputs, bias);
  }

  /** Sigmoid units: hidden and output. */
  public int units() {
    return hidden + outputs;
  }

  /** Units fed by the inputs: the hidden layer's, or the outputs without one. */
  public int firstLayerWidth() {
    return model == Model.HIDDEN ? hidden : outputs;
  }

  /**
   * Floating-point operations of the matrix products of one epoch on {@code rows} rows: the forward and the
   * gradient product of the first layer (2 x 2 rows inputs width), and with a hidden layer the output layer's
   * forward, back-propagation and gradient products (3 x 2 rows hidden outputs).
   */
  public double productFlops(int rows) {
    double first = 4.0 * rows * inputs * firstLayerWidth();
    return model == Model.HIDDEN ? first + 6.0 * rows * hidden * outputs : first;
  }

  @Override
  public String toString() {
    return model == Model.NONE ? inputs + "-" + outputs + (bias ? " bias" : "")
        : inputs + "-" + hidden + "-" + outputs + (bias ? " bias" : "");
  }
}
