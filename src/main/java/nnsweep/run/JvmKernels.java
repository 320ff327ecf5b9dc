package nnsweep.run;

import nnsweep.nn.Blas;
import nnsweep.nn.FastSigmoid;

/** What this JVM trains matrix-product groups with, for run.json: its BLAS, and the sigmoid's SIMD lanes or not. */
public final class JvmKernels {
  private JvmKernels() {}

  /**
   * E.g. {@code JNIBLAS} (native), {@code VectorBLAS} or {@code Java8BLAS}; a native BLAS with the OpenBLAS core type
   * this JVM was started with ({@code JNIBLAS SkylakeX}: the kernels, and so the last bits, of its products), and
   * " (scalar sigmoid)" when so.
   */
  public static String describe() {
    String coreType = System.getenv("OPENBLAS_CORETYPE");
    return Blas.name() + (Blas.isNative() && coreType != null && !coreType.isBlank() ? " " + coreType.strip() : "")
        + (FastSigmoid.vectorised() ? "" : " (scalar sigmoid)");
  }
}
