package nnsweep.nn;

import dev.ludovic.netlib.blas.BLAS;

/**
 * Trains a group of networks of one shape on one dataset with BLAS level-3 products: the kernel for real datasets,
 * where an epoch is mostly matrix products (hundreds of rows, tens of inputs and hidden units).
 *
 * <p>With n rows, i inputs, h hidden units, o outputs and k networks in the group (shapes on the right), an epoch is
 * {@link BreezeTrainer}'s equations with the networks side by side:
 *
 * <pre>
 *   zHidden       = X [Wh_1 ... Wh_k]                          n x kh   one dgemm for the group: X is read once
 *   hidden_j      = s(zHidden_j + 1 bh_j)                      n x h    one fused pass per unit
 *   out_j         = s(hidden_j Wo_j + 1 bo_j)                  n x o    one dgemm per network
 *   E_j           = 1/2 sum((out_j - T)^2)
 *   deltaOut_j    = (out_j - T) :* out_j :* (1 - out_j)        n x o    fused with E_j
 *   deltaHidden_j = rate_j (deltaOut_j Wo_j^T) :* hidden_j :* (1 - hidden_j)     n x h
 *   Wo_j         -= rate_j hidden_j^T deltaOut_j                h x o    dgemm, alpha = -rate_j, beta = 1
 *   [Wh_1 ... Wh_k] -= X^T [deltaHidden_1 ... deltaHidden_k]    i x kh   one dgemm for the group
 *   bo_j -= rate_j 1^T deltaOut_j,   bh_j -= 1^T deltaHidden_j
 * </pre>
 *
 * Without a hidden layer: {@code out = s(X [W_1 ... W_k] + 1 b)}, the deltas scaled by their rates, and
 * {@code [W_1 ... W_k] -= X^T [deltaOut_1 ... deltaOut_k]}. Every gradient is taken at the pre-update weights
 * (deltaHidden before Wo moves), as in the tutorial.
 *
 * <p>The rows go through those lines in blocks of {@link #ROWS_PER_BLOCK}: per block the products, sigmoids and
 * deltas while its activations are in cache, and its share of each gradient added into the epoch's gradient matrices
 * (beta = 1); the weights move once, at the epoch's end. The same full-batch maths, summed block by block. With at
 * most that many rows, one block, and the gradient products add straight into the weights.
 *
 * <p>The weights are held in Breeze matrices, [Wh_1 ... Wh_k] as one i x kh matrix and [Wo_1 ... Wo_k] as one h x ko
 * matrix, and the products run on their backing arrays through netlib's BLAS ({@link Blas}). Sigmoids are
 * {@link FastSigmoid}; column sums (E, bias gradients) are summed in a fixed order. So a network's numbers depend on
 * its group (the networks beside it in the products) and on the BLAS implementation, never on timing or threads:
 * callers that need the same numbers everywhere form groups from the grid alone.
 *
 * <p>Each network keeps its own {@link TrainingOptions} and {@link ErrorGate}; one that stops (epochs done, target
 * reached, diverged) gets its weights back before that epoch's update, and the networks after it move down one slot,
 * so the products shrink with the group and the active networks keep their order: a group's state depends only on
 * which of its networks are still training and their weights, so training it on from saved weights continues it bit
 * for bit.
 */
public final class GemmTrainer implements Trainer {
  /**
   * Rows of one block of an epoch (see the class comment): a constant, so that a network's numbers never depend on
   * the machine, the partitioning or the group's size. At 256 rows a group of the widest products (about
   * {@link Kernel#GEMM_COLUMNS} columns) keeps its block's activations and deltas within a core's L2 cache. Datasets
   * of at most this many rows run in one block, with the gradients added straight into the weights: the same
   * operations, and the same bits, as before the blocks.
   */
  public static final int ROWS_PER_BLOCK = 256;

  private final BLAS blas;
  private final int rowsPerBlock;

  /** A trainer on this JVM's BLAS ({@link Blas#get}). */
  public GemmTrainer() {
    this(Blas.get());
  }

  /** A trainer on the given BLAS implementation. */
  public GemmTrainer(BLAS blas) {
    this(blas, ROWS_PER_BLOCK);
  }

  /**
   * A trainer with another block size, for tests and benchmarks: the numbers depend on it (within rounding), so the
   * job uses {@link #ROWS_PER_BLOCK} only.
   */
  public GemmTrainer(BLAS blas, int rowsPerBlock) {
    if (rowsPerBlock < 1) {
      throw new IllegalArgumentException("rows per block must be >= 1, found " + rowsPerBlock);
    }
    this.blas = blas;
    this.rowsPerBlock = rowsPerBlock;
  }

