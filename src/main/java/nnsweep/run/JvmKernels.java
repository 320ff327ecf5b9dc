package nnsweep.run;

import nnsweep.nn.Blas;
import nnsweep.nn.FastSigmoid;

/** What this JVM trains matrix-product groups with, for run.json: its BLAS, and the sigmoid's SIMD lanes or not. */
public final class JvmKernels {
  private JvmKernels() {}

  /** E.g. {@code JNIBLAS} (native), {@code VectorBLAS} or {@code Java8BLAS}, with " (scalar sigmoid)" when so. */
  public static String describe() {
    return Blas.name() + (FastSigmoid.vectorised() ? "" : " (scalar sigmoid)");
  }
}
