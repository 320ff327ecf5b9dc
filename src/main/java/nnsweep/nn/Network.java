package nnsweep.nn;

import breeze.linalg.DenseMatrix;

/**
 * One network's parameters held in Breeze matrices, trained in place.
 *
 * <p>Shapes: {@code wHidden} inputs x hidden, {@code bHidden} 1 x hidden, {@code wOut} hidden x outputs (inputs x
 * outputs without a hidden layer), {@code bOut} 1 x outputs. Every matrix is contiguous column-major, so a kernel may
 * work on {@link Matrices#data} directly. A model without hidden layer has 0 x 0 / 1 x 0 hidden matrices.
 */
public final class Network {
  private final Model model;
  private final boolean bias;
  final DenseMatrix<Object> wHidden;
  final DenseMatrix<Object> bHidden;
  final DenseMatrix<Object> wOut;
  final DenseMatrix<Object> bOut;

  /** A network holding a copy of {@code weights}. */
  public Network(Weights weights) {
    this.model = weights.model();
    this.bias = weights.bias();
    this.wHidden = model == Model.NONE ? Matrices.zeros(0, 0) : Matrices.fromRows(weights.hidden());
    this.bHidden = Matrices.row(weights.hiddenBias());
    this.wOut = Matrices.fromRows(weights.output());
    this.bOut = Matrices.row(weights.outputBias());
  }

  public Model model() {
    return model;
  }

  public boolean bias() {
    return bias;
  }

  public int inputs() {
    return model == Model.NONE ? wOut.rows() : wHidden.rows();
  }

  public int hiddenUnits() {
    return model == Model.NONE ? 0 : wHidden.cols();
  }

  public int outputs() {
    return wOut.cols();
  }

  /** The network's shape. */
  public Shape shape() {
    return new Shape(model, inputs(), hiddenUnits(), outputs(), bias);
  }

  /** A snapshot of the current parameters. */
  public Weights weights() {
    double[][] hidden = model == Model.NONE ? new double[0][0] : Matrices.toRows(wHidden);
    return new Weights(model, bias, hidden, Matrices.data(bHidden).clone(), Matrices.toRows(wOut),
        Matrices.data(bOut).clone());
  }

  /**
   * The forward pass O = s(s(X Wh + 1 bh) Wo + 1 bo), or O = s(X W + 1 b) without hidden layer.
   *
   * @param x n x inputs
   * @return n x outputs
   */
  public DenseMatrix<Object> forward(DenseMatrix<Object> x) {
    DenseMatrix<Object> ones = Matrices.ones(x.rows(), 1);
    DenseMatrix<Object> layerInput = x;
    if (model == Model.HIDDEN) {
      DenseMatrix<Object> zHidden = withBias(Matrices.multiply(x, wHidden), ones, bHidden);
      layerInput = Matrices.map(zHidden, Sigmoid::s);
    }
    DenseMatrix<Object> zOut = withBias(Matrices.multiply(layerInput, wOut), ones, bOut);
    return Matrices.map(zOut, Sigmoid::s);
  }

  /** The outputs for one input point. */
  public double[] predict(double[] point) {
    return outputs(new double[][] {point})[0];
  }

  /**
   * The forward pass for a few points with plain loops over the backing arrays, in the same summation order as
   * {@link #forward}: what executors use for metrics and predictions (no BLAS set-up for 4 x 3 products).
   *
   * @param points one row per point, inputs values each
   * @return one row per point, outputs values each
   */
  public double[][] outputs(double[][] points) {
    int in = inputs();
    int h = hiddenUnits();
    int out = outputs();
    double[] wh = Matrices.data(wHidden);
    double[] bh = Matrices.data(bHidden);
    double[] wo = Matrices.data(wOut);
    double[] bo = Matrices.data(bOut);
    double[][] result = new double[points.length][out];
    double[] hidden = new double[h];
    for (int i = 0; i < points.length; i++) {
      double[] x = points[i];
      if (x.length != in) {
        throw new IllegalArgumentException("point must have " + in + " values, found " + x.length);
      }
      double[] layerInput = x;
      if (model == Model.HIDDEN) {
        for (int j = 0; j < h; j++) {
          double z = 0.0;
          for (int q = 0; q < in; q++) {
            z += x[q] * wh[q + j * in];
          }
          hidden[j] = Sigmoid.s(bias ? z + bh[j] : z);
        }
        layerInput = hidden;
      }
      int width = layerInput.length;
      for (int o = 0; o < out; o++) {
        double z = 0.0;
        for (int j = 0; j < width; j++) {
          z += layerInput[j] * wo[j + o * width];
        }
        result[i][o] = Sigmoid.s(bias ? z + bo[o] : z);
      }
    }
    return result;
  }

  /** z + 1 b when the network has bias; z itself otherwise (so no-bias arithmetic matches the tutorial's). */
  DenseMatrix<Object> withBias(DenseMatrix<Object> z, DenseMatrix<Object> ones, DenseMatrix<Object> b) {
    return bias ? Matrices.add(z, Matrices.multiply(ones, b)) : z;
  }
}
