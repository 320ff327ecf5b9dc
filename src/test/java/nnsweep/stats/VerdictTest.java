package nnsweep.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nnsweep.study.HiddenRule;
import org.junit.jupiter.api.Test;

/**
 * {@link Verdict} on a hand-made input with known answers: two datasets of 4 inputs, 3 outputs and 100 samples,
 * where the rules recommend 1-7 (fewer-than-twice-inputs), 5, 3-4, 3, 4 and 2 (samples-over-weights, alpha 5), and
 * sizes 0-5 and 7 were tuned.
 */
class VerdictTest {
  static final List<HiddenRule> RULES = List.of(HiddenRule.values());

  static Verdict.Tuned row(String d, int h, double validation, double accuracy, boolean late) {
    return new Verdict.Tuned(d, h, 0.1, 1000, validation, 1 - accuracy, accuracy, late);
  }

  /** Dataset a: 3 and 5 tie on validation (0.20); 4 is test-better; 7 is test-best (hindsight). */
  static List<Verdict.Tuned> rowsA() {
    return List.of(row("a", 0, 0.50, 0.60, false), row("a", 1, 0.40, 0.70, false), row("a", 2, 0.30, 0.80, false),
        row("a", 3, 0.20, 0.85, false), row("a", 4, 0.25, 0.90, false), row("a", 5, 0.20, 0.88, true),
        row("a", 7, 0.35, 0.95, true));
  }

  /** Dataset b: no hidden layer is best on both splits; every hidden size ties. */
  static List<Verdict.Tuned> rowsB() {
    List<Verdict.Tuned> rows = new ArrayList<>(List.of(row("b", 0, 0.10, 0.99, false)));
    for (int h : new int[] {1, 2, 3, 4, 5, 7}) {
      rows.add(row("b", h, 0.50, 0.50, false));
    }
    return rows;
  }

  static Verdict.Result verdict() {
    List<Verdict.Tuned> rows = new ArrayList<>(rowsB());
    rows.addAll(rowsA());
    return Verdict.of(rows, List.of(new Verdict.Dataset("a", 100, 4, 3, 5), new Verdict.Dataset("b", 100, 4, 3, 5)),
        RULES);
  }

  @Test
  void eachEntryTakesItsValidationBestSizeAndIsRankedOnTestAccuracy() {
    Map<String, Verdict.Score> a = verdict().scores().stream().filter(s -> s.dataset().equals("a"))
        .collect(Collectors.toMap(Verdict.Score::rule, s -> s));
    // range 1-7: 3 and 5 tie on validation error -> the smaller, 3
    assertScore(a.get("fewer-than-twice-inputs"), new int[] {1, 2, 3, 4, 5, 7}, 3, 0.85, 4.5);
    assertScore(a.get("two-thirds-inputs-plus-outputs"), new int[] {5}, 5, 0.88, 2);
    assertScore(a.get("between-inputs-and-outputs"), new int[] {3, 4}, 3, 0.85, 4.5);
    assertScore(a.get("sqrt-inputs-times-outputs"), new int[] {3}, 3, 0.85, 4.5);
    assertScore(a.get("two-thirds-of-inputs-plus-outputs"), new int[] {4}, 4, 0.90, 1);
    assertScore(a.get("samples-over-weights"), new int[] {2}, 2, 0.80, 7);
    assertScore(a.get("none"), new int[] {0}, 0, 0.60, 8);
    assertScore(a.get("tuned"), new int[] {0, 1, 2, 3, 4, 5, 7}, 3, 0.85, 4.5);
    assertScore(a.get("hindsight"), new int[] {0, 1, 2, 3, 4, 5, 7}, 7, 0.95, Double.NaN);
  }

