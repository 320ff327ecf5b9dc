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

  /** True for the model with a hidden layer. */
  public boolean hasHidden() {
    return model == Model.HIDDEN;
  }

  /** Trainable parameters: every weight, and the biases when on. */
  public int parameterCount() {
    return inputs * firstLayerWidth() + hidden * outputs + (bias ? hidden + outputs : 0);
  }

  /** Sigmoid units: hidden and output. */
  public int units() {
    return hidden + outputs;
  }

  /** Units fed by the inputs: the hidden layer's, or the outputs without one. */
  public int firstLayerWidth() {
    return hasHidden() ? hidden : outputs;
  }

  /** Rows of the output layer's weights (its fan-in): the hidden units, or the inputs without a hidden layer. */
  public int outputFanIn() {
    return hasHidden() ? hidden : inputs;
  }

  /**
   * Floating-point operations of the matrix products of one epoch on {@code rows} rows: the forward and the
   * gradient product of the first layer (2 x 2 rows inputs width), and with a hidden layer the output layer's
   * forward, back-propagation and gradient products (3 x 2 rows hidden outputs).
   */
  public double productFlops(int rows) {
    double first = 4.0 * rows * inputs * firstLayerWidth();
    return hasHidden() ? first + 6.0 * rows * hidden * outputs : first;
  }

  @Override
  public String toString() {
    return inputs + (hasHidden() ? "-" + hidden : "") + "-" + outputs + (bias ? " bias" : "");
  }
}
