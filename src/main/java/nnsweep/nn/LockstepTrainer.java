package nnsweep.nn;

import java.util.IdentityHashMap;

/**
 * Trains several networks of the same shape on the same data in lockstep, one network per SIMD lane.
 *
 * <p>Per lane, with i inputs, h hidden units and o outputs, each row x (1 x i) of the data and its target t goes
 * through {@link BreezeTrainer}'s equations (shapes on the right), then the weights move once per epoch:
 *
 * <pre>
 *   zHidden     = x Wh + bh                               1 x h
 *   hidden      = s(zHidden)                              1 x h    s(z) = 1.0 / (1.0 + e^-z), FastSigmoid
 *   zOut        = hidden Wo + bo                          1 x o
 *   out         = s(zOut)                                 1 x o
 *   E          += (out - t)^2  (halved at the end)
 *   deltaOut    = (out - t) :* out :* (1 - out)           1 x o
 *   deltaHidden = (deltaOut Wo^T) :* hidden :* (1 - hidden)   1 x h
 *   gradOut    += hidden^T deltaOut                       h x o
 *   gradHidden += x^T deltaHidden                         i x h
 * after the last row:
 *   Wo -= rate gradOut,  Wh -= rate gradHidden,  bo -= rate sum(deltaOut),  bh -= rate sum(deltaHidden)
 * </pre>
 *
 * Without a hidden layer the inputs feed the output layer: {@code zOut = x Wo + bo}, {@code gradOut += x^T
 * deltaOut}; the kernel calls the layer fed by the inputs (hidden, or output without one) the input side and runs
 * the same forward, gradient and update code for it in both models.
 *
 * <p>Every value is held {@code [index][lane]}: one small array per parameter, gradient sum, or unit and row, with one
 * value per network. Each step of the arithmetic is then a loop over the lanes ({@link Lanes}) that indexes every
 * array by the lane alone and stores into one array, the kind of loop HotSpot's C2 vectorises by itself (plain Java
 * 17, nothing to enable); rows are taken one at a time for that reason. The sigmoids run in SIMD vectors of the
 * machine's width ({@link FastSigmoid}, {@code jdk.incubator.vector}'s preferred species: 8 lanes with AVX-512, 4
 * with AVX2), each lane with the bits of the scalar {@link FastSigmoid#s}, so the vector width never changes a
 * network's numbers.
 *
 * <p>Per lane the arithmetic is {@link FusedTrainer}'s operation for operation, so every network's result is bit for
 * bit what {@link FusedTrainer} gives it alone: each pre-activation is {@code 0.0 + x0 w0 + x1 w1 + ...} in input
 * order then {@code + b}; the squared differences are summed row by row, output by output within a row; every
 * gradient is summed from {@code 0.0} in row order and applied as {@code w -= rate * g}. Rows are taken in blocks of
 * {@value #BLOCK}: a block's terms are added to the running gradient sums in one loop per parameter, and the last
 * block's terms are added in the loop that applies the update.
 *
 * <p>Each network keeps its own {@link TrainingOptions} (learning rate, epochs, stop-error, curve epochs) and its own
 * {@link ErrorLog} (through an {@link ErrorGate}). A network that stops (target reached, diverged, or its epochs done)
 * leaves the lockstep at exactly the epoch {@link FusedTrainer} would stop it: its weights are written back to its
 * {@link Network} before that epoch's update, its outcome is recorded, and the last active lane moves into its slot,
 * so the others carry on with one lane fewer and no work is spent on stopped networks.
 *
 * <p>Throughput per network grows with the number of lanes, as C2's vectorised loops need a few vectors' worth of
 * lanes to pay off; with many rows, kernels that vectorise over the rows win ({@link Kernel} chooses). Measurements:
 * docs/benchmarks.md.
 */
public final class LockstepTrainer implements Trainer {
  /**
   * Networks per lockstep group unless told otherwise: with the SIMD sigmoid, 64 lanes (8 AVX-512 vectors) train a
   * network faster than 32 (docs/benchmarks.md); a group's size never changes a network's numbers.
   */
  public static final int DEFAULT_LANES = 64;

  /** Rows per block: the gradient sums add this many rows' terms per pass over the lanes. */
  static final int BLOCK = 4;

  private final int lanes;

  /** A trainer that trains up to {@link #DEFAULT_LANES} networks at a time. */
  public LockstepTrainer() {
    this(DEFAULT_LANES);
  }

