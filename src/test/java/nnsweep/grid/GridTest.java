package nnsweep.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import nnsweep.errors.InputException;
import nnsweep.nn.Model;
import nnsweep.nn.Shape;
import nnsweep.nn.Weights;
import nnsweep.study.HiddenRule;
import nnsweep.study.InitSpec;
import nnsweep.study.Seeds;
import nnsweep.study.Study;
import nnsweep.testing.Studies;
import org.junit.jupiter.api.Test;

/** Grid expansion: exact contents, fixed axis order, stable ids, rule sizes, derived seeds. */
class GridTest {

  @Test
  void ruleSizesFollowTheTutorial() {
    assertArrayEquals(new int[] {1, 2, 3}, HiddenRule.FEWER_THAN_TWICE_INPUTS.sizes(2, 1));
    assertArrayEquals(new int[] {2}, HiddenRule.TWO_THIRDS_INPUTS_PLUS_OUTPUTS.sizes(2, 1));
    assertArrayEquals(new int[] {1, 2}, HiddenRule.BETWEEN_INPUTS_AND_OUTPUTS.sizes(2, 1));
    // full adder: 3 inputs, 2 outputs
    assertArrayEquals(new int[] {1, 2, 3, 4, 5}, HiddenRule.FEWER_THAN_TWICE_INPUTS.sizes(3, 2));
    assertArrayEquals(new int[] {4}, HiddenRule.TWO_THIRDS_INPUTS_PLUS_OUTPUTS.sizes(3, 2));
    assertArrayEquals(new int[] {2, 3}, HiddenRule.BETWEEN_INPUTS_AND_OUTPUTS.sizes(3, 2));
    // floor(2*4/3 + 3) = floor(5.67) = 5; one input: floor(2/3 + 1) = 1
    assertArrayEquals(new int[] {5}, HiddenRule.TWO_THIRDS_INPUTS_PLUS_OUTPUTS.sizes(4, 3));
    assertArrayEquals(new int[] {1}, HiddenRule.TWO_THIRDS_INPUTS_PLUS_OUTPUTS.sizes(1, 1));
    assertArrayEquals(new int[] {1}, HiddenRule.FEWER_THAN_TWICE_INPUTS.sizes(1, 1));
    assertArrayEquals(new int[] {2, 3}, HiddenRule.BETWEEN_INPUTS_AND_OUTPUTS.sizes(2, 3));
    assertArrayEquals(new int[] {1}, HiddenRule.BETWEEN_INPUTS_AND_OUTPUTS.sizes(1, 1));
  }

  @Test
  void moreRulesFromTheFaqAndMasters() {
    // geometric pyramid: round(sqrt(i*o)); FAQ variant: floor((i+o)*2/3); samples / (alpha (i+o))
    assertArrayEquals(new int[] {1}, HiddenRule.SQRT_INPUTS_TIMES_OUTPUTS.sizes(2, 1));
    assertArrayEquals(new int[] {3}, HiddenRule.SQRT_INPUTS_TIMES_OUTPUTS.sizes(4, 3));
    assertArrayEquals(new int[] {2}, HiddenRule.TWO_THIRDS_OF_INPUTS_PLUS_OUTPUTS.sizes(2, 1));
    assertArrayEquals(new int[] {4}, HiddenRule.TWO_THIRDS_OF_INPUTS_PLUS_OUTPUTS.sizes(4, 3));
    // iris: 150 rows, 4 inputs, 3 outputs, alpha 5: floor(150 / 35) = 4; spirals 194 / (5 * 3) = 12
    assertArrayEquals(new int[] {4},
        HiddenRule.SAMPLES_OVER_WEIGHTS.sizes(new HiddenRule.Shape(4, 3, 150, 5.0)));
    assertArrayEquals(new int[] {12},
        HiddenRule.SAMPLES_OVER_WEIGHTS.sizes(new HiddenRule.Shape(2, 1, 194, 5.0)));
    assertArrayEquals(new int[] {1}, HiddenRule.SAMPLES_OVER_WEIGHTS.sizes(new HiddenRule.Shape(2, 1, 4, 5.0)),
        "never below 1");
    assertArrayEquals(new int[] {32},
        HiddenRule.SAMPLES_OVER_WEIGHTS.sizes(new HiddenRule.Shape(2, 1, 194, 2.0)));
  }

