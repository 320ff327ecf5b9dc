package nnsweep.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import nnsweep.nn.BreezeTrainer;
import nnsweep.nn.FusedTrainer;
import nnsweep.nn.Init;
import nnsweep.nn.Shape;
import nnsweep.nn.LockstepTrainer;
import nnsweep.nn.Model;
import nnsweep.nn.Network;
import nnsweep.nn.OriginalFusedTrainer;
import nnsweep.nn.Trainer;
import nnsweep.nn.TrainingData;
import nnsweep.nn.TrainingOptions;
import nnsweep.nn.TrainingOutcome;
import nnsweep.nn.Weights;

/**
 * The kernel benchmark behind {@code bench/kernel.sh}: epochs per second of the Java trainers, the tutorial-style
 * NumPy loop and a C scalar kernel on the same networks, measured in the same run.
 *
 * <p>Method: every implementation trains the same network from the same initial weights. Each round runs every
 * implementation once, one after the other (so a burst of load on the machine hits all of them, not one); the
 * reported speed is the median over the rounds, and every ratio is a ratio of those medians. The Java trainers run on
 * this thread (one core), after untimed warm-up runs that let the JIT compile them; the timed section is the
 * {@code train} call alone. C and NumPy run as single-threaded child processes (BLAS threads pinned to 1) that time
 * their own training loop and print the time and E. Every run's E is checked against {@link FusedTrainer}'s E after
 * the same number of epochs, so a fast but wrong kernel cannot go unnoticed; the lockstep run's lane 0 is the
 * benchmark network itself and must match {@link FusedTrainer} bit for bit.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/classpath.txt) nnsweep.bench.KernelBench \
 *   --work DIR --c-generic BIN --c-fixed or=BIN --c-fixed wide=BIN --numpy bench/numpy_tutorial.py \
 *   [--python python3] [--rounds 7] [--lanes 8,16,32] [--markdown docs/benchmarks.md] [--command TEXT] [--quick]
 * </pre>
 */
public final class KernelBench {
  private static final String START = "<!-- kernel-benchmark:start -->";
  private static final String END = "<!-- kernel-benchmark:end -->";

  private KernelBench() {}

  /** A benchmark network: data, initial weights, rate, and how many epochs each implementation runs per timing. */
  record Problem(String name, String title, Model model, boolean bias, double[][] x, double[][] t, Weights start,
      double rate, Map<String, Integer> epochs) {
    TrainingData data() {
      return TrainingData.of(x, t);
    }

    int epochsFor(String implementation) {
      return epochs.get(implementation);
    }
  }

  /** One implementation's timed runs on one problem. */
  static final class Result {
    final String implementation;
    final int epochs;
    final int networks;
    final List<Double> seconds = new ArrayList<>();
    double finalError = Double.NaN;
    String check = "";

    Result(String implementation, int epochs, int networks) {
      this.implementation = implementation;
      this.epochs = epochs;
      this.networks = networks;
    }

    /** Network-epochs per second of each run, sorted. */
    double[] rates() {
      return seconds.stream().mapToDouble(s -> (double) epochs * networks / s).sorted().toArray();
    }

    double median() {
      return KernelBench.median(rates());
    }
  }

  static final String NUMPY = "numpy";
  static final String C_GENERIC = "c-generic";
  static final String C_FIXED = "c-fixed";
  static final String BREEZE = "breeze";
  static final String FUSED = "fused";
  static final String ORIGINAL = "original";
  static final String LOCKSTEP = "lockstep";

