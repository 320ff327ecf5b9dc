package nnsweep.nn;

import java.util.IdentityHashMap;

/**
 * Trains several networks of the same shape on the same data in lockstep, one network per SIMD lane.
 *
 * <p>Every parameter, gradient, activation and delta is held structure-of-arrays, {@code [parameter][lane]}: one small
 * array per parameter (or per unit and row) with one value per network. Each step of the arithmetic is then a loop
 * over the lanes that indexes every array by the lane alone and stores into one array, which is the kind of loop
 * HotSpot's C2 turns into AVX/AVX-512 code by itself: plain Java 17, no incubator module, nothing to enable. (A loop
 * that stores into several arrays, e.g. four rows at once, is not vectorised by C2 and was measured slower; so rows
 * are taken one at a time.) Only {@code Math.exp} stays scalar, one call per lane: it has to be exactly the call the
 * other trainers make, and no vector exponential gives its bits; with 16 sigmoids per epoch of the tutorial's network
 * it is most of the time left. jdk.incubator.vector would remove some loop overhead but not that floor, and would need
 * {@code --add-modules} on every JVM, Spark executors included; it is not used.
 *
 * <p>Per lane the arithmetic is {@link FusedTrainer}'s operation for operation, so every network's result is bit for
 * bit what {@link FusedTrainer} gives it alone: each pre-activation is {@code 0.0 + x0 w0 + x1 w1 + ...} in input
 * order then {@code + b}; s(z) = {@code 1.0 / (1.0 + Math.exp(-z))}; the squared differences are summed row by row,
 * output by output within a row; every gradient is summed from {@code 0.0} in row order and applied as
 * {@code w -= rate * g}. Rows are taken in blocks of {@value #BLOCK}: a block's terms are added to the running
 * gradient sums in one loop per parameter, and the last block's terms are added in the loop that applies the update.
 *
 * <p>Each network keeps its own {@link TrainingOptions} (learning rate, epochs, stop-error, curve epochs) and its own
 * {@link ErrorLog} (through an {@link ErrorGate}). A network that stops (target reached, diverged, or its epochs done)
 * leaves the lockstep at exactly the epoch {@link FusedTrainer} would stop it: its weights are written back to its
 * {@link Network} before that epoch's update, its outcome is recorded, and the last active lane moves into its slot,
 * so the others carry on with one lane fewer and no work is spent on stopped networks.
 *
 * <p>Throughput per network grows with the number of lanes, as C2's vectorised loops need a few vectors' worth of
 * lanes to pay off: on the tutorial's OR network (4 rows) it beats the scalar kernels from about 16 lanes on, and is
 * best at multiples of 32 (see docs/benchmarks.md). With many rows (hundreds) {@link FusedTrainer}, which vectorises
 * over the rows, is faster per network.
 */
public final class LockstepTrainer implements Trainer {
  /** Networks per lockstep group unless told otherwise (the best measured throughput per network). */
  public static final int DEFAULT_LANES = 32;

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

  /** One lockstep run: up to {@code lanes} networks, their parameters and gradients as [parameter][lane]. */
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

    // [parameter][lane], parameters indexed as in the Breeze matrices' column-major storage, and the gradient sums
    private final double[][] wh;
    private final double[][] bh;
    private final double[][] wo;
    private final double[][] bo;
    private final double[][] gwh;
    private final double[][] gbh;
    private final double[][] gwo;
    private final double[][] gbo;

    // [block row * units + unit][lane]: hidden activations, hidden and output deltas of the current block of rows
    private final double[][] act;
    private final double[][] dHidden;
    private final double[][] dOut;
    // E of every lane (sum of squared differences)
    private final double[] sse;
    // every [x][lane] array above that a lane's values must move with when it changes slot
    private final double[][][] perLane;
    private int active;