  @Test
  void rowsComeInDatasetAndEntryOrder() {
    Verdict.Result v = verdict();
    assertEquals(List.of("fewer-than-twice-inputs", "two-thirds-inputs-plus-outputs", "between-inputs-and-outputs",
        "sqrt-inputs-times-outputs", "two-thirds-of-inputs-plus-outputs", "samples-over-weights", "none", "tuned",
        "hindsight"), v.scores().subList(0, 9).stream().map(Verdict.Score::rule).toList());
    assertEquals("a", v.scores().get(0).dataset());
    assertEquals("b", v.scores().get(9).dataset());
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 7, 0, 1, 2, 3, 4, 5, 7),
        v.sizes().stream().map(Verdict.Tuned::hidden).toList());
    assertEquals("a", v.sizes().get(0).dataset());
  }

  @Test
  void meanRanksAndFriedmanOverTheDatasets() {
    Verdict.Result v = verdict();
    // dataset b ranks none and tuned 1.5 each, the six rules 5.5 each
    assertEquals(List.of("tuned", "two-thirds-of-inputs-plus-outputs", "two-thirds-inputs-plus-outputs", "none",
        "fewer-than-twice-inputs", "between-inputs-and-outputs", "sqrt-inputs-times-outputs",
        "samples-over-weights"), v.ranked().stream().map(Verdict.Ranked::rule).toList());
    assertArrayEquals(new double[] {3, 3.25, 3.75, 4.75, 5, 5, 5, 6.25},
        v.ranked().stream().mapToDouble(Verdict.Ranked::meanRank).toArray(), 1e-15);
    Verdict.Ranked r = v.ranked().get(0);
    assertEquals(2, r.datasets());
    // scipy.stats.friedmanchisquare on the two datasets' eight accuracies; f.sf for Iman-Davenport
    assertEquals(3.7868852459016393, r.friedmanChi2(), 1e-12);
    assertEquals(0.8039708420069345, r.friedmanP(), 1e-12);
    assertEquals(0.3707865168539326, r.imanDavenportF(), 1e-12);
    assertEquals(0.8930417649084353, r.imanDavenportP(), 1e-12);
    assertEquals(3.031 * Math.sqrt(6), r.criticalDifference(), 1e-12); // q_8 sqrt(8 * 9 / (6 * 2))
  }

  @Test
  void everyPairWithWinsTiesLossesAndHolm() {
    Verdict.Result v = verdict();
    assertEquals(28, v.pairs().size());
    Verdict.Pair p = v.pairs().stream().filter(x -> x.ruleA().equals("none") && x.ruleB().equals("tuned"))
        .findFirst().orElseThrow();
    // a: 0.60 < 0.85, b: 0.99 = 0.99 -> one loss, one tie; one non-zero difference -> p = 1
    assertEquals(new Verdict.Pair("none", "tuned", 0, 1, 1, 1.0, 1.0), p);
    Verdict.Pair q = v.pairs().get(0); // fewer-than-twice vs two-thirds-inputs-plus-outputs
    assertEquals("fewer-than-twice-inputs", q.ruleA());
    assertEquals("two-thirds-inputs-plus-outputs", q.ruleB());
    assertEquals(List.of(0, 1, 1), List.of(q.wins(), q.ties(), q.losses()));
    assertTrue(v.pairs().stream().allMatch(x -> x.holmP() >= x.wilcoxonP() && x.holmP() <= 1));
  }

  @Test
  void budgetFlagsAShareOfLateOptimaOverTenPercent() {
    Verdict.Result v = verdict();
    assertEquals(new Verdict.Budget("a", 7, 2 / 7.0, true), v.budget().get(0));
    assertEquals(new Verdict.Budget("b", 7, 0, false), v.budget().get(1));
    List<Verdict.Tuned> ten = new ArrayList<>();
    for (int h = 0; h < 10; h++) {
      ten.add(row("c", h, 1 + h, 0.5, h == 9)); // exactly 10%: not over
    }
    Verdict.Result c = Verdict.of(ten, List.of(new Verdict.Dataset("c", 100, 4, 3, 5)),
        List.of(HiddenRule.SQRT_INPUTS_TIMES_OUTPUTS));
    assertFalse(c.budget().get(0).underTrained());
    assertTrue(Double.isNaN(c.ranked().get(0).friedmanChi2())); // one dataset: no Friedman test
  }

  @Test
  void gridSizesAreGeometricWithBothEnds() {
    assertArrayEquals(new int[] {1, 2, 4, 9, 19, 41, 85, 179}, Verdict.gridSizes(1, 179, 8));
    assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6, 7, 9}, Verdict.gridSizes(1, 9, 8)); // rounding nudged up
    assertArrayEquals(new int[] {3, 4, 5, 6}, Verdict.gridSizes(3, 6, 8)); // short range: every size
    assertArrayEquals(new int[] {1, 2, 5, 11, 24, 54, 121, 270, 600},
        Verdict.gridSizes(1, 600, 9));
    // fewer-than-twice-inputs on 180 inputs spans 1-359
    int[] dna = Verdict.searchSizes(HiddenRule.FEWER_THAN_TWICE_INPUTS, new HiddenRule.Shape(180, 3, 2000, 5), 8);
    assertArrayEquals(new int[] {1, 2, 5, 12, 29, 67, 155, 359}, dna, Arrays.toString(dna));
    assertArrayEquals(new int[] {3}, Verdict.searchSizes(HiddenRule.SQRT_INPUTS_TIMES_OUTPUTS,
        new HiddenRule.Shape(4, 3, 100, 5), 8));
  }

  @Test
  void missingOrRepeatedRowsAreRefusedByName() {
    List<Verdict.Dataset> a = List.of(new Verdict.Dataset("a", 100, 4, 3, 5));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Verdict.of(rowsA().subList(1, 7), a, RULES));
    assertEquals("dataset a: no tuned row for hidden 0 (no hidden layer)", e.getMessage());
    List<Verdict.Tuned> twice = new ArrayList<>(rowsA());
    twice.add(row("a", 3, 0.1, 0.1, false));
    e = assertThrows(IllegalArgumentException.class, () -> Verdict.of(twice, a, RULES));
    assertEquals("dataset a: hidden size 3 has two tuned rows", e.getMessage());
    List<Verdict.Tuned> noTwo = rowsA().stream().filter(t -> t.hidden() != 2).toList();
    e = assertThrows(IllegalArgumentException.class, () -> Verdict.of(noTwo, a, RULES));
    assertEquals("dataset a: no tuned row for rule samples-over-weights, which recommends sizes 2-2 (searched on"
        + " [2])", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> row("a", 1, 0.1, 1.5, false));
    assertEquals("dataset a, hidden 1: test class accuracy must be in [0, 1], found 1.5", e.getMessage());
  }

  private static void assertScore(Verdict.Score s, int[] sizes, int hidden, double accuracy, double rank) {
    assertArrayEquals(sizes, s.sizes(), s.rule());
    assertEquals(hidden, s.hidden(), s.rule());
    assertEquals(accuracy, s.testClassAccuracy(), 0, s.rule());
    assertEquals(1 - accuracy, s.testError(), 0, s.rule());
    assertEquals(rank, s.rank(), 0, s.rule());
  }
}
