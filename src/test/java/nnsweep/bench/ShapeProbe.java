package nnsweep.bench;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import java.util.Locale;
import java.util.SplittableRandom;
import nnsweep.nn.Blas;
import nnsweep.nn.FusedTrainer;
import nnsweep.nn.GemmTrainer;
import nnsweep.nn.Init;
import nnsweep.nn.Shape;
import nnsweep.nn.LockstepTrainer;
import nnsweep.nn.Model;
import nnsweep.nn.Network;
import nnsweep.nn.TrainingData;
import nnsweep.nn.TrainingOptions;

/**
 * Network-epochs per second of CPU time of each kernel on one shape, one thread: what the kernel choice's cost model is fitted to.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp target/test-classes:target/classes:$(cat target/classpath.txt) \
 *   nnsweep.bench.ShapeProbe ROWS INPUTS HIDDEN OUTPUTS BIAS SECONDS [kernels...]
 * </pre>
 * kernels: nnsweep (the kernel and group size the job picks for the shape), sigmoid (FastSigmoid alone, sigmoids per
 * CPU-second, the copy of its input included), fused, lockstep, lockstep-K (K lanes), gemm-java-K,
 * gemm-native-K (K networks per group; native: this JVM's BLAS). Prints one TSV line per kernel: rows, inputs,
 * hidden, outputs, bias, kernel, network-epochs per CPU-second.
 */
public final class ShapeProbe {
  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private ShapeProbe() {}

  public static void main(String[] args) {
    int rows = Integer.parseInt(args[0]);
    int in = Integer.parseInt(args[1]);
    int h = Integer.parseInt(args[2]);
    int out = Integer.parseInt(args[3]);
    boolean bias = Boolean.parseBoolean(args[4]);
    double seconds = Double.parseDouble(args[5]);
    SplittableRandom random = new SplittableRandom(42);
    double[][] x = new double[rows][in];
    double[][] t = new double[rows][out];
    for (int i = 0; i < rows; i++) {
      for (int q = 0; q < in; q++) {
        x[i][q] = random.nextDouble();
      }
      t[i][random.nextInt(out)] = 1;
    }
    TrainingData data = TrainingData.of(x, t);
    Model model = h == 0 ? Model.NONE : Model.HIDDEN;
    for (int a = 6; a < args.length; a++) {
      String kernel = args[a];
      if (kernel.equals("model")) {
        // the cost model's estimates (nn/Kernel), for comparison with the measured lines
        nnsweep.nn.Shape shape = new nnsweep.nn.Shape(model, in, h, out, bias);
        for (nnsweep.nn.Kernel k : nnsweep.nn.Kernel.values()) {
          System.out.printf(Locale.ROOT, "%d\t%d\t%d\t%d\t%s\tmodel-%s\t%.1f%n", rows, in, h, out, bias,
              k.name().toLowerCase(Locale.ROOT), 1 / k.seconds(shape, rows));
        }
        System.out.printf(Locale.ROOT, "%d\t%d\t%d\t%d\t%s\tchoice\t%s%n", rows, in, h, out, bias,
            nnsweep.nn.Kernel.of(shape, rows));
        continue;
      }
      if (kernel.equals("sigmoid")) {
        // the sigmoid alone, as the matrix-product kernel runs it (FastSigmoid over one unit's block of rows):
        // sigmoids per CPU-second, for the sweep's bound on what fraction of the dgemm peak a shape can reach
        System.out.printf(Locale.ROOT, "%d\t%d\t%d\t%d\t%s\tsigmoid\t%.1f%n", rows, in, h, out, bias,
            sigmoidsPerSecond(seconds));
        continue;
      }
      double rate = 0.01;
      // warm up, then time for about `seconds`
      double best = 0;
      for (int round = 0; round < 4; round++) {
        double budget = round == 0 ? Math.max(1.0, seconds / 2) : seconds;
        // this thread's CPU time, not wall time: the machine may be shared
        long start = CPU.getCurrentThreadCpuTime();
        long networkEpochs = 0;
        while (CPU.getCurrentThreadCpuTime() - start < budget * 1e9) {
          networkEpochs += run(kernel, model, bias, in, h, out, data, rate, round);
        }
        double rate2 = networkEpochs / ((CPU.getCurrentThreadCpuTime() - start) / 1e9);
        if (round > 0) {
          best = Math.max(best, rate2);
        }
      }
      System.out.printf(Locale.ROOT, "%d\t%d\t%d\t%d\t%s\t%s\t%.1f%n", rows, in, h, out, bias, kernel, best);
    }
  }

