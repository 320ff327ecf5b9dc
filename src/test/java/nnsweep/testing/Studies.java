package nnsweep.testing;

import java.util.List;
import nnsweep.data.Dataset;
import nnsweep.nn.Model;
import nnsweep.study.DatasetSpec;
import nnsweep.study.HiddenRule;
import nnsweep.study.InitSpec;
import nnsweep.study.Seeds;
import nnsweep.study.Study;

/** Small studies and datasets built in code, for tests. */
public final class Studies {
  private Studies() {}

  public static final double[][] BITS2 = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

  public static Dataset or() {
    return new Dataset("or", "data/or.csv", List.of("x1", "x2"), List.of("or"), BITS2,
        new double[][] {{0}, {1}, {1}, {1}});
  }

  public static Dataset xor() {
    return new Dataset("xor", "data/xor.csv", List.of("x1", "x2"), List.of("xor"), BITS2,
        new double[][] {{0}, {1}, {1}, {0}});
  }

  public static Dataset fullAdder() {
    double[][] x = new double[8][3];
    double[][] t = new double[8][2];
    for (int i = 0; i < 8; i++) {
      int a = i >> 2 & 1;
      int b = i >> 1 & 1;
      int c = i & 1;
      x[i] = new double[] {a, b, c};
      t[i] = new double[] {(a + b + c) % 2, (a + b + c) / 2};
    }
    return new Dataset("full-adder", "data/full-adder.csv", List.of("a", "b", "carry_in"),
        List.of("sum", "carry_out"), x, t);
  }

  /** A study over the given datasets (specs named like them) with the given axes. */
  public static Study study(List<Dataset> datasets, List<Model> models, List<Integer> sizes, List<HiddenRule> rules,
      List<Double> rates, List<Integer> epochs, List<Boolean> bias, Seeds seeds) {
    List<DatasetSpec> specs = datasets.stream()
        .map(d -> new DatasetSpec(d.name(), d.source(), d.outputCount(), List.of())).toList();
    return new Study("test", "test.conf", specs, models, sizes, rules, rates, epochs, bias, seeds,
        List.of(new InitSpec.Uniform()), 0, 0, 5.0, Double.NEGATIVE_INFINITY, "{}");
  }
}