  public static void main(String[] args) throws Exception {
    Map<String, List<String>> opts = parse(args);
    Path work = Path.of(single(opts, "--work", null));
    String cGeneric = single(opts, "--c-generic", null);
    Map<String, String> cFixed = new LinkedHashMap<>();
    for (String v : opts.getOrDefault("--c-fixed", List.of())) {
      String[] kv = v.split("=", 2);
      cFixed.put(kv[0], kv[1]);
    }
    String numpy = single(opts, "--numpy", null);
    String python = single(opts, "--python", "python3");
    boolean quick = opts.containsKey("--quick");
    int rounds = Integer.parseInt(single(opts, "--rounds", quick ? "3" : "7"));
    int[] lanes = Arrays.stream(single(opts, "--lanes", "8,16,32").split(",")).mapToInt(Integer::parseInt).toArray();
    String markdown = opts.containsKey("--markdown") ? single(opts, "--markdown", null) : null;
    String command = single(opts, "--command", "bench/kernel.sh");
    Files.createDirectories(work);

    List<Problem> problems = List.of(tutorialOr(quick), wide(quick));
    String loadBefore = loadAverage();
    long started = System.nanoTime();
    Map<Problem, List<Result>> all = new LinkedHashMap<>();
    Map<Problem, List<Double>> loads = new LinkedHashMap<>();
    for (Problem p : problems) {
      Path file = work.resolve(p.name() + ".problem");
      writeProblem(p, file);
      loads.put(p, new ArrayList<>());
      all.put(p, run(p, file, cGeneric, cFixed.get(p.name()), python, numpy, rounds, lanes, quick, loads.get(p)));
    }
    double minutes = (System.nanoTime() - started) / 60e9;
    String loadAfter = loadAverage();

    StringBuilder md = new StringBuilder();
    md.append(START).append('\n');
    md.append(report(all, loads, rounds, command, loadBefore, loadAfter, minutes, python));
    md.append(END).append('\n');
    System.out.println();
    System.out.println(md.toString().replace(START + "\n", "").replace(END + "\n", ""));
    if (markdown != null) {
      writeSection(Path.of(markdown), md.toString());
      System.out.println("written to " + markdown);
    }
  }

  // ---- the networks ----

  /** The tutorial's OR network: 2-3-1, no bias, its fixed initial weights, rate 0.05, 200,000 epochs. */
  static Problem tutorialOr(boolean quick) {
    double[][] x = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    double[][] t = {{0}, {1}, {1}, {1}};
    Weights w = new Weights(Model.HIDDEN, false, new double[][] {{0.1, 0.2, 0.3}, {0.4, 0.5, 0.6}}, new double[3],
        new double[][] {{0.7}, {0.8}, {0.9}}, new double[1]);
    int full = quick ? 20_000 : 200_000;
    Map<String, Integer> epochs = Map.of(NUMPY, full / 10, C_GENERIC, full, C_FIXED, full, BREEZE, full / 4,
        ORIGINAL, full, FUSED, full, LOCKSTEP, full);
    return new Problem("or", "tutorial OR network: 2-3-1, no bias, 4 rows, rate 0.05", Model.HIDDEN, false, x, t, w,
        0.05, epochs);
  }

  /**
   * A larger network: 8-16-4 with bias on 256 rows (inputs uniform in [0, 1), target o = 1 when input o exceeds
   * input o + 4), initial weights the sweep's uniform [0, 1) draw, rate 0.01 (at 0.05 this network passes a stretch
   * where last-bit differences grow to percent, which would blur the check of E across implementations).
   */
  static Problem wide(boolean quick) {
    SplittableRandom r = new SplittableRandom(2024);
    double[][] x = new double[256][8];
    double[][] t = new double[256][4];
    for (int i = 0; i < 256; i++) {
      for (int q = 0; q < 8; q++) {
        x[i][q] = r.nextDouble();
      }
      for (int o = 0; o < 4; o++) {
        t[i][o] = x[i][o] > x[i][o + 4] ? 1 : 0;
      }
    }
    Weights w = Init.uniform(new Shape(Model.HIDDEN, 8, 16, 4, true), 7);
    int d = quick ? 10 : 1;
    // LOCKSTEP: network-epochs per lockstep run, shared among the lanes
    Map<String, Integer> epochs = Map.of(NUMPY, 1_000 / d, C_GENERIC, 2_000 / d, C_FIXED, 2_000 / d, BREEZE, 200 / d,
        ORIGINAL, 2_000 / d, FUSED, 4_000 / d, LOCKSTEP, 16_000 / d);
    return new Problem("wide", "8-16-4 with bias, 256 rows, rate 0.01", Model.HIDDEN, true, x, t, w, 0.01, epochs);
  }

  /** Epochs per lockstep run: the tutorial's 200,000 for OR; for the larger network a budget shared by the lanes. */
  static int lockstepEpochs(Problem p, int lanes) {
    return p.name().equals("or") ? p.epochsFor(LOCKSTEP) : Math.max(1, p.epochsFor(LOCKSTEP) / lanes);
  }

  // ---- running ----

