package nnsweep.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded train/test splits. Stratified when the targets are classes (every target 0 or 1: each distinct target row
 * is a class), so each class keeps its share in both parts; otherwise a plain seeded shuffle.
 */
public final class Splits {
  private Splits() {}

  /** The two parts; {@code test} is null when the fraction is 0. */
  public record Split(Dataset train, Dataset test) {}

  /**
   * Puts round(fraction x class size) rows of each class (or of the whole set) into the test part, chosen by a
   * shuffle seeded with {@code seed}; rows keep their file order within each part.
   */
  public static Split split(Dataset data, double fraction, long seed) {
    if (!(fraction >= 0 && fraction < 1)) {
      throw new IllegalArgumentException("test-fraction must be in [0, 1), found " + fraction);
    }
    if (fraction == 0) {
      return new Split(data, null);
    }
    double[][] t = data.targets();
    boolean[] test = new boolean[t.length];
    for (int[] order : shuffledStrata(t, seed)) {
      long k = Math.round(fraction * order.length);
      for (int i = 0; i < k; i++) {
        test[order[i]] = true;
      }
    }
    int tests = 0;
    for (boolean b : test) {
      tests += b ? 1 : 0;
    }
    if (tests == 0 || tests == t.length) {
      throw new IllegalArgumentException("test-fraction " + fraction + " leaves " + (t.length - tests)
          + " training and " + tests + " test rows of " + t.length + ", expected at least one of each");
    }
    return apart(data, test, "train", "test");
  }

  /**
   * The validation part of some training rows: round(fraction x class size) rows of each class (of all rows for
   * targets that are not classes) set apart, chosen by a shuffle seeded with {@code seed} as {@link #split} does;
   * {@link Split#train()} holds the rows networks train on, {@link Split#test()} the validation rows, each in file
   * order.
   *
   * @throws IllegalArgumentException for a fraction outside (0, 1), or one that leaves a class (or, for other
   *     targets, the whole set) without validation rows or without training rows; the message names the class
   */
  public static Split validation(Dataset train, double fraction, long seed) {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException("validation-fraction must be > 0 and < 1, found " + fraction);
    }
    double[][] t = train.targets();
    boolean[] held = new boolean[t.length];
    boolean classes = classes(t);
    for (int[] order : shuffledStrata(t, seed)) {
      long k = Math.round(fraction * order.length);
      if (k == 0 || k == order.length) {
        String what = classes ? "class " + className(train, t[order[0]]) : "the dataset";
        throw new IllegalArgumentException("validation-fraction " + fraction + " leaves " + what + " of '"
            + train.name() + "' without " + (k == 0 ? "validation" : "training") + " rows (" + k + " of its "
            + order.length + " training rows held out), expected a share that keeps at least one of each");
      }
      for (int i = 0; i < k; i++) {
        held[order[i]] = true;
      }
    }
    return apart(train, held, "train minus validation", "validation");
  }

  /** A seed for the validation shuffle of outer part {@code part} (-1: the one train/test split), apart from it. */
  public static long validationSeed(long splitSeed, int part) {
    long z = splitSeed + 0x9E3779B97F4A7C15L * (part + 2);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Every target is 0 or 1: each distinct target row is a class. */
  private static boolean classes(double[][] t) {
    return Arrays.stream(t).flatMapToDouble(Arrays::stream).allMatch(v -> v == 0.0 || v == 1.0);
  }

  /** A class as a reader knows it: the one-hot column's name, or "name = value" for one 0/1 output. */
  static String className(Dataset d, double[] target) {
    List<String> names = d.targetNames();
    if (target.length == 1) {
      return "'" + names.get(0) + " = " + (int) target[0] + "'";
    }
    List<String> on = new ArrayList<>();
    for (int j = 0; j < target.length; j++) {
      if (target[j] == 1.0) {
        on.add(names.get(j));
      }
    }
    return "'" + String.join("+", on) + "'";
  }

  /**
   * The rows of each stratum (each class of 0/1 targets, or all rows for other targets), in order of first
   * appearance, each shuffled (Fisher-Yates) by one generator seeded with {@code seed}, stratum after stratum.
   */
  private static List<int[]> shuffledStrata(double[][] t, long seed) {
    Map<String, List<Integer>> strata = new LinkedHashMap<>();
    boolean classes = classes(t);
    for (int i = 0; i < t.length; i++) {
      strata.computeIfAbsent(classes ? Arrays.toString(t[i]) : "all", key -> new ArrayList<>()).add(i);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<int[]> shuffled = new ArrayList<>();
    for (List<Integer> rows : strata.values()) {
      int[] order = rows.stream().mapToInt(Integer::intValue).toArray();
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int tmp = order[i];
        order[i] = order[j];
        order[j] = tmp;
      }
      shuffled.add(order);
    }
    return shuffled;
  }

  /** The rows marked {@code test} apart from the others, each part in file order. */
  private static Split apart(Dataset data, boolean[] test, String trainName, String testName) {
    double[][] x = data.inputs();
    double[][] t = data.targets();
    List<double[]> trX = new ArrayList<>();
    List<double[]> trT = new ArrayList<>();
    List<double[]> teX = new ArrayList<>();
    List<double[]> teT = new ArrayList<>();
    for (int i = 0; i < t.length; i++) {
      (test[i] ? teX : trX).add(x[i]);
      (test[i] ? teT : trT).add(t[i]);
    }
    return new Split(part(data, trainName, trX, trT), part(data, testName, teX, teT));
  }

  /**
   * k-fold cross-validation: every row goes to one of {@code k} folds, stratified like {@link #split} (each class's
   * rows shuffled with {@code seed}, then dealt to the folds in turn, continuing across classes, so fold sizes differ
   * by at most one); split i tests on fold i and trains on the others. Rows keep their file order within each part.
   *
   * @throws IllegalArgumentException for k < 2 or k > rows
   */
  public static List<Split> folds(Dataset data, int k, long seed) {
    double[][] t = data.targets();
    if (k < 2 || k > t.length) {
      throw new IllegalArgumentException("folds must be >= 2 and <= the " + t.length + " rows, found " + k);
    }
    int[] fold = new int[t.length];
    int next = 0;
    for (int[] order : shuffledStrata(t, seed)) {
      for (int row : order) {
        fold[row] = next++ % k;
      }
    }
    List<Split> splits = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      boolean[] test = new boolean[t.length];
      for (int i = 0; i < t.length; i++) {
        test[i] = fold[i] == f;
      }
      splits.add(apart(data, test, "train of fold " + f, "fold " + f));
    }
    return splits;
  }

  private static Dataset part(Dataset d, String which, List<double[]> x, List<double[]> t) {
    return new Dataset(d.name(), d.source() + " (" + which + ")", d.inputNames(), d.targetNames(),
        x.toArray(double[][]::new), t.toArray(double[][]::new));
  }

  /** The dataset with its inputs mapped by {@code fit}. */
  public static Dataset scaled(Dataset d, Scaling.Fit fit) {
    return new Dataset(d.name(), d.source(), d.inputNames(), d.targetNames(), fit.apply(d.inputs()), d.targets());
  }
}