  @Override
  public String toString() {
    return "GemmTrainer[" + blas.getClass().getSimpleName()
        + (rowsPerBlock == ROWS_PER_BLOCK ? "" : ", blocks of " + rowsPerBlock + " rows") + "]";
  }

  /** One network alone: a group of one. */
  @Override
  public TrainingOutcome train(Network network, TrainingData data, TrainingOptions options) {
    return train(new Network[] {network}, data, new TrainingOptions[] {options})[0];
  }

  /**
   * Trains every network in place, all in one group, {@code options[i]} for {@code nets[i]}.
   *
   * @param nets distinct networks of one shape matching {@code data}
   * @return the outcome of {@code nets[i]} at index i
   */
  public TrainingOutcome[] train(Network[] nets, TrainingData data, TrainingOptions[] options) {
    LockstepTrainer.validate(nets, data, options);
    TrainingOutcome[] outcomes = new TrainingOutcome[nets.length];
    new Group(blas, nets, data, options, outcomes, rowsPerBlock).run();
    return outcomes;
  }

  /** One group in training: the stacked weights, one row block's activations and deltas, the epoch's gradients. */
  private static final class Group {
    private final BLAS blas;
    private final Network[] nets;
    private final TrainingOutcome[] outcomes;
    private final double[] x;
    private final double[] t;
    private final int n;
    private final int rowsPerBlock;
    private final int in;
    private final int h;
    private final int out;
    private final boolean hiddenLayer;
    private final boolean bias;

    // stacked weights, slot s's block at s * (block size); Breeze matrices, read and written through data()
    private final double[] wh;
    private final double[] bh;
    private final double[] wo;
    private final double[] bo;
    // the epoch's gradient steps, laid out as the weights: -rate dE/dW summed over the row blocks (bias: the sums of
    // the deltas, scaled by the rate at the update)
    private final double[] gwh;
    private final double[] gbh;
    private final double[] gwo;
    private final double[] gbo;
    // one row block (b rows, b <= rowsPerBlock) of the group, column-major with leading dimension b: b x k*h hidden
    // activations and their deltas (empty without hidden layer), b x k*o outputs, then deltaOut, and b x k*o squared
    // errors (summed into E by ColumnSums)
    private final double[] hidden;
    private final double[] deltaHidden;
    private final double[] outs;
    private final double[] squaredErrors;
    private final double[] columnSums;

    private final int[] netIndex;
    private final double[] rate;
    private final int[] epochs;
    private final ErrorGate[] gate;
    private final double[] sse;
    private final boolean[] leaving;
    private int active;

    Group(BLAS blas, Network[] nets, TrainingData data, TrainingOptions[] options, TrainingOutcome[] outcomes,
        int rowsPerBlock) {
      this.blas = blas;
      this.nets = nets;
      this.outcomes = outcomes;
      this.x = Matrices.data(data.x());
      this.t = Matrices.data(data.t());
      this.n = data.rows();
      this.rowsPerBlock = Math.min(n, rowsPerBlock);
      Network first = nets[0];
      this.in = first.inputs();
      this.h = first.hiddenUnits();
      this.out = first.outputs();
      this.hiddenLayer = first.shape().hasHidden();
      this.bias = first.bias();
      int k = nets.length;
      this.active = k;
      int b = this.rowsPerBlock;
      wh = Matrices.data(Matrices.zeros(in, k * h));
      bh = new double[k * h];
      wo = Matrices.data(Matrices.zeros(hiddenLayer ? h : in, k * out));
      bo = new double[k * out];
      gwh = new double[wh.length];
      gbh = new double[bh.length];
      gwo = new double[wo.length];
      gbo = new double[bo.length];
      hidden = new double[hiddenLayer ? b * k * h : 0];
      deltaHidden = new double[hiddenLayer ? b * k * h : 0];
      outs = new double[b * k * out];
      squaredErrors = new double[b * k * out];
      columnSums = new double[k * Math.max(h, out)];
      netIndex = new int[k];
      rate = new double[k];
      epochs = new int[k];
      gate = new ErrorGate[k];
      sse = new double[k];
      leaving = new boolean[k];
      for (int s = 0; s < k; s++) {
        netIndex[s] = s;
        rate[s] = options[s].learningRate();
        epochs[s] = options[s].epochs();
        gate[s] = new ErrorGate(options[s]);
        copyWeights(nets[s], s, true);
      }
    }

    void run() {
      for (int k = 0; active > 0; k++) {
        if (n == rowsPerBlock) {
          oneBlockEpoch(k);
        } else {
          blockedEpoch(k);
        }
      }
    }