  /** A trainer that trains up to {@code lanes} networks at a time (more are taken in consecutive groups). */
  public LockstepTrainer(int lanes) {
    if (lanes < 1) {
      throw new IllegalArgumentException("lanes must be >= 1, found " + lanes);
    }
    this.lanes = lanes;
  }

  /** The most networks trained at a time. */
  public int lanes() {
    return lanes;
  }

  /** One network alone: a lockstep of one lane (the same result as {@link FusedTrainer}). */
  @Override
  public TrainingOutcome train(Network network, TrainingData data, TrainingOptions options) {
    return train(new Network[] {network}, data, new TrainingOptions[] {options})[0];
  }

  /**
   * Trains every network in place, {@code options[i]} for {@code nets[i]}, in groups of up to {@link #lanes()}.
   *
   * @param nets distinct networks of one shape (model, inputs, hidden units, outputs, bias) matching {@code data}
   * @param data the training data all of them share
   * @param options one per network; learning rates, epochs, stop-errors and curve epochs may differ
   * @return the outcome of {@code nets[i]} at index i, equal to what {@link FusedTrainer} returns for it alone
   */
  public TrainingOutcome[] train(Network[] nets, TrainingData data, TrainingOptions[] options) {
    validate(nets, data, options);
    TrainingOutcome[] outcomes = new TrainingOutcome[nets.length];
    for (int from = 0; from < nets.length; from += lanes) {
      new Group(nets, from, Math.min(nets.length, from + lanes), data, options, outcomes).run();
    }
    return outcomes;
  }

  static void validate(Network[] nets, TrainingData data, TrainingOptions[] options) {
    if (nets.length != options.length) {
      throw new IllegalArgumentException("one TrainingOptions per network expected, found " + options.length
          + " for " + nets.length + " networks");
    }
    IdentityHashMap<Network, Integer> seen = new IdentityHashMap<>();
    for (int i = 0; i < nets.length; i++) {
      Network net = nets[i];
      if (net == null || options[i] == null) {
        throw new IllegalArgumentException("network and options " + i + " must not be null");
      }
      Integer before = seen.put(net, i);
      if (before != null) {
        throw new IllegalArgumentException("networks " + before + " and " + i + " are the same object");
      }
      if (!net.shape().equals(nets[0].shape())) {
        throw new IllegalArgumentException("networks trained together must have one shape, network " + i + " is "
            + net.shape() + ", network 0 is " + nets[0].shape());
      }
      if (net.inputs() != data.inputs() || net.outputs() != data.outputs()) {
        throw new IllegalArgumentException("network " + i + " has " + net.inputs() + " inputs and " + net.outputs()
            + " outputs, the data " + data.inputs() + " and " + data.outputs());
      }
    }
  }

  /** One lockstep run: up to {@code lanes} networks, every value held as [index][lane]. */
  private static final class Group {
    private final Network[] nets;
    private final TrainingOutcome[] outcomes;
    private final double[] x;
    private final double[] t;
    private final int n;
    private final int in;
    private final int h;
    private final int out;
    private final boolean hiddenLayer;
    private final boolean bias;

    // per lane, moved with the lane when an earlier lane leaves
    private final int[] netIndex;
    private final double[] rate;
    private final int[] epochs;
    private final ErrorGate[] gate;

    // parameters, indexed as in the Breeze matrices' column-major storage, and their gradient sums
    private final double[][] wh;
    private final double[][] bh;
    private final double[][] wo;
    private final double[][] bo;
    private final double[][] gradHidden;
    private final double[][] gradHiddenBias;
    private final double[][] gradOut;
    private final double[][] gradOutBias;

    // [block row * units + unit]: hidden (zHidden, then s of it), deltaOut (zOut, then out, then the delta) and
    // deltaHidden of the current block of rows
    private final double[][] hidden;
    private final double[][] deltaOut;
    private final double[][] deltaHidden;
    // the layer fed by the inputs: the hidden layer, or the output layer without one
    private final int width;
    private final double[][] wIn;
    private final double[][] bIn;
    private final double[][] gradIn;
    private final double[][] gradInBias;
    private final double[][] deltaIn;
    // E of every lane (sum of squared differences)
    private final double[] sse;
    // zeros: where the bias gradients' sums start
    private final double[] zero;
    // every [x][lane] array above that a lane's values must move with when it changes slot
    private final double[][][] perLane;
    private int active;