  @Test
  void rangeSizesSearchARangeRuleOnAGeometricGrid() {
    Study.Builder b = Studies.builder(Studies.or()).models(Model.HIDDEN).hiddenRules(
        HiddenRule.FEWER_THAN_TWICE_INPUTS, HiddenRule.BETWEEN_INPUTS_AND_OUTPUTS,
        HiddenRule.SQRT_INPUTS_TIMES_OUTPUTS).hiddenSizes(5);
    // 60 inputs, 1 output (sonar's shape): fewer-than-twice-inputs spans 1..119, between 1..60
    var grid = Grid.hiddenSizes(b.rangeSizes(8).build(), 60, 1, 208);
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 8, 10, 15, 19, 30, 33, 60, 119), List.copyOf(grid.keySet()));
    String fewer = "fewer-than-twice-inputs";
    String between = "between-inputs-and-outputs";
    assertEquals(List.of(fewer, between), grid.get(1));
    assertEquals(List.of(fewer), grid.get(4));
    assertEquals(List.of(between), grid.get(3));
    assertEquals(List.of(), grid.get(5), "an explicit size carries no rule unless one recommends it");
    assertEquals(List.of(fewer, "sqrt-inputs-times-outputs"), grid.get(8));
    assertEquals(List.of(fewer, between), grid.get(60));
    assertEquals(List.of(fewer), grid.get(119));
    // absent: every integer of the ranges, as before
    var every = Grid.hiddenSizes(b.rangeSizes(0).build(), 60, 1, 208);
    assertEquals(119, every.size());
    assertEquals(List.of(fewer, between, "sqrt-inputs-times-outputs"), every.get(8));
    // a range no longer than range-sizes is searched whole: 4 inputs, 3 outputs gives 1..7 and 3..4
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), List.copyOf(Grid.hiddenSizes(b.rangeSizes(8).build(), 4, 3, 150)
        .keySet()));
    // 12 sizes on 1..119
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 8, 9, 14, 20, 21, 29, 32, 41, 50, 60, 77, 119),
        List.copyOf(Grid.hiddenSizes(b.rangeSizes(12).build(), 60, 1, 208).keySet()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.rangeSizes(7).build());
    assertEquals("hidden.range-sizes must be >= 8, found 7", e.getMessage());
  }

  @Test
  void initIsTheLastAxis() {
    Study base = Studies.builder(Studies.xor()).models(Model.HIDDEN).hiddenSizes(2).learningRates(0.5).epochs(10)
        .bias(true).seeds(Seeds.of(0, 1)).build();
    Study study = base.toBuilder()
        .inits(new InitSpec.Uniform(), new InitSpec.Symmetric(0.5), new InitSpec.Xavier()).build();
    Grid grid = Grid.expand(study, List.of(Studies.xor()));
    assertEquals(List.of("0 uniform", "0 symmetric(0.5)", "0 xavier", "1 uniform", "1 symmetric(0.5)", "1 xavier"),
        grid.specs().map(s -> s.seed() + " " + s.init().label()).toList());
    Weights sym = grid.spec(1).initialWeights();
    Weights xav = grid.spec(2).initialWeights();
    double a = Math.sqrt(6.0 / (2 + 2));
    for (double[] row : sym.hidden()) {
      for (double v : row) {
        assertTrue(v >= -0.5 && v < 0.5, "symmetric(0.5): " + v);
      }
    }
    for (double[] row : xav.hidden()) {
      for (double v : row) {
        assertTrue(v >= -a && v < a, "xavier hidden bound " + a + ": " + v);
      }
    }
    assertArrayEquals(new double[] {0, 0}, xav.hiddenBias(), "xavier biases start at 0");
    assertTrue(Math.abs(sym.outputBias()[0]) < 0.5 && sym.outputBias()[0] != 0, "symmetric draws biases");
  }

  @Test
  void expandsInFixedAxisOrderWithExactContents() {
    Study study = Studies.builder(Studies.or(), Studies.fullAdder()).models(Model.NONE, Model.HIDDEN).hiddenSizes(3)
        .hiddenRules(HiddenRule.TWO_THIRDS_INPUTS_PLUS_OUTPUTS).learningRates(0.1, 0.5).epochs(10).bias(false, true)
        .seeds(Seeds.of(7, 8)).build();
    Grid grid = Grid.expand(study, List.of(Studies.or(), Studies.fullAdder()));

    // (dataset, model, hidden, rules) in order: explicit sizes and rule sizes merged ascending per dataset
    String[] structures = {
        "or none 0 []", "or hidden 2 [two-thirds-inputs-plus-outputs]", "or hidden 3 []",
        "full-adder none 0 []", "full-adder hidden 3 []", "full-adder hidden 4 [two-thirds-inputs-plus-outputs]"};
    List<String> expected = new ArrayList<>();
    for (String s : structures) {
      for (double rate : new double[] {0.1, 0.5}) {
        for (boolean bias : new boolean[] {false, true}) {
          for (long seed : new long[] {7, 8}) {
            expected.add(s + " " + rate + " 10 " + bias + " " + seed + " uniform");
          }
        }
      }
    }
    List<String> actual = grid.specs().map(GridTest::describe).toList();
    assertEquals(expected, actual);
    assertEquals(48, grid.size());
    for (long id = 0; id < grid.size(); id++) {
      assertEquals(id, grid.spec(id).id());
    }
  }

  @Test
  void shapesAndWeightCounts() {
    Study study = Studies.builder(Studies.fullAdder()).models(Model.NONE, Model.HIDDEN).hiddenSizes(4)
        .learningRates(0.1).epochs(5).bias(false, true).seeds(Seeds.of(0)).build();
    Grid grid = Grid.expand(study, List.of(Studies.fullAdder()));
    List<String> shapes = grid.specs().map(s -> s.model() + " " + s.inputs() + "-" + s.hidden() + "-" + s.outputs()
        + " bias=" + s.bias() + " weights=" + s.weights()).toList();
    assertEquals(List.of("none 3-0-2 bias=false weights=6", "none 3-0-2 bias=true weights=8",
        "hidden 3-4-2 bias=false weights=20", "hidden 3-4-2 bias=true weights=26"), shapes);
  }

  @Test
  void aSpecIsAShapeAndASettingAndTheGridBuildsEachShapeOnce() {
    Study study = Studies.builder(Studies.xor()).models(Model.HIDDEN).hiddenSizes(2).learningRates(0.05, 0.5)
        .epochs(10).bias(false, true).seeds(Seeds.range(0, 2)).build();
    Grid grid = Grid.expand(study, List.of(Studies.xor()));
    NetworkSpec spec = grid.spec(7);
    assertEquals(new Shape(Model.HIDDEN, 2, 2, 1, true), spec.shape());
    assertEquals(new NetworkSpec.Setting(0.5, 10, 1, study.inits().get(0)), spec.setting());
    assertEquals(new NetworkSpec(7, "xor", 0, Model.HIDDEN, 2, spec.rules(), 2, 1, true, 0.5, 10, 1,
        study.inits().get(0)), spec);
    // every network of a shape shares its one Shape: a spec's shape is not rebuilt for each network or call
    assertSame(grid.spec(2).shape(), spec.shape());
    assertSame(spec.shape(), spec.withEpochs(20).shape());
    assertEquals(20, spec.withEpochs(20).epochs());
    assertEquals("epochs must be >= 1, found 0", assertThrows(IllegalArgumentException.class,
        () -> spec.withEpochs(0)).getMessage());
    assertEquals("hidden units must be >= 1 for model hidden, found 0", assertThrows(IllegalArgumentException.class,
        () -> new NetworkSpec(0, "xor", 0, Model.HIDDEN, 0, List.of(), 2, 1, true, 0.5, 10, 1,
            study.inits().get(0))).getMessage());
  }

  @Test
  void idsAreStableAcrossExpansions() {
    Study study = tutorialLike();
    Grid a = Grid.expand(study, List.of(Studies.or(), Studies.xor()));
    Grid b = Grid.expand(study, List.of(Studies.or(), Studies.xor()));
    assertEquals(a.specs().toList(), b.specs().toList());
  }

  @Test
  void seedRangeDecodesWithoutMaterialising() {
    Study study = Studies.builder(Studies.xor()).models(Model.HIDDEN).hiddenSizes(2).learningRates(0.5).epochs(100)
        .bias(true).seeds(Seeds.range(1000, 1_000_000)).build();
    Grid grid = Grid.expand(study, List.of(Studies.xor()));
    assertEquals(1_000_000, grid.size());
    assertEquals(1000 + 765_432, grid.spec(765_432).seed());
    assertThrows(IndexOutOfBoundsException.class, () -> grid.spec(1_000_000));
  }

  @Test
  void initSeedIgnoresRateAndEpochsButNotTheRest() {
    Study study = Studies.builder(Studies.or(), Studies.xor()).models(Model.HIDDEN).hiddenSizes(2, 3)
        .learningRates(0.05, 0.5).epochs(10, 20).bias(false, true).seeds(Seeds.of(0, 1)).build();
    Grid grid = Grid.expand(study, List.of(Studies.or(), Studies.xor()));
    List<NetworkSpec> specs = grid.specs().toList();
    for (NetworkSpec a : specs) {
      for (NetworkSpec b : specs) {
        boolean sameStart = a.dataset().equals(b.dataset()) && a.hidden() == b.hidden() && a.bias() == b.bias()
            && a.seed() == b.seed();
        if (sameStart) {
          assertEquals(a.initSeed(), b.initSeed());
          assertEquals(a.initialWeights(), b.initialWeights());
        } else {
          assertNotEquals(a.initSeed(), b.initSeed(), a + " vs " + b);
        }
      }
    }
  }

  @Test
  void initSeedIsPinned() {
    // changing the derivation silently changes every published number: this pins it
    NetworkSpec spec = new NetworkSpec(0, "xor", 0, Model.HIDDEN, 2, List.of(), 2, 1, true, 0.5, 10, 3,
        new InitSpec.Uniform());
    assertEquals(spec.initSeed(), new NetworkSpec(99, "xor", 1, Model.HIDDEN, 2, List.of(), 2, 1, true, 0.1, 5, 3,
        new InitSpec.Uniform()).initSeed());
    assertEquals(-7_275_612_010_641_138_643L, spec.initSeed());
    Weights w = spec.initialWeights();
    assertEquals(9, w.count());
    for (double[] row : w.hidden()) {
      for (double v : row) {
        assertTrue(v >= 0 && v < 1, "uniform [0,1): " + v);
      }
    }
  }

  @Test
  void fixedWeightsOfTheWrongShapeAreAnError() {
    Study base = Studies.builder(Studies.or()).models(Model.HIDDEN).hiddenSizes(4).learningRates(0.05).epochs(10)
        .bias(false).seeds(Seeds.of(0)).build();
    Study fixed = base.toBuilder().source("conf/x.conf").inits(new InitSpec.Fixed(
        new double[][] {{.1, .2, .3}, {.4, .5, .6}}, new double[][] {{.7}, {.8}, {.9}}, null, null)).build();
    InputException e = assertThrows(InputException.class, () -> Grid.expand(fixed, List.of(Studies.or())));
    assertEquals("conf/x.conf: study.init.hidden: wrong shape, found 2 x 3, expected 2 x 4 for dataset or,"
        + " hidden size 4 (inputs x hidden)", e.getMessage());
  }

  @Test
  void shapesAreOneNetworkPerDatasetModelHiddenSizeAndBias() {
    Study study = Studies.builder(Studies.or(), Studies.xor()).models(Model.NONE, Model.HIDDEN).hiddenSizes(2, 4)
        .learningRates(0.05, 0.5).epochs(10, 20).bias(false, true).seeds(Seeds.range(0, 3)).build();
    Grid grid = Grid.expand(study, List.of(Studies.or(), Studies.xor()));
    assertEquals(List.of("or none 0 false 0", "or none 0 true 3", "or hidden 2 false 24", "or hidden 2 true 27",
        "or hidden 4 false 48", "or hidden 4 true 51", "xor none 0 false 72", "xor none 0 true 75",
        "xor hidden 2 false 96", "xor hidden 2 true 99", "xor hidden 4 false 120", "xor hidden 4 true 123"),
        grid.shapes().stream().map(s -> s.dataset() + " " + s.model() + " " + s.hidden() + " " + s.bias() + " "
            + s.id()).toList());
  }

  @Test
  void shapeRunsEndWhereTheShapeChanges() {
    Study study = Studies.builder(Studies.xor()).models(Model.HIDDEN).hiddenSizes(2, 3).learningRates(0.05, 0.5)
        .epochs(10).bias(false, true).seeds(Seeds.range(0, 3)).build();
    Grid grid = Grid.expand(study, List.of(Studies.xor()));
    for (long id = 0; id < grid.size(); id++) {
      long end = grid.shapeRunEnd(id);
      NetworkSpec first = grid.spec(id);
      for (long j = id; j < end; j++) {
        NetworkSpec s = grid.spec(j);
        assertEquals(first.hidden() + " " + first.bias(), s.hidden() + " " + s.bias(), "id " + j);
      }
      assertTrue(end == grid.size() || grid.spec(end).bias() != first.bias(), "run of " + id + " ends at " + end);
    }
    assertEquals(3, grid.shapeRunEnd(0));
    // bias not an axis: the whole (dataset, model, hidden) block is one shape, across learning rates
    Study oneBias = Studies.builder(Studies.xor()).models(Model.HIDDEN).hiddenSizes(2, 3).learningRates(0.05, 0.5)
        .epochs(10).bias(true).seeds(Seeds.range(0, 3)).build();
    Grid g = Grid.expand(oneBias, List.of(Studies.xor()));
    assertEquals(6, g.shapeRunEnd(0));
    assertEquals(12, g.shapeRunEnd(6));
  }

  @Test
  void costIsEpochsTimesRowsTimesParametersPlusSixAndThreeQuartersPerSigmoid() {
    Study study = Studies.builder(Studies.xor()).models(Model.NONE, Model.HIDDEN).hiddenSizes(3).learningRates(0.5)
        .epochs(100, 1000).bias(false, true).seeds(Seeds.range(0, 2)).build();
    Grid grid = Grid.expand(study, List.of(Studies.xor()));
    for (long id = 0; id < grid.size(); id++) {
      NetworkSpec s = grid.spec(id);
      double expected = (double) s.epochs() * 4 * (s.weights() + 6.75 * (s.hidden() + s.outputs()));
      assertEquals(expected, grid.cost(id), "id " + id + " " + s);
    }
    // 2-3-1 with bias, 1000 epochs, 4 rows: 13 parameters, 4 sigmoids
    assertEquals(1000.0 * 4 * (13 + 27), grid.cost(grid.size() - 1));
  }

  private static Study tutorialLike() {
    return Studies.builder(Studies.or(), Studies.xor()).models(Model.NONE, Model.HIDDEN).hiddenSizes(3, 4)
        .hiddenRules(HiddenRule.values()).learningRates(0.05).epochs(200_000).bias(false, true)
        .seeds(Seeds.range(0, 10)).build();
  }

  private static String describe(NetworkSpec s) {
    return s.dataset() + " " + s.model() + " " + s.hidden() + " " + s.rules() + " " + s.learningRate() + " "
        + s.epochs() + " " + s.bias() + " " + s.seed() + " " + s.init().scheme();
  }
}
