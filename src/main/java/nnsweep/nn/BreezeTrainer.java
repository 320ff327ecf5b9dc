package nnsweep.nn;

import static nnsweep.nn.Matrices.hadamard;
import static nnsweep.nn.Matrices.map;
import static nnsweep.nn.Matrices.multiply;
import static nnsweep.nn.Matrices.scale;
import static nnsweep.nn.Matrices.subtract;
import static nnsweep.nn.Matrices.subtractInPlace;
import static nnsweep.nn.Matrices.transpose;

import breeze.linalg.DenseMatrix;

/**
 * The readable trainer: Breeze matrix operations, one line per equation of backpropagation.
 *
 * <p>With n samples, i inputs, h hidden units and o outputs (shapes on the right):
 *
 * <pre>
 *   zHidden     = X Wh + 1 bh                       n x h
 *   hidden      = s(zHidden)                        n x h
 *   zOut        = hidden Wo + 1 bo                  n x o
 *   out         = s(zOut)                           n x o
 *   E           = 1/2 sum((out - T)^2)
 *   deltaOut    = (out - T) :* out :* (1 - out)     n x o     s'(z) = s(z) (1 - s(z))
 *   deltaHidden = (deltaOut Wo^T) :* hidden :* (1 - hidden)   n x h
 *   gradOut     = hidden^T deltaOut                 h x o
 *   gradHidden  = X^T deltaHidden                   i x h
 *   Wo -= rate gradOut,  Wh -= rate gradHidden,  bo -= rate 1^T deltaOut,  bh -= rate 1^T deltaHidden
 * </pre>
 *
 * It allocates every step; {@link FusedTrainer} is the fast kernel and is tested against this one.
 */
public final class BreezeTrainer implements Trainer {

  @Override
  public TrainingOutcome train(Network net, TrainingData data, TrainingOptions options) {
    DenseMatrix<Object> x = data.x();
    DenseMatrix<Object> t = data.t();
    DenseMatrix<Object> ones = Matrices.ones(data.rows(), 1);
    DenseMatrix<Object> onesT = transpose(ones);
    double rate = options.learningRate();
    ErrorLog log = new ErrorLog(options);
    boolean hiddenLayer = net.shape().hasHidden();
    int k = 0;
    for (; k < options.epochs(); k++) {
      if (hiddenLayer) {
        // phase 1: forward pass and error at the pre-update weights
        DenseMatrix<Object> zHidden = net.withBias(multiply(x, net.wHidden), ones, net.bHidden);
        DenseMatrix<Object> hidden = map(zHidden, Sigmoid::s);
        DenseMatrix<Object> zOut = net.withBias(multiply(hidden, net.wOut), ones, net.bOut);
        DenseMatrix<Object> out = map(zOut, Sigmoid::s);
        if (!log.beforeUpdate(k, error(out, t))) {
          break;
        }
        // phase 2: gradients of both layers, then both updates together
        DenseMatrix<Object> deltaOut = hadamard(subtract(out, t), map(out, Sigmoid::derivativeFromActivation));
        DenseMatrix<Object> deltaHidden =
            hadamard(multiply(deltaOut, transpose(net.wOut)), map(hidden, Sigmoid::derivativeFromActivation));
        DenseMatrix<Object> gradOut = multiply(transpose(hidden), deltaOut);
        DenseMatrix<Object> gradHidden = multiply(transpose(x), deltaHidden);
        subtractInPlace(net.wOut, scale(rate, gradOut));
        subtractInPlace(net.wHidden, scale(rate, gradHidden));
        if (net.bias()) {
          subtractInPlace(net.bOut, scale(rate, multiply(onesT, deltaOut)));
          subtractInPlace(net.bHidden, scale(rate, multiply(onesT, deltaHidden)));
        }
      } else {
        DenseMatrix<Object> zOut = net.withBias(multiply(x, net.wOut), ones, net.bOut);
        DenseMatrix<Object> out = map(zOut, Sigmoid::s);
        if (!log.beforeUpdate(k, error(out, t))) {
          break;
        }
        DenseMatrix<Object> deltaOut = hadamard(subtract(out, t), map(out, Sigmoid::derivativeFromActivation));
        DenseMatrix<Object> gradOut = multiply(transpose(x), deltaOut);
        subtractInPlace(net.wOut, scale(rate, gradOut));
        if (net.bias()) {
          subtractInPlace(net.bOut, scale(rate, multiply(onesT, deltaOut)));
        }
      }
    }
    return log.finish(k, error(net.forward(x), t));
  }

  /** E = 1/2 sum((out - T)^2). */
  static double error(DenseMatrix<Object> out, DenseMatrix<Object> t) {
    DenseMatrix<Object> diff = subtract(out, t);
    return 0.5 * Matrices.sum(hadamard(diff, diff));
  }
}