  private static List<Result> run(Problem p, Path file, String cGeneric, String cFixed, String python, String numpy,
      int rounds, int[] laneCounts, boolean quick, List<Double> loads) throws Exception {
    TrainingData data = p.data();
    Map<Integer, TrainingOutcome> reference = new LinkedHashMap<>();
    Map<Integer, Weights> referenceWeights = new LinkedHashMap<>();
    List<Integer> epochCounts = new ArrayList<>();
    for (String impl : List.of(NUMPY, C_GENERIC, C_FIXED, BREEZE, ORIGINAL, FUSED)) {
      epochCounts.add(p.epochsFor(impl));
    }
    for (int lanes : laneCounts) {
      epochCounts.add(lockstepEpochs(p, lanes));
    }
    for (int e : epochCounts) {
      if (!reference.containsKey(e)) {
        Network net = new Network(p.start());
        reference.put(e, new FusedTrainer().train(net, data, TrainingOptions.of(p.rate(), e)));
        referenceWeights.put(e, net.weights());
      }
    }
    int maxLanes = Arrays.stream(laneCounts).max().orElse(1);
    Weights[] laneWeights = new Weights[maxLanes];
    laneWeights[0] = p.start();
    for (int l = 1; l < maxLanes; l++) {
      laneWeights[l] = Init.uniform(p.start().shape(), 1000 + l);
    }

    List<Result> results = new ArrayList<>();
    Result rNumpy = new Result("NumPy, the tutorial's style", p.epochsFor(NUMPY), 1);
    Result rCGeneric = new Result("C scalar kernel, shape read at run time", p.epochsFor(C_GENERIC), 1);
    Result rCFixed = new Result("C scalar kernel, shape fixed at compile time", p.epochsFor(C_FIXED), 1);
    Result rBreeze = new Result("Java BreezeTrainer (idiomatic Breeze)", p.epochsFor(BREEZE), 1);
    Result rOriginal = new Result("Java FusedTrainer before this work (per-row loops)", p.epochsFor(ORIGINAL), 1);
    Result rFused = new Result("Java FusedTrainer", p.epochsFor(FUSED), 1);
    List<Result> lockstep = new ArrayList<>();
    for (int lanes : laneCounts) {
      lockstep.add(new Result("Java LockstepTrainer, " + lanes + " networks in lockstep (per network)",
          lockstepEpochs(p, lanes), lanes));
    }
    results.addAll(List.of(rNumpy, rCGeneric, rCFixed, rBreeze, rOriginal, rFused));
    results.addAll(lockstep);

    // warm-up: untimed runs until the JIT has compiled the trainers (the first runs also check the results)
    int warmups = quick ? 2 : 5;
    System.out.printf(Locale.ROOT, "%s: warming up the Java trainers (%d runs each)%n", p.name(), warmups);
    for (int w = 0; w < warmups; w++) {
      javaRun(rBreeze, new BreezeTrainer(), p, data, reference, null);
      javaRun(rOriginal, new OriginalFusedTrainer(), p, data, reference, referenceWeights);
      javaRun(rFused, new FusedTrainer(), p, data, reference, referenceWeights);
      for (Result r : lockstep) {
        lockstepRun(r, p, data, laneWeights, reference, referenceWeights);
      }
    }
    rBreeze.seconds.clear();
    rOriginal.seconds.clear();
    rFused.seconds.clear();
    for (Result r : lockstep) {
      r.seconds.clear();
    }
    for (int round = 0; round < rounds; round++) {
      processRun(rCGeneric, List.of(cGeneric, file.toString(), "" + rCGeneric.epochs, "1"), reference);
      if (cFixed != null) {
        processRun(rCFixed, List.of(cFixed, file.toString(), "" + rCFixed.epochs, "1"), reference);
      }
      processRun(rNumpy, List.of(python, numpy, file.toString(), "" + rNumpy.epochs, "1"), reference);
      javaRun(rBreeze, new BreezeTrainer(), p, data, reference, null);
      javaRun(rOriginal, new OriginalFusedTrainer(), p, data, reference, referenceWeights);
      javaRun(rFused, new FusedTrainer(), p, data, reference, referenceWeights);
      for (Result r : lockstep) {
        lockstepRun(r, p, data, laneWeights, reference, referenceWeights);
      }
      loads.add(oneMinuteLoad());
      System.out.printf(Locale.ROOT, "%s: round %d/%d, load %s%n", p.name(), round + 1, rounds, loadAverage());
    }
    if (cFixed == null) {
      results.remove(rCFixed);
    }
    return results;
  }

