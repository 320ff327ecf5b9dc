package nnsweep.nn;

import dev.ludovic.netlib.blas.BLAS;

/**
 * The BLAS that {@link GemmTrainer}'s matrix products run on: netlib's choice for this JVM (the system's native
 * {@code libblas.so.3}, e.g. OpenBLAS, when it loads; otherwise netlib's Java implementation, vectorised when the JVM
 * has {@code jdk.incubator.vector}). Spark's MLlib makes the same choice through the same library.
 */
public final class Blas {
  private Blas() {}

  /** The BLAS instance of this JVM. */
  public static BLAS get() {
    return BLAS.getInstance();
  }

  /** The implementation's short name, for run.json: {@code JNIBLAS} (native), {@code VectorBLAS}, ... */
  public static String name() {
    return get().getClass().getSimpleName();
  }

  /** Whether the native library is in use. */
  public static boolean isNative() {
    return name().equals("JNIBLAS");
  }
}