    Group(Network[] all, int from, int to, TrainingData data, TrainingOptions[] options, TrainingOutcome[] outcomes) {
      Shape shape = all[from].shape();
      this.nets = all;
      this.outcomes = outcomes;
      this.x = Matrices.data(data.x());
      this.t = Matrices.data(data.t());
      this.n = data.rows();
      this.in = shape.inputs();
      this.h = shape.hidden();
      this.out = shape.outputs();
      this.hiddenLayer = shape.hasHidden();
      this.bias = shape.bias();
      int lanes = to - from;
      this.active = lanes;
      netIndex = new int[lanes];
      rate = new double[lanes];
      epochs = new int[lanes];
      gate = new ErrorGate[lanes];
      wh = new double[in * h][lanes];
      bh = new double[h][lanes];
      wo = new double[shape.outputFanIn() * out][lanes];
      bo = new double[out][lanes];
      gradHidden = new double[in * h][lanes];
      gradHiddenBias = new double[h][lanes];
      gradOut = new double[shape.outputFanIn() * out][lanes];
      gradOutBias = new double[out][lanes];
      hidden = new double[BLOCK * h][lanes];
      deltaHidden = new double[BLOCK * h][lanes];
      deltaOut = new double[BLOCK * out][lanes];
      width = shape.firstLayerWidth();
      wIn = hiddenLayer ? wh : wo;
      bIn = hiddenLayer ? bh : bo;
      gradIn = hiddenLayer ? gradHidden : gradOut;
      gradInBias = hiddenLayer ? gradHiddenBias : gradOutBias;
      deltaIn = hiddenLayer ? deltaHidden : deltaOut;
      perLane = new double[][][] {wh, bh, wo, bo, gradHidden, gradHiddenBias, gradOut, gradOutBias, hidden,
          deltaHidden, deltaOut};
      sse = new double[lanes];
      zero = new double[lanes];
      for (int l = 0; l < lanes; l++) {
        Network net = all[from + l];
        TrainingOptions o = options[from + l];
        netIndex[l] = from + l;
        rate[l] = o.learningRate();
        epochs[l] = o.epochs();
        gate[l] = new ErrorGate(o);
        load(wh, Matrices.data(net.wHidden), l);
        load(bh, Matrices.data(net.bHidden), l);
        load(wo, Matrices.data(net.wOut), l);
        load(bo, Matrices.data(net.bOut), l);
      }
    }

    void run() {
      for (int k = 0; ; k++) {
        for (int l = active - 1; l >= 0; l--) {
          if (epochs[l] == k) {
            retire(l, k);
          }
        }
        if (active == 0) {
          return;
        }
        forwardAndBackward();
        for (int l = active - 1; l >= 0; l--) {
          double e = 0.5 * sse[l];
          if (!gate[l].update(k, e)) {
            retire(l, k);
          }
        }
        if (active == 0) {
          return;
        }
        update();
      }
    }

    /**
     * Forward and backward pass of every row at the current weights, for every active lane: E into {@code sse}, the
     * gradient sums of every block of rows but the last into the gradient arrays (the last block's rows stay in the
     * activation and delta arrays, for {@link #update}).
     */
    private void forwardAndBackward() {
      final int lanes = active;
      java.util.Arrays.fill(sse, 0.0);
      for (int i0 = 0; i0 < n; i0 += BLOCK) {
        final int rows = Math.min(BLOCK, n - i0);
        for (int r = 0; r < rows; r++) {
          row(i0 + r, r, lanes);
        }
        if (i0 + rows < n) {
          blockGradients(i0, rows, lanes);
        }
      }
    }

    /** Forward and backward pass of row i (row r of its block), each step one loop over the lanes. */
    private void row(int i, int r, int lanes) {
      // zHidden = x Wh + bh, hidden = s(zHidden); without a hidden layer zOut = x Wo + bo
      double[][] zIn = hiddenLayer ? hidden : deltaOut;
      for (int j = 0; j < width; j++) {
        double[] z = zIn[r * width + j];
        Lanes.dotScalars(z, null, x, i, n, wIn, j * in, 1, in, lanes);
        if (bias) {
          Lanes.add(z, bIn[j], lanes);
        }
        if (hiddenLayer) {
          Lanes.sigmoid(z, lanes);
        }
      }
      for (int o = 0; o < out; o++) {
        double[] z = deltaOut[r * out + o];
        if (hiddenLayer) {
          // zOut = hidden Wo + bo
          Lanes.dotLanes(z, null, hidden, r * h, 1, wo, o * h, 1, h, lanes);
          if (bias) {
            Lanes.add(z, bo[o], lanes);
          }
        }
        // out = s(zOut), E += (out - t)^2, deltaOut = (out - t) out (1 - out)
        Lanes.outputDelta(z, t[i + o * n], sse, lanes);
      }
      if (hiddenLayer) {
        // deltaHidden = (deltaOut Wo^T) hidden (1 - hidden)
        for (int j = 0; j < h; j++) {
          Lanes.backPropagate(deltaHidden[r * h + j], deltaOut, r * out, wo, j, h, out, hidden[r * h + j], lanes);
        }
      }
    }

