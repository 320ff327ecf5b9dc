package nnsweep.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nnsweep.study.HiddenRule;

/**
 * The rules verdict over real datasets (issue 26): from each (dataset, hidden size)'s tuned row, each rule of thumb's
 * size and its test score per dataset, the ranks of the entries (the rules, {@code none} and {@code tuned}) across
 * datasets with the Friedman and Iman-Davenport tests and the Nemenyi critical difference, Wilcoxon signed-rank
 * tests for every pair with Holm's adjustment, and the training-budget check. Pure: the same rows give the same
 * verdict. Every choice is made on validation error; test scores are only reported.
 */
public final class Verdict {
  /** The entry without a hidden layer. */
  public static final String NONE = "none";
  /** The entry choosing the validation-best size over every size searched, {@code none} included. */
  public static final String TUNED = "tuned";
  /** The reference entry choosing the test-best size (not ranked). */
  public static final String HINDSIGHT = "hindsight";
  /** Fewest sizes a range rule's range is searched on (geometric grid, both ends included). */
  public static final int MIN_GRID_SIZES = HiddenRule.MIN_GRID_SIZES;
  /** A tuned cell's optimum is late when it falls in this last share of its epoch budget. */
  public static final double LATE_FRACTION = 0.2;
  /** A dataset is under-trained when more than this share of its tuned cells had a late optimum. */
  public static final double UNDER_TRAINED_SHARE = 0.10;

  private Verdict() {}

  /**
   * One (dataset, hidden size) at its tuned setting: the rows of {@code sizes.csv}. Test scores are averaged over
   * outer folds and seeds; {@code testClassAccuracy} is the accuracy at 0.5 for one-output datasets.
   *
   * @param hidden hidden units, 0 = no hidden layer
   * @param lateOptimum whether the validation optimum fell in the last {@link #LATE_FRACTION} of the epoch budget
   * @param budgetKnown whether that is known (the networks recorded their validation optimum: early stopping on);
   *     when not, {@code lateOptimum} is false and the budget check has no value
   */
  public record Tuned(String dataset, int hidden, double learningRate, int epochs, double validationError,
      double testError, double testClassAccuracy, boolean lateOptimum, boolean budgetKnown) {
    /** A row whose late optimum is known. */
    public Tuned(String dataset, int hidden, double learningRate, int epochs, double validationError,
        double testError, double testClassAccuracy, boolean lateOptimum) {
      this(dataset, hidden, learningRate, epochs, validationError, testError, testClassAccuracy, lateOptimum, true);
    }

    public Tuned {
      if (lateOptimum && !budgetKnown) {
        throw new IllegalArgumentException("dataset " + dataset + ", hidden " + hidden
            + ": a late optimum cannot be known without the validation optimum's epoch");
      }
      if (dataset == null || dataset.isEmpty()) {
        throw new IllegalArgumentException("dataset must be named, found " + dataset);
      }
      String at = "dataset " + dataset + ", hidden " + hidden + ": ";
      if (hidden < 0) {
        throw new IllegalArgumentException(at + "hidden must be >= 0, found " + hidden);
      }
      if (!(learningRate > 0)) {
        throw new IllegalArgumentException(at + "learning-rate must be > 0, found " + learningRate);
      }
      if (epochs < 1) {
        throw new IllegalArgumentException(at + "epochs must be >= 1, found " + epochs);
      }
      if (!Double.isFinite(validationError)) {
        throw new IllegalArgumentException(at + "validation error must be finite, found " + validationError);
      }
      if (!(testClassAccuracy >= 0 && testClassAccuracy <= 1)) {
        throw new IllegalArgumentException(at + "test class accuracy must be in [0, 1], found "
            + testClassAccuracy);
      }
    }
  }

  /**
   * A dataset's shape as the rules see it: {@code samples} is the row count the samples-over-weights rule divides
   * (the study passes its training rows), {@code alpha} that rule's alpha.
   */
  public record Dataset(String name, int samples, int inputs, int outputs, double alpha) {
    public Dataset {
      new HiddenRule.Shape(inputs, outputs, samples, alpha); // checks them
    }

    HiddenRule.Shape shape() {
      return new HiddenRule.Shape(inputs, outputs, samples, alpha);
    }
  }