  /** FastSigmoid over blocks of GemmTrainer.ROWS_PER_BLOCK values in [-6, 6]: the best of 3 timed rounds. */
  private static double sigmoidsPerSecond(double seconds) {
    int b = nnsweep.nn.GemmTrainer.ROWS_PER_BLOCK;
    SplittableRandom random = new SplittableRandom(3);
    double[] z = new double[64 * b];
    for (int i = 0; i < z.length; i++) {
      z[i] = random.nextDouble(-6, 6);
    }
    double[] work = new double[z.length];
    double best = 0;
    for (int round = 0; round < 4; round++) {
      long start = CPU.getCurrentThreadCpuTime();
      long count = 0;
      while (CPU.getCurrentThreadCpuTime() - start < Math.max(0.5, seconds / 2) * 1e9) {
        System.arraycopy(z, 0, work, 0, z.length);
        for (int u = 0; u < 64; u++) {
          nnsweep.nn.FastSigmoid.apply(work, u * b, (u + 1) * b, 0.25);
        }
        count += z.length;
      }
      double rate = count / ((CPU.getCurrentThreadCpuTime() - start) / 1e9);
      if (round > 0) {
        best = Math.max(best, rate);
      }
    }
    return best;
  }

  private static long run(String kernel, Model model, boolean bias, int in, int h, int out, TrainingData data,
      double rate, int seed) {
    // enough epochs a call that setting up the group (networks, copies, buffers) is not what is timed: on the
    // tutorial's 4 rows, 20 epochs a call timed that set-up as much as the kernel (the job trains thousands of epochs
    // a call, the peers scan over theirs)
    int epochs = Math.max(20, 200_000 / data.rows());
    if (kernel.equals("nnsweep")) {
      nnsweep.nn.Shape shape = new nnsweep.nn.Shape(model, in, h, out, bias);
      nnsweep.nn.Kernel chosen = nnsweep.nn.Kernel.of(shape, data.rows());
      kernel = (chosen == nnsweep.nn.Kernel.LOCKSTEP ? "lockstep" : "gemm-native-" + chosen.groupSize(shape));
    }
    int k;
    if (kernel.equals("fused")) {
      k = 1;
    } else if (kernel.equals("lockstep")) {
      k = LockstepTrainer.DEFAULT_LANES;
    } else if (kernel.startsWith("lockstep-")) {
      k = Integer.parseInt(kernel.substring("lockstep-".length()));
    } else {
      k = Integer.parseInt(kernel.substring(kernel.lastIndexOf('-') + 1));
    }
    Network[] nets = new Network[k];
    TrainingOptions[] options = new TrainingOptions[k];
    for (int i = 0; i < k; i++) {
      nets[i] = new Network(Init.uniform(new Shape(model, in, h, out, bias), seed * 1000L + i));
      options[i] = TrainingOptions.of(rate, epochs);
    }
    if (kernel.equals("fused")) {
      new FusedTrainer().train(nets[0], data, options[0]);
    } else if (kernel.startsWith("lockstep")) {
      new LockstepTrainer(k).train(nets, data, options);
    } else {
      BLAS blas = kernel.startsWith("gemm-java") ? JavaBLAS.getInstance() : Blas.get();
      // -Dnnsweep.bench.rows-per-block=N: another row block than the job's (for measuring the choice)
      new GemmTrainer(blas, Integer.getInteger("nnsweep.bench.rows-per-block", GemmTrainer.ROWS_PER_BLOCK))
          .train(nets, data, options);
    }
    return (long) k * epochs;
  }
}