    /** Adds the block's terms to every gradient sum, in row order (the first block starts the sums at 0.0). */
    private void blockGradients(int i0, int rows, int lanes) {
      final boolean firstBlock = i0 == 0;
      if (hiddenLayer) {
        // gradOut += hidden^T deltaOut, gradOutBias += 1^T deltaOut
        for (int o = 0; o < out; o++) {
          for (int j = 0; j < h; j++) {
            double[] g = gradOut[j + o * h];
            Lanes.dotLanes(g, firstBlock ? null : g, hidden, j, h, deltaOut, o, out, rows, lanes);
          }
          if (bias) {
            Lanes.sum(gradOutBias[o], firstBlock ? zero : gradOutBias[o], deltaOut, o, out, rows, lanes);
          }
        }
      }
      // the input side: gradHidden += x^T deltaHidden (gradOut += x^T deltaOut without a hidden layer), and the bias
      for (int j = 0; j < width; j++) {
        for (int q = 0; q < in; q++) {
          double[] g = gradIn[q + j * in];
          Lanes.dotScalars(g, firstBlock ? null : g, x, i0 + q * n, 1, deltaIn, j, width, rows, lanes);
        }
        if (bias) {
          Lanes.sum(gradInBias[j], firstBlock ? zero : gradInBias[j], deltaIn, j, width, rows, lanes);
        }
      }
    }

    /**
     * w -= rate * g for every parameter of every active lane, where g is the gradient sum of the blocks before the last
     * plus the last block's terms, added here in the same loop (row order kept). With one block of rows the sums were
     * never written: they hold zeros.
     */
    private void update() {
      final int lanes = active;
      final int i0 = (n - 1) / BLOCK * BLOCK;
      final int rows = n - i0;
      if (hiddenLayer) {
        // Wo -= rate gradOut, bo -= rate 1^T deltaOut
        for (int o = 0; o < out; o++) {
          for (int j = 0; j < h; j++) {
            int p = j + o * h;
            Lanes.descendLanes(wo[p], rate, gradOut[p], hidden, j, h, deltaOut, o, out, rows, lanes);
          }
          if (bias) {
            Lanes.descendSum(bo[o], rate, gradOutBias[o], deltaOut, o, out, rows, lanes);
          }
        }
      }
      // the input side: Wh -= rate gradHidden, bh -= rate 1^T deltaHidden (Wo and bo without a hidden layer)
      for (int j = 0; j < width; j++) {
        for (int q = 0; q < in; q++) {
          int p = q + j * in;
          Lanes.descendScalars(wIn[p], rate, i0 > 0 ? gradIn[p] : null, x, i0 + q * n, 1, deltaIn, j, width, rows,
              lanes);
        }
        if (bias) {
          Lanes.descendSum(bIn[j], rate, gradInBias[j], deltaIn, j, width, rows, lanes);
        }
      }
    }

    /**
     * Lane l leaves after {@code k} updates: its weights go back to its network, its outcome is recorded, and the
     * last active lane takes its slot.
     */
    private void retire(int l, int k) {
      Network net = nets[netIndex[l]];
      store(wh, Matrices.data(net.wHidden), l);
      store(bh, Matrices.data(net.bHidden), l);
      store(wo, Matrices.data(net.wOut), l);
      store(bo, Matrices.data(net.bOut), l);
      outcomes[netIndex[l]] = gate[l].finish(k, FusedTrainer.error(net, x, t, n));
      int last = --active;
      if (l != last) {
        for (double[][] arrays : perLane) {
          for (double[] lanesOfParameter : arrays) {
            lanesOfParameter[l] = lanesOfParameter[last];
          }
        }
        netIndex[l] = netIndex[last];
        rate[l] = rate[last];
        epochs[l] = epochs[last];
        gate[l] = gate[last];
      }
      gate[last] = null;
    }

    private static void load(double[][] lanes, double[] values, int l) {
      for (int p = 0; p < values.length; p++) {
        lanes[p][l] = values[p];
      }
    }

    private static void store(double[][] lanes, double[] values, int l) {
      for (int p = 0; p < values.length; p++) {
        values[p] = lanes[p][l];
      }
    }
  }
}