    Group(Network[] all, int from, int to, TrainingData data, TrainingOptions[] options, TrainingOutcome[] outcomes) {
      Network first = all[from];
      this.nets = all;
      this.outcomes = outcomes;
      this.x = Matrices.data(data.x());
      this.t = Matrices.data(data.t());
      this.n = data.rows();
      this.in = first.inputs();
      this.h = first.hiddenUnits();
      this.out = first.outputs();
      this.hiddenLayer = first.shape().hasHidden();
      this.bias = first.bias();
      int lanes = to - from;
      this.active = lanes;
      netIndex = new int[lanes];
      rate = new double[lanes];
      epochs = new int[lanes];
      gate = new ErrorGate[lanes];
      int width = hiddenLayer ? h : in;
      wh = new double[in * h][lanes];
      bh = new double[h][lanes];
      wo = new double[width * out][lanes];
      bo = new double[out][lanes];
      gwh = new double[in * h][lanes];
      gbh = new double[h][lanes];
      gwo = new double[width * out][lanes];
      gbo = new double[out][lanes];
      act = new double[BLOCK * h][lanes];
      dHidden = new double[BLOCK * h][lanes];
      dOut = new double[BLOCK * out][lanes];
      perLane = new double[][][] {wh, bh, wo, bo, gwh, gbh, gwo, gbo, act, dHidden, dOut};
      sse = new double[lanes];
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
      if (hiddenLayer) {
        for (int j = 0; j < h; j++) {
          double[] a = act[r * h + j];
          scalarTimesLanes(a, true, x, i, n, wh, j * in, 1, in, lanes);
          if (bias) {
            addLanes(a, bh[j], lanes);
          }
          sigmoid(a, lanes);
        }
        for (int o = 0; o < out; o++) {
          double[] d = dOut[r * out + o];
          lanesTimesLanes(d, true, act, r * h, 1, wo, o * h, 1, h, lanes);
          if (bias) {
            addLanes(d, bo[o], lanes);
          }
          exp(d, lanes);
          delta(d, t[i + o * n], sse, i == 0 && o == 0, lanes);
        }
        for (int j = 0; j < h; j++) {
          backPropagate(dHidden[r * h + j], dOut, r * out, wo, j, h, out, act[r * h + j], lanes);
        }
      } else {
        for (int o = 0; o < out; o++) {
          double[] d = dOut[r * out + o];
          scalarTimesLanes(d, true, x, i, n, wo, o * in, 1, in, lanes);
          if (bias) {
            addLanes(d, bo[o], lanes);
          }
          exp(d, lanes);
          delta(d, t[i + o * n], sse, i == 0 && o == 0, lanes);
        }
      }
    }

    /** Adds the block's terms to every gradient sum, in row order (the first block starts the sums at 0.0). */
    private void blockGradients(int i0, int rows, int lanes) {
      final boolean firstBlock = i0 == 0;
      if (hiddenLayer) {
        for (int o = 0; o < out; o++) {
          for (int j = 0; j < h; j++) {
            lanesTimesLanes(gwo[j + o * h], firstBlock, act, j, h, dOut, o, out, rows, lanes);
          }
        }
        for (int j = 0; j < h; j++) {
          for (int q = 0; q < in; q++) {
            scalarTimesLanes(gwh[q + j * in], firstBlock, x, i0 + q * n, 1, dHidden, j, h, rows, lanes);
          }
        }
        if (bias) {
          for (int o = 0; o < out; o++) {
            sumLanes(gbo[o], firstBlock, dOut, o, out, rows, lanes);
          }
          for (int j = 0; j < h; j++) {
            sumLanes(gbh[j], firstBlock, dHidden, j, h, rows, lanes);
          }
        }
      } else {
        for (int o = 0; o < out; o++) {
          for (int q = 0; q < in; q++) {
            scalarTimesLanes(gwo[q + o * in], firstBlock, x, i0 + q * n, 1, dOut, o, out, rows, lanes);
          }
        }
        if (bias) {
          for (int o = 0; o < out; o++) {
            sumLanes(gbo[o], firstBlock, dOut, o, out, rows, lanes);
          }
        }
      }
    }