    /**
     * All rows in one block: the gradients go straight into the weights (beta = 1), after the networks that stop
     * here have left with the weights their E was taken at.
     */
    private void oneBlockEpoch(int k) {
      forward(0, n);
      for (int s = active - 1; s >= 0; s--) {
        double e = 0.5 * sse[s];
        if (epochs[s] == k || !gate[s].update(k, e)) {
          outcomes[netIndex[s]] = gate[s].finish(k, e);
          retire(s);
        }
      }
      if (active > 0) {
        backward(0, n, true);
      }
    }

    /** Block by block: forward and gradients per block, then E, the networks that stop, and the others' update. */
    private void blockedEpoch(int k) {
      for (int r0 = 0; r0 < n; r0 += rowsPerBlock) {
        int b = Math.min(rowsPerBlock, n - r0);
        forward(r0, b);
        backward(r0, b, false);
      }
      for (int s = active - 1; s >= 0; s--) {
        double e = 0.5 * sse[s];
        leaving[s] = epochs[s] == k || !gate[s].update(k, e);
        if (leaving[s]) {
          outcomes[netIndex[s]] = gate[s].finish(k, e);
        } else {
          update(s);
        }
      }
      // the leavers keep the weights their last E was taken at; the others have moved on
      for (int s = active - 1; s >= 0; s--) {
        if (leaving[s]) {
          retire(s);
        }
      }
    }

    /** Rows r0 .. r0+b of every active network's outputs, their E (added to sse) and deltaOut. */
    private void forward(int r0, int b) {
      int k = active;
      if (hiddenLayer) {
        blas.dgemm("N", "N", b, k * h, in, 1.0, x, r0, n, wh, 0, in, 0.0, hidden, 0, b);
        for (int u = 0; u < k * h; u++) {
          FastSigmoid.apply(hidden, u * b, (u + 1) * b, bias ? bh[u] : 0.0);
        }
        for (int s = 0; s < k; s++) {
          blas.dgemm("N", "N", b, out, h, 1.0, hidden, s * b * h, b, wo, s * h * out, h, 0.0, outs, s * b * out, b);
        }
      } else {
        blas.dgemm("N", "N", b, k * out, in, 1.0, x, r0, n, wo, 0, in, 0.0, outs, 0, b);
      }
      for (int s = 0; s < k; s++) {
        for (int o = 0; o < out; o++) {
          int c = (s * out + o) * b;
          FastSigmoid.outputDeltas(outs, c, b, bias ? bo[s * out + o] : 0.0, t, o * n + r0, squaredErrors, c);
        }
      }
      ColumnSums.of(squaredErrors, 0, b, k * out, columnSums, 0);
      for (int s = 0; s < k; s++) {
        double e = 0.0;
        for (int o = 0; o < out; o++) {
          e += columnSums[s * out + o];
        }
        sse[s] = r0 == 0 ? e : sse[s] + e;
      }
    }

    /**
     * Rows r0 .. r0+b's share of every active network's gradients, at the weights {@link #forward} saw: added into
     * the weights themselves ({@code direct}, one block an epoch) or into the epoch's gradient matrices.
     */
    private void backward(int r0, int b, boolean direct) {
      int k = active;
      boolean firstBlock = r0 == 0 && !direct;
      double beta = firstBlock ? 0.0 : 1.0;
      double[] gOut = direct ? wo : gwo;
      if (hiddenLayer) {
        if (bias) {
          // deltaOut's column sums, before the products below read it (they do not change it)
          ColumnSums.of(outs, 0, b, k * out, columnSums, 0);
          for (int s = 0; s < k; s++) {
            for (int o = 0; o < out; o++) {
              double sum = columnSums[s * out + o];
              if (direct) {
                bo[s * out + o] -= rate[s] * sum;
              } else {
                accumulate(gbo, s * out + o, sum, firstBlock);
              }
            }
          }
        }
        for (int s = 0; s < k; s++) {
          int hs = s * b * h;
          int os = s * b * out;
          blas.dgemm("N", "T", b, h, out, 1.0, outs, os, b, wo, s * h * out, h, 0.0, deltaHidden, hs, b);
          hiddenDeltas(deltaHidden, hidden, hs, b * h, rate[s]);
          blas.dgemm("T", "N", h, out, b, -rate[s], hidden, hs, b, outs, os, b, beta, gOut, s * h * out, h);
        }
        if (bias) {
          biasStep(deltaHidden, b, k * h, bh, gbh, direct, firstBlock);
        }
        blas.dgemm("T", "N", in, k * h, b, -1.0, x, r0, n, deltaHidden, 0, b, beta, direct ? wh : gwh, 0, in);
      } else {
        for (int s = 0; s < k; s++) {
          scale(outs, s * b * out, b * out, rate[s]);
        }
        if (bias) {
          biasStep(outs, b, k * out, bo, gbo, direct, firstBlock);
        }
        blas.dgemm("T", "N", in, k * out, b, -1.0, x, r0, n, outs, 0, b, beta, gOut, 0, in);
      }
    }

