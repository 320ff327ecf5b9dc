import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Two builds of the lockstep kernel in one JVM (a class loader each), ShapeProbe's lockstep run (32 lanes) alternating
 * between them, old first in even rounds: per round each side's network-epochs per CPU-second of this thread, and
 * the time ratio new/old; prints the medians. On a shared machine only such paired ratios mean much.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp "$(cat target/classpath.txt)" bench/PairedProbe.java \
 *   OLD_DIRS NEW_DIRS ROWS INPUTS HIDDEN OUTPUTS BIAS ROUNDS SECONDS_PER_SIDE
 * </pre>
 * OLD_DIRS, NEW_DIRS: ':'-separated class folders of each build (target/classes and target/test-classes of a
 * checkout; a folder with only the changed classes may come first).
 */
public class PairedProbe {
  static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  record Side(String name, Method run, Object model, Object data) {}

  static Side side(String name, String dirs, int rows, int in, int h, int out) throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String d : dirs.split(":")) urls.add(Path.of(d).toUri().toURL());
    ClassLoader cl = new URLClassLoader(urls.toArray(URL[]::new), PairedProbe.class.getClassLoader());
    Class<?> probe = cl.loadClass("nnsweep.bench.ShapeProbe");
    Class<?> modelC = cl.loadClass("nnsweep.nn.Model");
    Class<?> dataC = cl.loadClass("nnsweep.nn.TrainingData");
    Method run = probe.getDeclaredMethod("run", String.class, modelC, boolean.class, int.class, int.class, int.class,
        dataC, double.class, int.class);
    run.setAccessible(true);
    SplittableRandom random = new SplittableRandom(42);
    double[][] x = new double[rows][in];
    double[][] t = new double[rows][out];
    for (int i = 0; i < rows; i++) {
      for (int q = 0; q < in; q++) x[i][q] = random.nextDouble();
      t[i][random.nextInt(out)] = 1;
    }
    Object data = dataC.getMethod("of", double[][].class, double[][].class).invoke(null, x, t);
    Object model = modelC.getField(h == 0 ? "NONE" : "HIDDEN").get(null);
    return new Side(name, run, model, data);
  }

  static double measure(Side s, boolean bias, int in, int h, int out, double seconds, int seed) throws Exception {
    long start = CPU.getCurrentThreadCpuTime();
    long ne = 0;
    while (CPU.getCurrentThreadCpuTime() - start < seconds * 1e9) {
      ne += (long) s.run.invoke(null, "lockstep", s.model, bias, in, h, out, s.data, 0.01, seed);
    }
    return ne / ((CPU.getCurrentThreadCpuTime() - start) / 1e9);
  }

  public static void main(String[] a) throws Exception {
    int rows = Integer.parseInt(a[2]), in = Integer.parseInt(a[3]), h = Integer.parseInt(a[4]),
        out = Integer.parseInt(a[5]);
    boolean bias = Boolean.parseBoolean(a[6]);
    int rounds = Integer.parseInt(a[7]);
    double seconds = Double.parseDouble(a[8]);
    Side oldS = side("old", a[0], rows, in, h, out);
    Side newS = side("new", a[1], rows, in, h, out);
    // warm-up: both sides
    for (int w = 0; w < 2; w++) {
      measure(oldS, bias, in, h, out, seconds, 0);
      measure(newS, bias, in, h, out, seconds, 0);
    }
    double[] ratio = new double[rounds];
    double[] o = new double[rounds];
    double[] n = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      boolean oldFirst = r % 2 == 0;
      if (oldFirst) {
        o[r] = measure(oldS, bias, in, h, out, seconds, r);
        n[r] = measure(newS, bias, in, h, out, seconds, r);
      } else {
        n[r] = measure(newS, bias, in, h, out, seconds, r);
        o[r] = measure(oldS, bias, in, h, out, seconds, r);
      }
      ratio[r] = o[r] / n[r]; // time ratio new/old = rate old / rate new
    }
    System.out.printf(Locale.ROOT, "%d-%d-%d x %d bias=%s rounds=%d: old median %.4g, new median %.4g ne/CPU-s;"
        + " time ratio new/old median %.3f (min %.3f, max %.3f)%n", in, h, out, rows, bias, rounds, median(o),
        median(n), median(ratio), Arrays.stream(ratio).min().orElseThrow(), Arrays.stream(ratio).max().orElseThrow());
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