  /**
   * A row of {@code rules-scores.csv}: the entry's sizes searched on the dataset, the size chosen, its test scores
   * and its rank among the ranked entries (1 = best test class accuracy, ties averaged; NaN for {@code hindsight}).
   */
  public record Score(String dataset, String rule, int[] sizes, int hidden, double testClassAccuracy,
      double testError, double rank) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Score s && dataset.equals(s.dataset) && rule.equals(s.rule)
          && Arrays.equals(sizes, s.sizes) && hidden == s.hidden
          && Double.compare(testClassAccuracy, s.testClassAccuracy) == 0
          && Double.compare(testError, s.testError) == 0 && Double.compare(rank, s.rank) == 0;
    }

    @Override
    public int hashCode() {
      return (dataset.hashCode() * 31 + rule.hashCode()) * 31 + hidden;
    }

    @Override
    public String toString() {
      return "Score[" + dataset + ", " + rule + ", sizes=" + Arrays.toString(sizes) + ", hidden=" + hidden
          + ", accuracy=" + testClassAccuracy + ", error=" + testError + ", rank=" + rank + "]";
    }
  }

  /** A row of {@code rules-verdict.csv}: an entry's mean rank, and the tests over all entries (the same on each). */
  public record Ranked(String rule, int datasets, double meanRank, double friedmanChi2, double friedmanP,
      double imanDavenportF, double imanDavenportP, double criticalDifference) {}

  /** A row of {@code rules-pairs.csv}: datasets where a's test class accuracy is above, equal to, below b's. */
  public record Pair(String ruleA, String ruleB, int wins, int ties, int losses, double wilcoxonP, double holmP) {}

  /**
   * A row of {@code budget.csv}; {@code lateOptimumShare} is NaN (and {@code underTrained} false) when the tuned
   * cells' validation optima are not known (no early stopping).
   */
  public record Budget(String dataset, int cells, double lateOptimumShare, boolean underTrained) {
    /** Whether the check has a value. */
    public boolean known() {
      return !Double.isNaN(lateOptimumShare);
    }
  }

  /**
   * The verdict's tables: {@code sizes} in dataset order then by hidden size; {@code scores} per dataset, the
   * rules in the given order, then {@code none}, {@code tuned}, {@code hindsight}; {@code ranked} by mean rank
   * (best first); {@code pairs} in entry order.
   */
  public record Result(List<Tuned> sizes, List<Score> scores, List<Ranked> ranked, List<Pair> pairs,
      List<Budget> budget, List<String> entries) {}

  /** The sizes searched for a range ({@link HiddenRule#gridSizes}, where the grid expands them too). */
  public static int[] gridSizes(int low, int high, int count) {
    return HiddenRule.gridSizes(low, high, count);
  }

  /** The sizes to search for a rule on a dataset ({@link HiddenRule#searchSizes}). */
  public static int[] searchSizes(HiddenRule rule, HiddenRule.Shape shape, int count) {
    return rule.searchSizes(shape, count);
  }

  /**
   * The verdict from the tuned rows of every dataset. Each rule's entry takes, among the dataset's tuned sizes that
   * the rule recommends, the one with the lowest validation error (ties to the smaller size); {@code tuned} does
   * the same over every tuned size, 0 included; {@code hindsight} takes the best test class accuracy (ties to the
   * smaller size).
   *
   * @param rows one per (dataset, hidden size), hidden 0 (no hidden layer) required for each dataset
   * @param datasets the datasets in report order; each needs rows
   * @param rules the rules to judge (at least one; with none and tuned at least 3 entries)
   * @throws IllegalArgumentException naming the dataset and what is missing or repeated
   */
  public static Result of(List<Tuned> rows, List<Dataset> datasets, List<HiddenRule> rules) {
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("the verdict needs at least one rule, found none");
    }
    Map<String, TreeMap<Integer, Tuned>> byDataset = new LinkedHashMap<>();
    Set<String> names = new HashSet<>();
    for (Dataset d : datasets) {
      if (!names.add(d.name())) {
        throw new IllegalArgumentException("dataset " + d.name() + " is listed twice");
      }
      byDataset.put(d.name(), new TreeMap<>());
    }
    for (Tuned t : rows) {
      TreeMap<Integer, Tuned> sizes = byDataset.get(t.dataset());
      if (sizes == null) {
        throw new IllegalArgumentException("tuned row for dataset " + t.dataset() + ", which is not one of "
            + byDataset.keySet());
      }
      if (sizes.put(t.hidden(), t) != null) {
        throw new IllegalArgumentException("dataset " + t.dataset() + ": hidden size " + t.hidden()
            + " has two tuned rows");
      }
    }
    List<String> entries = new ArrayList<>();
    rules.forEach(r -> entries.add(r.configName()));
    entries.add(NONE);
    entries.add(TUNED);
    int k = entries.size();

    List<Tuned> sizes = new ArrayList<>();
    List<Score> scores = new ArrayList<>();
    List<Budget> budget = new ArrayList<>();
    double[][] accuracy = new double[datasets.size()][];
    for (int i = 0; i < datasets.size(); i++) {
      Dataset d = datasets.get(i);
      TreeMap<Integer, Tuned> tuned = byDataset.get(d.name());
      if (!tuned.containsKey(0)) {
        throw new IllegalArgumentException("dataset " + d.name() + ": no tuned row for hidden 0 (no hidden layer)");
      }
      sizes.addAll(tuned.values());
      List<Score> entryScores = new ArrayList<>();
      for (HiddenRule rule : rules) {
        int[] recommended = rule.sizes(d.shape());
        int[] searched = Arrays.stream(recommended).filter(tuned::containsKey).toArray();
        if (searched.length == 0) {
          int[] expected = searchSizes(rule, d.shape(), MIN_GRID_SIZES);
          throw new IllegalArgumentException("dataset " + d.name() + ": no tuned row for rule " + rule.configName()
              + ", which recommends sizes " + recommended[0] + "-" + recommended[recommended.length - 1]
              + " (searched on " + Arrays.toString(expected) + ")");
        }
        entryScores.add(score(d.name(), rule.configName(), searched, bestValidation(tuned, searched)));
      }
      entryScores.add(score(d.name(), NONE, new int[] {0}, tuned.get(0)));
      int[] all = tuned.keySet().stream().mapToInt(Integer::intValue).toArray();
      entryScores.add(score(d.name(), TUNED, all, bestValidation(tuned, all)));
      accuracy[i] = entryScores.stream().mapToDouble(Score::testClassAccuracy).toArray();
      double[] ranks = RankTests.ranks(accuracy[i]);
      for (int j = 0; j < k; j++) {
        Score s = entryScores.get(j);
        scores.add(new Score(s.dataset(), s.rule(), s.sizes(), s.hidden(), s.testClassAccuracy(), s.testError(),
            ranks[j]));
      }
      Tuned hindsight = tuned.values().stream()
          .max(Comparator.comparingDouble(Tuned::testClassAccuracy)
              .thenComparing(Comparator.comparingInt(Tuned::hidden).reversed()))
          .orElseThrow();
      scores.add(score(d.name(), HINDSIGHT, all, hindsight));
      long late = tuned.values().stream().filter(Tuned::lateOptimum).count();
      boolean known = tuned.values().stream().allMatch(Tuned::budgetKnown);
      double share = known ? (double) late / tuned.size() : Double.NaN;
      budget.add(new Budget(d.name(), tuned.size(), share, share > UNDER_TRAINED_SHARE));
    }

    int n = datasets.size();
    double[] meanRanks = n == 0 ? new double[k] : RankTests.meanRanks(accuracy);
    RankTests.Friedman f = n >= 2 ? RankTests.friedman(accuracy) : null;
    List<Ranked> ranked = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      ranked.add(f == null
          ? new Ranked(entries.get(j), n, n == 0 ? Double.NaN : meanRanks[j], Double.NaN, Double.NaN, Double.NaN,
              Double.NaN, Double.NaN)
          : new Ranked(entries.get(j), n, meanRanks[j], f.chi2(), f.p(), f.imanDavenportF(), f.imanDavenportP(),
              f.criticalDifference()));
    }
    ranked.sort(Comparator.comparingDouble(Ranked::meanRank)); // stable: ties keep entry order

    List<Pair> pairs = new ArrayList<>();
    List<Double> ps = new ArrayList<>();
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        int wins = 0;
        int ties = 0;
        int losses = 0;
        double[] x = column(accuracy, a);
        double[] y = column(accuracy, b);
        for (int i = 0; i < n; i++) {
          if (x[i] > y[i]) {
            wins++;
          } else if (x[i] == y[i]) {
            ties++;
          } else {
            losses++;
          }
        }
        double p = n == 0 ? Double.NaN : RankTests.wilcoxon(x, y);
        ps.add(p);
        pairs.add(new Pair(entries.get(a), entries.get(b), wins, ties, losses, p, Double.NaN));
      }
    }
    if (n > 0) {
      double[] holm = RankTests.holm(ps.stream().mapToDouble(Double::doubleValue).toArray());
      for (int i = 0; i < pairs.size(); i++) {
        Pair p = pairs.get(i);
        pairs.set(i, new Pair(p.ruleA(), p.ruleB(), p.wins(), p.ties(), p.losses(), p.wilcoxonP(), holm[i]));
      }
    }
    return new Result(List.copyOf(sizes), List.copyOf(scores), List.copyOf(ranked), List.copyOf(pairs),
        List.copyOf(budget), List.copyOf(entries));
  }

  /** The size with the lowest validation error among {@code candidates}, ties to the smaller. */
  private static Tuned bestValidation(TreeMap<Integer, Tuned> tuned, int[] candidates) {
    Tuned best = null;
    for (int h : candidates) { // ascending: a tie keeps the smaller size
      Tuned t = tuned.get(h);
      if (best == null || t.validationError() < best.validationError()) {
        best = t;
      }
    }
    return best;
  }

  private static Score score(String dataset, String rule, int[] sizes, Tuned chosen) {
    return new Score(dataset, rule, sizes, chosen.hidden(), chosen.testClassAccuracy(), chosen.testError(),
        Double.NaN);
  }

  private static double[] column(double[][] t, int j) {
    return Arrays.stream(t).mapToDouble(r -> r[j]).toArray();
  }
}