    /**
     * w -= rate * g for every parameter of every active lane, where g is the gradient sum of the blocks before the last
     * plus the last block's terms, added here in the same loop (row order kept).
     */
    private void update() {
      final int lanes = active;
      final int i0 = (n - 1) / BLOCK * BLOCK;
      final int rows = n - i0;
      final boolean first = i0 == 0;
      if (hiddenLayer) {
        for (int o = 0; o < out; o++) {
          for (int j = 0; j < h; j++) {
            int p = j + o * h;
            descendLanes(wo[p], gwo[p], first, rate, rows, act[j], dOut[o], rows > 1 ? act[h + j] : null,
                rows > 1 ? dOut[out + o] : null, rows > 2 ? act[2 * h + j] : null, rows > 2 ? dOut[2 * out + o] : null,
                rows > 3 ? act[3 * h + j] : null, rows > 3 ? dOut[3 * out + o] : null, lanes);
          }
        }
        for (int j = 0; j < h; j++) {
          for (int q = 0; q < in; q++) {
            int p = q + j * in;
            int xi = i0 + q * n;
            descendScalars(wh[p], gwh[p], first, rate, rows, x[xi], dHidden[j], rows > 1 ? x[xi + 1] : 0.0,
                rows > 1 ? dHidden[h + j] : null, rows > 2 ? x[xi + 2] : 0.0, rows > 2 ? dHidden[2 * h + j] : null,
                rows > 3 ? x[xi + 3] : 0.0, rows > 3 ? dHidden[3 * h + j] : null, lanes);
          }
        }
        if (bias) {
          for (int o = 0; o < out; o++) {
            descendSums(bo[o], gbo[o], first, rate, rows, dOut[o], rows > 1 ? dOut[out + o] : null,
                rows > 2 ? dOut[2 * out + o] : null, rows > 3 ? dOut[3 * out + o] : null, lanes);
          }
          for (int j = 0; j < h; j++) {
            descendSums(bh[j], gbh[j], first, rate, rows, dHidden[j], rows > 1 ? dHidden[h + j] : null,
                rows > 2 ? dHidden[2 * h + j] : null, rows > 3 ? dHidden[3 * h + j] : null, lanes);
          }
        }
      } else {
        for (int o = 0; o < out; o++) {
          for (int q = 0; q < in; q++) {
            int p = q + o * in;
            int xi = i0 + q * n;
            descendScalars(wo[p], gwo[p], first, rate, rows, x[xi], dOut[o], rows > 1 ? x[xi + 1] : 0.0,
                rows > 1 ? dOut[out + o] : null, rows > 2 ? x[xi + 2] : 0.0, rows > 2 ? dOut[2 * out + o] : null,
                rows > 3 ? x[xi + 3] : 0.0, rows > 3 ? dOut[3 * out + o] : null, lanes);
          }
        }
        if (bias) {
          for (int o = 0; o < out; o++) {
            descendSums(bo[o], gbo[o], first, rate, rows, dOut[o], rows > 1 ? dOut[out + o] : null,
                rows > 2 ? dOut[2 * out + o] : null, rows > 3 ? dOut[3 * out + o] : null, lanes);
          }
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

  // ---- loops over lanes: every array indexed by the lane alone, so C2 vectorises them ----

  /** z = s(z) = 1.0 / (1.0 + Math.exp(-z)) in every lane: the exponentials one by one, the rest vectorised. */
  static void sigmoid(double[] z, int lanes) {
    exp(z, lanes);
    for (int l = 0; l < lanes; l++) {
      z[l] = 1.0 / (1.0 + z[l]);
    }
  }

  /** z = Math.exp(-z) in every lane. */
  static void exp(double[] z, int lanes) {
    for (int l = 0; l < lanes; l++) {
      z[l] = Math.exp(-z[l]);
    }
  }

  /** z += b in every lane. */
  static void addLanes(double[] z, double[] b, int lanes) {
    for (int l = 0; l < lanes; l++) {
      z[l] += b[l];
    }
  }

  /**
   * e (= exp(-z) of an output unit) becomes the delta (O - T) O (1 - O) with O = 1 / (1 + e); the squared
   * difference is added to the lane's sum (or starts it: 0.0 + d^2).
   */
  static void delta(double[] e, double target, double[] sse, boolean firstTerm, int lanes) {
    if (firstTerm) {
      for (int l = 0; l < lanes; l++) {
        double a = 1.0 / (1.0 + e[l]);
        double diff = a - target;
        sse[l] = 0.0 + diff * diff;
        e[l] = diff * a * (1.0 - a);
      }
    } else {
      for (int l = 0; l < lanes; l++) {
        double a = 1.0 / (1.0 + e[l]);
        double diff = a - target;
        sse[l] += diff * diff;
        e[l] = diff * a * (1.0 - a);
      }
    }
  }

  /**
   * The hidden delta of one unit and row: d = (0.0 + dOut_0 wo_0 + dOut_1 wo_1 + ...) a (1 - a), the sum over the
   * outputs in order, then s'(z) from the activation a; one loop over the lanes for one or two outputs.
   */
  static void backPropagate(double[] d, double[][] dOut, int d0, double[][] wo, int w0, int ws, int out, double[] a,
      int lanes) {
    switch (out) {
      case 1: {
        double[] x0 = dOut[d0];
        double[] y0 = wo[w0];
        for (int l = 0; l < lanes; l++) {
          d[l] = (0.0 + x0[l] * y0[l]) * a[l] * (1.0 - a[l]);
        }
        return;
      }
      case 2: {
        double[] x0 = dOut[d0];
        double[] y0 = wo[w0];
        double[] x1 = dOut[d0 + 1];
        double[] y1 = wo[w0 + ws];
        for (int l = 0; l < lanes; l++) {
          d[l] = (0.0 + x0[l] * y0[l] + x1[l] * y1[l]) * a[l] * (1.0 - a[l]);
        }
        return;
      }
      default:
        lanesTimesLanes(d, true, dOut, d0, 1, wo, w0, ws, out, lanes);
        for (int l = 0; l < lanes; l++) {
          d[l] = d[l] * a[l] * (1.0 - a[l]);
        }
    }
  }

  /**
   * z = (first ? 0.0 : z) + c[c0] u[u0] + c[c0 + cs] u[u0 + us] + ... (m terms, in this order): scalar
   * coefficients (data values) times lane arrays, up to four terms per pass.
   */
  static void scalarTimesLanes(double[] z, boolean first, double[] c, int c0, int cs, double[][] u, int u0, int us,
      int m, int lanes) {
    for (int q = 0; q < m; q += 4) {
      int terms = Math.min(4, m - q);
      int ci = c0 + q * cs;
      int ui = u0 + q * us;
      double c1 = terms > 1 ? c[ci + cs] : 0.0;
      double c2 = terms > 2 ? c[ci + 2 * cs] : 0.0;
      double c3 = terms > 3 ? c[ci + 3 * cs] : 0.0;
      double[] u1 = terms > 1 ? u[ui + us] : null;
      double[] u2 = terms > 2 ? u[ui + 2 * us] : null;
      double[] u3 = terms > 3 ? u[ui + 3 * us] : null;
      scalarTerms(z, first && q == 0, terms, c[ci], u[ui], c1, u1, c2, u2, c3, u3, lanes);
    }
  }

  private static void scalarTerms(double[] z, boolean first, int terms, double c0, double[] u0, double c1,
      double[] u1, double c2, double[] u2, double c3, double[] u3, int lanes) {
    if (first) {
      switch (terms) {
        case 1:
          for (int l = 0; l < lanes; l++) {
            z[l] = 0.0 + c0 * u0[l];
          }
          return;
        case 2:
          for (int l = 0; l < lanes; l++) {
            z[l] = 0.0 + c0 * u0[l] + c1 * u1[l];
          }
          return;
        case 3:
          for (int l = 0; l < lanes; l++) {
            z[l] = 0.0 + c0 * u0[l] + c1 * u1[l] + c2 * u2[l];
          }
          return;
        default:
          for (int l = 0; l < lanes; l++) {
            z[l] = 0.0 + c0 * u0[l] + c1 * u1[l] + c2 * u2[l] + c3 * u3[l];
          }
          return;
      }
    }
    switch (terms) {
      case 1:
        for (int l = 0; l < lanes; l++) {
          z[l] = z[l] + c0 * u0[l];
        }
        return;
      case 2:
        for (int l = 0; l < lanes; l++) {
          z[l] = z[l] + c0 * u0[l] + c1 * u1[l];
        }
        return;
      case 3:
        for (int l = 0; l < lanes; l++) {
          z[l] = z[l] + c0 * u0[l] + c1 * u1[l] + c2 * u2[l];
        }
        return;
      default:
        for (int l = 0; l < lanes; l++) {
          z[l] = z[l] + c0 * u0[l] + c1 * u1[l] + c2 * u2[l] + c3 * u3[l];
        }
    }
  }

  /**
   * z = (first ? 0.0 : z) + a[a0] b[b0] + a[a0 + as] b[b0 + bs] + ... (m terms, in this order): lane arrays times
   * lane arrays, up to four terms per pass.
   */
  static void lanesTimesLanes(double[] z, boolean first, double[][] a, int a0, int as, double[][] b, int b0, int bs,
      int m, int lanes) {
    for (int q = 0; q < m; q += 4) {
      int terms = Math.min(4, m - q);
      int ai = a0 + q * as;
      int bi = b0 + q * bs;
      double[] x1 = terms > 1 ? a[ai + as] : null;
      double[] y1 = terms > 1 ? b[bi + bs] : null;
      double[] x2 = terms > 2 ? a[ai + 2 * as] : null;
      double[] y2 = terms > 2 ? b[bi + 2 * bs] : null;
      double[] x3 = terms > 3 ? a[ai + 3 * as] : null;
      double[] y3 = terms > 3 ? b[bi + 3 * bs] : null;
      laneTerms(z, first && q == 0, terms, a[ai], b[bi], x1, y1, x2, y2, x3, y3, lanes);
    }
  }

  private static void laneTerms(double[] z, boolean first, int terms, double[] x0, double[] y0, double[] x1,
      double[] y1, double[] x2, double[] y2, double[] x3, double[] y3, int lanes) {
    if (first) {
      switch (terms) {
        case 1:
          for (int l = 0; l < lanes; l++) {
            z[l] = 0.0 + x0[l] * y0[l];
          }
          return;
        case 2:
          for (int l = 0; l < lanes; l++) {
            z[l] = 0.0 + x0[l] * y0[l] + x1[l] * y1[l];
          }
          return;
        case 3:
          for (int l = 0; l < lanes; l++) {
            z[l] = 0.0 + x0[l] * y0[l] + x1[l] * y1[l] + x2[l] * y2[l];
          }
          return;
        default:
          for (int l = 0; l < lanes; l++) {
            z[l] = 0.0 + x0[l] * y0[l] + x1[l] * y1[l] + x2[l] * y2[l] + x3[l] * y3[l];
          }
          return;
      }
    }
    switch (terms) {
      case 1:
        for (int l = 0; l < lanes; l++) {
          z[l] = z[l] + x0[l] * y0[l];
        }
        return;
      case 2:
        for (int l = 0; l < lanes; l++) {
          z[l] = z[l] + x0[l] * y0[l] + x1[l] * y1[l];
        }
        return;
      case 3:
        for (int l = 0; l < lanes; l++) {
          z[l] = z[l] + x0[l] * y0[l] + x1[l] * y1[l] + x2[l] * y2[l];
        }
        return;
      default:
        for (int l = 0; l < lanes; l++) {
          z[l] = z[l] + x0[l] * y0[l] + x1[l] * y1[l] + x2[l] * y2[l] + x3[l] * y3[l];
        }
    }
  }

  /** z = (first ? 0.0 : z) + u[u0] + u[u0 + us] + ... (m terms, in this order), up to four terms per pass. */
  static void sumLanes(double[] z, boolean first, double[][] u, int u0, int us, int m, int lanes) {
    for (int q = 0; q < m; q += 4) {
      int terms = Math.min(4, m - q);
      int ui = u0 + q * us;
      double[] u1 = terms > 1 ? u[ui + us] : null;
      double[] u2 = terms > 2 ? u[ui + 2 * us] : null;
      double[] u3 = terms > 3 ? u[ui + 3 * us] : null;
      sumTerms(z, first && q == 0, terms, u[ui], u1, u2, u3, lanes);
    }
  }

  private static void sumTerms(double[] z, boolean first, int terms, double[] u0, double[] u1, double[] u2,
      double[] u3, int lanes) {
    if (first) {
      switch (terms) {
        case 1:
          for (int l = 0; l < lanes; l++) {
            z[l] = 0.0 + u0[l];
          }
          return;
        case 2:
          for (int l = 0; l < lanes; l++) {
            z[l] = 0.0 + u0[l] + u1[l];
          }
          return;
        case 3:
          for (int l = 0; l < lanes; l++) {
            z[l] = 0.0 + u0[l] + u1[l] + u2[l];
          }
          return;
        default:
          for (int l = 0; l < lanes; l++) {
            z[l] = 0.0 + u0[l] + u1[l] + u2[l] + u3[l];
          }
          return;
      }
    }
    switch (terms) {
      case 1:
        for (int l = 0; l < lanes; l++) {
          z[l] = z[l] + u0[l];
        }
        return;
      case 2:
        for (int l = 0; l < lanes; l++) {
          z[l] = z[l] + u0[l] + u1[l];
        }
        return;
      case 3:
        for (int l = 0; l < lanes; l++) {
          z[l] = z[l] + u0[l] + u1[l] + u2[l];
        }
        return;
      default:
        for (int l = 0; l < lanes; l++) {
          z[l] = z[l] + u0[l] + u1[l] + u2[l] + u3[l];
        }
    }
  }

  /**
   * w = w - rate * ((first ? 0.0 : g) + c0 u0 + c1 u1 + ...), {@code terms} terms in this order: the last block's
   * terms of a gradient sum (data values times lane arrays) and the update, in one loop.
   */
  private static void descendScalars(double[] w, double[] g, boolean first, double[] rate, int terms, double c0,
      double[] u0, double c1, double[] u1, double c2, double[] u2, double c3, double[] u3, int lanes) {
    if (first) {
      switch (terms) {
        case 1:
          for (int l = 0; l < lanes; l++) {
            w[l] = w[l] - rate[l] * (0.0 + c0 * u0[l]);
          }
          return;
        case 2:
          for (int l = 0; l < lanes; l++) {
            w[l] = w[l] - rate[l] * (0.0 + c0 * u0[l] + c1 * u1[l]);
          }
          return;
        case 3:
          for (int l = 0; l < lanes; l++) {
            w[l] = w[l] - rate[l] * (0.0 + c0 * u0[l] + c1 * u1[l] + c2 * u2[l]);
          }
          return;
        default:
          for (int l = 0; l < lanes; l++) {
            w[l] = w[l] - rate[l] * (0.0 + c0 * u0[l] + c1 * u1[l] + c2 * u2[l] + c3 * u3[l]);
          }
          return;
      }
    } else {
      switch (terms) {
        case 1:
          for (int l = 0; l < lanes; l++) {
            w[l] = w[l] - rate[l] * (g[l] + c0 * u0[l]);
          }
          return;
        case 2:
          for (int l = 0; l < lanes; l++) {
            w[l] = w[l] - rate[l] * (g[l] + c0 * u0[l] + c1 * u1[l]);
          }
          return;
        case 3:
          for (int l = 0; l < lanes; l++) {
            w[l] = w[l] - rate[l] * (g[l] + c0 * u0[l] + c1 * u1[l] + c2 * u2[l]);
          }
          return;
        default:
          for (int l = 0; l < lanes; l++) {
            w[l] = w[l] - rate[l] * (g[l] + c0 * u0[l] + c1 * u1[l] + c2 * u2[l] + c3 * u3[l]);
          }
          return;
      }
    }
  }

  /**
   * w = w - rate * ((first ? 0.0 : g) + x0 y0 + x1 y1 + ...), {@code terms} terms in this order: the last block's
   * terms of a gradient sum (lane arrays times lane arrays) and the update, in one loop.
   */
  private static void descendLanes(double[] w, double[] g, boolean first, double[] rate, int terms, double[] x0,
      double[] y0, double[] x1, double[] y1, double[] x2, double[] y2, double[] x3, double[] y3, int lanes) {
    if (first) {
      switch (terms) {
        case 1:
          for (int l = 0; l < lanes; l++) {
            w[l] = w[l] - rate[l] * (0.0 + x0[l] * y0[l]);
          }
          return;
        case 2:
          for (int l = 0; l < lanes; l++) {
            w[l] = w[l] - rate[l] * (0.0 + x0[l] * y0[l] + x1[l] * y1[l]);
          }
          return;
        case 3:
          for (int l = 0; l < lanes; l++) {
            w[l] = w[l] - rate[l] * (0.0 + x0[l] * y0[l] + x1[l] * y1[l] + x2[l] * y2[l]);
          }
          return;
        default:
          for (int l = 0; l < lanes; l++) {
            w[l] = w[l] - rate[l] * (0.0 + x0[l] * y0[l] + x1[l] * y1[l] + x2[l] * y2[l] + x3[l] * y3[l]);
          }
          return;
      }
    } else {
      switch (terms) {
        case 1:
          for (int l = 0; l < lanes; l++) {
            w[l] = w[l] - rate[l] * (g[l] + x0[l] * y0[l]);
          }
          return;
        case 2:
          for (int l = 0; l < lanes; l++) {
            w[l] = w[l] - rate[l] * (g[l] + x0[l] * y0[l] + x1[l] * y1[l]);
          }
          return;
        case 3:
          for (int l = 0; l < lanes; l++) {
            w[l] = w[l] - rate[l] * (g[l] + x0[l] * y0[l] + x1[l] * y1[l] + x2[l] * y2[l]);
          }
          return;
        default:
          for (int l = 0; l < lanes; l++) {
            w[l] = w[l] - rate[l] * (g[l] + x0[l] * y0[l] + x1[l] * y1[l] + x2[l] * y2[l] + x3[l] * y3[l]);
          }
          return;
      }
    }
  }

  /**
   * w = w - rate * ((first ? 0.0 : g) + u0 + u1 + ...), {@code terms} terms in this order: the last block's terms
   * of a bias gradient and the update, in one loop.
   */
  private static void descendSums(double[] w, double[] g, boolean first, double[] rate, int terms, double[] u0,
      double[] u1, double[] u2, double[] u3, int lanes) {
    if (first) {
      switch (terms) {
        case 1:
          for (int l = 0; l < lanes; l++) {
            w[l] = w[l] - rate[l] * (0.0 + u0[l]);
          }
          return;
        case 2:
          for (int l = 0; l < lanes; l++) {
            w[l] = w[l] - rate[l] * (0.0 + u0[l] + u1[l]);
          }
          return;
        case 3:
          for (int l = 0; l < lanes; l++) {
            w[l] = w[l] - rate[l] * (0.0 + u0[l] + u1[l] + u2[l]);
          }
          return;
        default:
          for (int l = 0; l < lanes; l++) {
            w[l] = w[l] - rate[l] * (0.0 + u0[l] + u1[l] + u2[l] + u3[l]);
          }
          return;
      }
    } else {
      switch (terms) {
        case 1:
          for (int l = 0; l < lanes; l++) {
            w[l] = w[l] - rate[l] * (g[l] + u0[l]);
          }
          return;
        case 2:
          for (int l = 0; l < lanes; l++) {
            w[l] = w[l] - rate[l] * (g[l] + u0[l] + u1[l]);
          }
          return;
        case 3:
          for (int l = 0; l < lanes; l++) {
            w[l] = w[l] - rate[l] * (g[l] + u0[l] + u1[l] + u2[l]);
          }
          return;
        default:
          for (int l = 0; l < lanes; l++) {
            w[l] = w[l] - rate[l] * (g[l] + u0[l] + u1[l] + u2[l] + u3[l]);
          }
          return;
      }
    }
  }

}