  private static void javaRun(Result r, Trainer trainer, Problem p, TrainingData data,
      Map<Integer, TrainingOutcome> reference, Map<Integer, Weights> referenceWeights) {
    Network net = new Network(p.start());
    TrainingOptions options = TrainingOptions.of(p.rate(), r.epochs);
    long t0 = System.nanoTime();
    TrainingOutcome outcome = trainer.train(net, data, options);
    long t1 = System.nanoTime();
    r.seconds.add((t1 - t0) / 1e9);
    r.finalError = outcome.finalError();
    TrainingOutcome ref = reference.get(r.epochs);
    if (referenceWeights != null) {
      // FusedTrainer and its former self: bit for bit the reference, every run
      boolean same = outcome.equals(ref) && net.weights().equals(referenceWeights.get(r.epochs));
      if (!same) {
        throw new IllegalStateException(r.implementation + " differs from FusedTrainer");
      }
      r.check = trainer instanceof FusedTrainer ? "reference" : "bit-identical";
    } else {
      r.check = relative(r.finalError, ref.finalError());
    }
  }

  private static void lockstepRun(Result r, Problem p, TrainingData data, Weights[] laneWeights,
      Map<Integer, TrainingOutcome> reference, Map<Integer, Weights> referenceWeights) {
    Network[] nets = new Network[r.networks];
    TrainingOptions[] options = new TrainingOptions[nets.length];
    for (int l = 0; l < nets.length; l++) {
      nets[l] = new Network(laneWeights[l]);
      options[l] = TrainingOptions.of(p.rate(), r.epochs);
    }
    long t0 = System.nanoTime();
    TrainingOutcome[] outcomes = new LockstepTrainer(nets.length).train(nets, data, options);
    long t1 = System.nanoTime();
    r.seconds.add((t1 - t0) / 1e9);
    r.finalError = outcomes[0].finalError();
    boolean same = outcomes[0].equals(reference.get(r.epochs))
        && nets[0].weights().equals(referenceWeights.get(r.epochs));
    if (!same) {
      throw new IllegalStateException("LockstepTrainer lane 0 differs from FusedTrainer on " + p.name());
    }
    r.check = "bit-identical (lane 0)";
  }

