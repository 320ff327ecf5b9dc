package nnsweep.nn;

/**
 * Which training kernel a shape gets, how many networks it trains together, and what an epoch costs: a cost model
 * fitted to each kernel's measured speed (bench/shapes.sh, docs/benchmarks.md), so the choice is made by estimated
 * time, the same on every machine (a network's numbers depend on its kernel, so the choice must not depend on where
 * it runs).
 */
public enum Kernel {
  /**
   * {@link LockstepTrainer}: up to {@link LockstepTrainer#DEFAULT_LANES} networks in SIMD lanes, one row at a time;
   * wins on truth tables and other tiny datasets, where an epoch is a few hundred multiply-adds.
   */
  LOCKSTEP,
  /**
   * {@link GemmTrainer}: a group's products through BLAS level 3; wins once rows times layer widths are large enough
   * for a matrix product to pay for its set-up.
   */
  GEMM;

  /**
   * Lockstep speed in cost units ({@link #lockstepUnits}) per second on one core: fitted to measured network-epochs
   * per second of CPU time.
   */
  public static final double LOCKSTEP_UNITS_PER_SECOND = 3.4e9;
  /** What one sigmoid unit costs the lockstep kernel, in parameters' multiply-adds (its SIMD sigmoid included). */
  static final double LOCKSTEP_UNITS_PER_SIGMOID = 6.75;
  /**
   * Matrix-product speed with native OpenBLAS on its AVX-512 kernels, the BLAS {@code submit.sh} gives the job, flops
   * per second (in groups of four networks: the products are thin, below a large square product's peak).
   */
  static final double GEMM_FLOPS_PER_SECOND = 71e9;
  /** Seconds per sigmoid unit and row: the element-wise passes (sigmoid, deltas, sums) and their memory traffic. */
  static final double GEMM_SECONDS_PER_UNIT_ROW = 1.8e-9;
  /** Seconds per network-epoch of fixed cost: a few small BLAS calls and the bookkeeping. */
  static final double GEMM_SECONDS_PER_EPOCH = 0.67e-6;
  /** Columns of the group's widest product that keep a BLAS kernel busy without spilling the cache. */
  static final int GEMM_COLUMNS = 128;
  /**
   * Most networks in a matrix-product group. Unlike the lockstep's lanes this decides numbers (a group's products
   * run together), so it is fixed: the value the grids of every earlier run were grouped with.
   */
  static final int GEMM_MAX_GROUP = 32;

  /** The kernel of networks of {@code shape} trained on {@code rows} rows: the one with the lower estimated time. */
  public static Kernel of(Shape shape, int rows) {
    return GEMM.seconds(shape, rows) < LOCKSTEP.seconds(shape, rows) ? GEMM : LOCKSTEP;
  }

  /** Estimated seconds of one core per network-epoch with this kernel. */
  public double seconds(Shape shape, int rows) {
    if (this == LOCKSTEP) {
      return lockstepUnits(shape, rows) / LOCKSTEP_UNITS_PER_SECOND;
    }
    return shape.productFlops(rows) / GEMM_FLOPS_PER_SECOND
        + (double) rows * shape.units() * GEMM_SECONDS_PER_UNIT_ROW + GEMM_SECONDS_PER_EPOCH;
  }

  /**
   * Estimated cost of one network-epoch with this kernel, in the lockstep kernel's cost units ({@link
   * #lockstepUnits}), so that tasks mixing both kernels can be balanced on one scale.
   */
  public double costUnits(Shape shape, int rows) {
    return this == LOCKSTEP ? lockstepUnits(shape, rows) : seconds(shape, rows) * LOCKSTEP_UNITS_PER_SECOND;
  }

  /**
   * The lockstep kernel's work per network-epoch: rows x (parameters + {@value #LOCKSTEP_UNITS_PER_SIGMOID} x sigmoid
   * units).
   */
  static double lockstepUnits(Shape shape, int rows) {
    return (double) rows * (shape.parameterCount() + LOCKSTEP_UNITS_PER_SIGMOID * shape.units());
  }

  /**
   * Most networks this kernel trains together: the lockstep's lanes, or for products enough networks side by side
   * that the group's widest product has about {@link #GEMM_COLUMNS} columns.
   */
  public int groupSize(Shape shape) {
    if (this == LOCKSTEP) {
      return LockstepTrainer.DEFAULT_LANES;
    }
    return Math.max(1, Math.min(GEMM_MAX_GROUP, Math.round(GEMM_COLUMNS / (float) shape.firstLayerWidth())));
  }

  /**
   * Trains {@code nets} (of one shape) together with this kernel; a lone lockstep network with {@link FusedTrainer},
   * which gives it the lockstep's bits without the lanes' overhead.
   */
  public TrainingOutcome[] train(Network[] nets, TrainingData data, TrainingOptions[] options) {
    if (this == GEMM) {
      return new GemmTrainer().train(nets, data, options);
    }
    return nets.length == 1 ? new TrainingOutcome[] {Trainer.fast().train(nets[0], data, options[0])}
        : new LockstepTrainer().train(nets, data, options);
  }
}