    /**
     * The biases' share of a block whose deltas (already scaled by their rates) are v's first {@code columns} columns
     * of b rows: each column's sum taken from its bias ({@code direct}) or added into the epoch's gradient.
     */
    private void biasStep(double[] v, int b, int columns, double[] bias, double[] grad, boolean direct,
        boolean firstBlock) {
      ColumnSums.of(v, 0, b, columns, columnSums, 0);
      for (int c = 0; c < columns; c++) {
        if (direct) {
          bias[c] -= columnSums[c];
        } else {
          accumulate(grad, c, columnSums[c], firstBlock);
        }
      }
    }

    private static void accumulate(double[] g, int i, double v, boolean first) {
      g[i] = first ? v : g[i] + v;
    }

    /** Slot s's weights take the epoch's gradient step. */
    private void update(int s) {
      int wOut = (hiddenLayer ? h : in) * out;
      add(wo, gwo, s * wOut, wOut);
      if (hiddenLayer) {
        add(wh, gwh, s * in * h, in * h);
      }
      if (bias) {
        for (int o = 0; o < out; o++) {
          // with a hidden layer deltaOut is not scaled by the rate (deltaHidden is); without, it is
          bo[s * out + o] -= hiddenLayer ? rate[s] * gbo[s * out + o] : gbo[s * out + o];
        }
        if (hiddenLayer) {
          for (int j = 0; j < h; j++) {
            bh[s * h + j] -= gbh[s * h + j];
          }
        }
      }
    }

    private static void add(double[] w, double[] g, int from, int len) {
      for (int i = from; i < from + len; i++) {
        w[i] += g[i];
      }
    }

    /**
     * Network in slot s leaves with its current weights (its outcome is set); the slots after it move down one, so
     * the active networks stay in id order (a group continued later from saved weights is laid out as it was).
     */
    private void retire(int s) {
      copyWeights(nets[netIndex[s]], s, false);
      for (int t = s + 1; t < active; t++) {
        move(t, t - 1);
      }
      gate[--active] = null;
    }

    /** Slot {@code from}'s weights, this block's activations and bookkeeping into slot {@code to}. */
    private void move(int from, int to) {
      int wIn = hiddenLayer ? in * h : 0;
      int wOut = (hiddenLayer ? h : in) * out;
      System.arraycopy(wh, from * wIn, wh, to * wIn, wIn);
      System.arraycopy(wo, from * wOut, wo, to * wOut, wOut);
      System.arraycopy(bh, from * h, bh, to * h, hiddenLayer ? h : 0);
      System.arraycopy(bo, from * out, bo, to * out, out);
      int b = rowsPerBlock;
      if (hiddenLayer) {
        System.arraycopy(hidden, from * b * h, hidden, to * b * h, b * h);
      }
      System.arraycopy(outs, from * b * out, outs, to * b * out, b * out);
      netIndex[to] = netIndex[from];
      rate[to] = rate[from];
      epochs[to] = epochs[from];
      gate[to] = gate[from];
      sse[to] = sse[from];
      leaving[to] = leaving[from];
    }

    /** Network's matrices into slot s ({@code load}) or slot s back into the network's matrices. */
    private void copyWeights(Network net, int s, boolean load) {
      int wOut = (hiddenLayer ? h : in) * out;
      if (hiddenLayer) {
        copy(Matrices.data(net.wHidden), 0, wh, s * in * h, in * h, load);
        copy(Matrices.data(net.bHidden), 0, bh, s * h, h, load);
      }
      copy(Matrices.data(net.wOut), 0, wo, s * wOut, wOut, load);
      copy(Matrices.data(net.bOut), 0, bo, s * out, out, load);
    }

    private static void copy(double[] own, int ownFrom, double[] stacked, int stackedFrom, int length,
        boolean load) {
      if (load) {
        System.arraycopy(own, ownFrom, stacked, stackedFrom, length);
      } else {
        System.arraycopy(stacked, stackedFrom, own, ownFrom, length);
      }
    }
  }

  /** d := rate d :* a :* (1 - a) over d[from .. from+len), a at the same positions. */
  static void hiddenDeltas(double[] d, double[] a, int from, int len, double rate) {
    for (int i = from; i < from + len; i++) {
      double ai = a[i];
      d[i] = rate * d[i] * ai * (1.0 - ai);
    }
  }

  private static void scale(double[] v, int from, int len, double c) {
    for (int i = from; i < from + len; i++) {
      v[i] = c * v[i];
    }
  }
}