  private static void processRun(Result r, List<String> command, Map<Integer, TrainingOutcome> reference)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("OPENBLAS_NUM_THREADS", "1");
    pb.environment().put("OMP_NUM_THREADS", "1");
    pb.environment().put("MKL_NUM_THREADS", "1");
    pb.redirectErrorStream(true);
    Process process = pb.start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        lines.add(line);
      }
    }
    int status = process.waitFor();
    boolean parsed = false;
    for (String line : lines) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 4 && f[0].equals("run")) {
        r.seconds.add(Double.parseDouble(f[1]));
        r.finalError = Double.parseDouble(f[2]);
        r.check = relative(r.finalError, reference.get(r.epochs).finalError());
        parsed = true;
      }
    }
    if (status != 0 || !parsed) {
      throw new IllegalStateException(String.join(" ", command) + " failed (exit " + status + "):\n"
          + String.join("\n", lines));
    }
  }

  // ---- the problem file read by kernel.c and numpy_tutorial.py ----

  static void writeProblem(Problem p, Path file) throws IOException {
    Weights w = p.start();
    StringBuilder s = new StringBuilder();
    s.append("model ").append(p.model() == Model.HIDDEN ? "hidden" : "none").append('\n');
    s.append("bias ").append(p.bias() ? 1 : 0).append('\n');
    s.append("rows ").append(p.x().length).append('\n');
    s.append("inputs ").append(w.inputs()).append('\n');
    s.append("hidden ").append(w.hiddenUnits()).append('\n');
    s.append("outputs ").append(w.outputs()).append('\n');
    s.append("rate ").append(exact(p.rate())).append('\n');
    line(s, "x", p.x());
    line(s, "t", p.t());
    line(s, "wh", w.hidden());
    line(s, "bh", new double[][] {w.hiddenBias()});
    line(s, "wo", w.output());
    line(s, "bo", new double[][] {w.outputBias()});
    Files.writeString(file, s.toString());
  }

  private static void line(StringBuilder s, String key, double[][] rows) {
    s.append(key);
    for (double[] row : rows) {
      for (double v : row) {
        s.append(' ').append(exact(v));
      }
    }
    s.append('\n');
  }

  /** A decimal that reads back as exactly this double (Java's shortest round-trip form). */
  private static String exact(double v) {
    return Double.toString(v);
  }

  // ---- the report ----

  private static String report(Map<Problem, List<Result>> all, Map<Problem, List<Double>> loads, int rounds,
      String command, String loadBefore, String loadAfter, double minutes, String python) {
    StringBuilder s = new StringBuilder();
    s.append("## Kernel benchmark\n\n");
    s.append("Epochs per second of one network's full-batch training, single-threaded, on the tutorial's OR network ")
        .append("and on a larger 8-16-4 network, for the Java trainers, the tutorial-style NumPy loop and a C scalar ")
        .append("kernel, all measured in the same run.\n\n");
    s.append("Command (from the project root):\n\n```\n").append(command).append("\n```\n\n");
    s.append("Measured ").append(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")))
        .append(" in ").append(String.format(Locale.ROOT, "%.1f", minutes)).append(" minutes.\n\n");
    s.append("| machine | |\n|---|---|\n");
    s.append("| cores (nproc) | ").append(Runtime.getRuntime().availableProcessors()).append(" |\n");
    s.append("| CPU (/proc/cpuinfo) | ").append(cpuModel()).append(" |\n");
    s.append("| Java (java -version) | ").append(javaVersion()).append(" |\n");
    s.append("| C compiler | ").append(firstLine(List.of("gcc", "--version"))).append(" |\n");
    s.append("| NumPy | ").append(firstLine(List.of(python, "-c",
        "import sys, numpy; print('Python', sys.version.split()[0], '/ NumPy', numpy.__version__)"))).append(" |\n");
    s.append("| load average (1, 5, 15 min) | before: ").append(loadBefore).append("; after: ").append(loadAfter)
        .append(" (the benchmark itself adds about 1) |\n\n");
    for (Map.Entry<Problem, List<Result>> e : all.entrySet()) {
      Problem p = e.getKey();
      List<Result> results = e.getValue();
      double c = medianOf(results, "C scalar kernel, shape fixed");
      double numpy = medianOf(results, "NumPy");
      s.append("### ").append(p.title()).append("\n\n");
      List<Double> l = loads.get(p);
      if (!l.isEmpty()) {
        s.append(String.format(Locale.ROOT, "1-minute load average during the rounds: %.2f - %.2f.%n%n",
            l.stream().mapToDouble(Double::doubleValue).min().orElse(0),
            l.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
      }
      s.append("| implementation | epochs per run | epochs/s, median of ").append(rounds)
          .append(" (min - max) | x C (fixed shape) | x NumPy | E after training | check vs FusedTrainer |\n");
      s.append("|---|---:|---:|---:|---:|---:|---|\n");
      for (Result r : results) {
        double[] rates = r.rates();
        s.append("| ").append(r.implementation).append(" | ").append(String.format(Locale.ROOT, "%,d", r.epochs))
            .append(r.networks > 1 ? " x " + r.networks + " networks" : "").append(" | ")
            .append(rate(r.median())).append(" (").append(rate(rates[0])).append(" - ")
            .append(rate(rates[rates.length - 1])).append(") | ")
            .append(ratio(r.median() / c)).append(" | ").append(ratio(r.median() / numpy)).append(" | ")
            .append(String.format(Locale.ROOT, "%.10g", r.finalError)).append(" | ").append(r.check).append(" |\n");
      }
      s.append('\n');
    }
    s.append("How to read it:\n\n");
    s.append("- epochs/s counts network-epochs: for LockstepTrainer, networks x epochs / wall time, i.e. the ")
        .append("throughput per network when that many networks of one shape are trained together. Lane 0 is the ")
        .append("benchmark network itself; the other lanes are the same shape from the sweep's uniform [0, 1) ")
        .append("initial weights.\n");
    s.append("- Each round runs every implementation once, in turn; the median is over the rounds and every ratio is ")
        .append("a ratio of medians of the same run. Java runs on the benchmark's thread after untimed warm-up runs; ")
        .append("C and NumPy are single-threaded child processes (BLAS threads set to 1) timing their own loops.\n");
    s.append("- Epochs per run differ between implementations only to keep each timing between about 0.03 s and 1 s ")
        .append("(NumPy and Breeze are slow); the speed per epoch does not depend on the epoch count. E is each ")
        .append("implementation's error after its own run; the check column compares it with FusedTrainer's E after ")
        .append("the same number of epochs (relative difference; C and NumPy use their own exp and, for NumPy, BLAS ")
        .append("summation order, so they agree to rounding, not bit for bit).\n");
    s.append("- The C kernel (bench/kernel.c) is built with `gcc -O3 -march=native -ffp-contract=off`: the same ")
        .append("arithmetic as the Java kernels, no fused multiply-add. \"Shape fixed at compile time\" passes the ")
        .append("network's shape as macros, so gcc unrolls every loop: the scalar limit.\n");
    return s.toString();
  }

  private static double medianOf(List<Result> results, String prefix) {
    for (Result r : results) {
      if (r.implementation.startsWith(prefix)) {
        return r.median();
      }
    }
    return Double.NaN;
  }

  private static String rate(double epochsPerSecond) {
    if (epochsPerSecond >= 1e6) {
      return String.format(Locale.ROOT, "%.2f M", epochsPerSecond / 1e6);
    }
    if (epochsPerSecond >= 1e3) {
      return String.format(Locale.ROOT, "%.1f k", epochsPerSecond / 1e3);
    }
    return String.format(Locale.ROOT, "%.0f", epochsPerSecond);
  }

  private static String ratio(double r) {
    if (Double.isNaN(r)) {
      return "-";
    }
    return r >= 10 ? String.format(Locale.ROOT, "%,.0f", r) : String.format(Locale.ROOT, "%.2f", r);
  }

  private static String relative(double value, double reference) {
    double rel = Math.abs(value - reference) / Math.abs(reference);
    return rel == 0 ? "equal" : String.format(Locale.ROOT, "rel. diff %.1e", rel);
  }

  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  // ---- the machine ----

  private static String cpuModel() {
    try {
      String model = null;
      String family = null;
      String number = null;
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        String value = line.substring(line.indexOf(':') + 1).trim();
        if (model == null && line.startsWith("model name")) {
          model = value;
        } else if (family == null && line.startsWith("cpu family")) {
          family = value;
        } else if (number == null && line.matches("model\\s*:.*")) {
          number = value;
        }
      }
      if (model != null) {
        String flags = cpuFlags();
        return model + (family != null ? ", family " + family + " model " + number : "")
            + (flags.isEmpty() ? "" : " (" + flags + ")");
      }
    } catch (IOException e) {
      // not Linux
    }
    return System.getProperty("os.arch");
  }

  private static String cpuFlags() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
      if (line.startsWith("flags")) {
        List<String> have = Arrays.asList(line.substring(line.indexOf(':') + 1).trim().split("\\s+"));
        List<String> shown = new ArrayList<>();
        for (String f : List.of("avx2", "fma", "avx512f")) {
          if (have.contains(f)) {
            shown.add(f);
          }
        }
        return String.join(", ", shown);
      }
    }
    return "";
  }

  private static double oneMinuteLoad() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
    } catch (IOException | NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** What {@code java -version} prints for the JVM running the benchmark (its own java binary), on one line. */
  private static String javaVersion() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    try {
      Process process = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      process.waitFor();
      return String.join("; ", out.lines().toList());
    } catch (IOException e) {
      return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return System.getProperty("java.runtime.version");
    }
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + ", " + f[1] + ", " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String firstLine(List<String> command) {
    Supplier<String> unknown = () -> "unknown";
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      process.waitFor();
      return out.isEmpty() ? unknown.get() : out.lines().findFirst().orElse("unknown");
    } catch (IOException e) {
      return unknown.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return unknown.get();
    }
  }

  /** Replaces this benchmark's section of the Markdown file (between its markers), keeping everything else. */
  static void writeSection(Path file, String section) {
    try {
      String old = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n\n";
      int a = old.indexOf(START);
      int b = old.indexOf(END);
      String updated = a >= 0 && b > a
          ? old.substring(0, a) + section + old.substring(b + END.length() + (old.startsWith("\n", b + END.length())
              ? 1 : 0))
          : old + (old.endsWith("\n\n") ? "" : old.endsWith("\n") ? "\n" : "\n\n") + section;
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, updated);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- arguments ----

  private static Map<String, List<String>> parse(String[] args) {
    Map<String, List<String>> opts = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + a);
      }
      if (a.equals("--quick")) {
        opts.put(a, List.of());
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(a + " needs a value");
      }
      opts.computeIfAbsent(a, k -> new ArrayList<>()).add(args[++i]);
    }
    return opts;
  }

  private static String single(Map<String, List<String>> opts, String key, String fallback) {
    List<String> v = opts.get(key);
    if (v == null || v.isEmpty()) {
      if (fallback == null) {
        throw new IllegalArgumentException("missing " + key);
      }
      return fallback;
    }
    return v.get(v.size() - 1);
  }
}
