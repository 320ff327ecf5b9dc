package nnsweep.testing;

import java.util.List;
import nnsweep.data.Dataset;
import nnsweep.study.DatasetSpec;
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

  /**
   * A dataset of the size where matrix products win ({@link nnsweep.nn.Kernel#GEMM} for a hidden layer of 8): 200
   * rows of 12 inputs in [0, 1), 3 one-hot classes from a seeded random linear rule.
   */
  public static Dataset wide() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(12);
    double[][] w = new double[12][3];
    for (double[] row : w) {
      for (int o = 0; o < 3; o++) {
        row[o] = random.nextGaussian();
      }
    }
    double[][] x = new double[200][12];
    double[][] t = new double[200][3];
    for (int i = 0; i < 200; i++) {
      double[] score = new double[3];
      for (int q = 0; q < 12; q++) {
        x[i][q] = Math.round(random.nextDouble() * 1e4) / 1e4;
        for (int o = 0; o < 3; o++) {
          score[o] += x[i][q] * w[q][o];
        }
      }
      int best = 0;
      for (int o = 1; o < 3; o++) {
        best = score[o] > score[best] ? o : best;
      }
      t[i][best] = 1;
    }
    List<String> in = new java.util.ArrayList<>();
    for (int q = 1; q <= 12; q++) {
      in.add("x" + q);
    }
    return new Dataset("wide", "data/wide.csv", in, List.of("a", "b", "c"), x, t);
  }

  /**
   * {@link Study#builder()} preset for tests: a study named "test" from "test.conf" over {@code datasets} (specs named
   * like them, no queries), recording no curves.
   */
  public static Study.Builder builder(Dataset... datasets) {
    return builder(List.of(datasets));
  }

  /** As {@link #builder(Dataset...)}. */
  public static Study.Builder builder(List<Dataset> datasets) {
    return Study.builder().name("test").source("test.conf").datasets(specs(datasets)).curvePoints(0);
  }

  /** Dataset specs named like {@code datasets}, no queries. */
  public static List<DatasetSpec> specs(List<Dataset> datasets) {
    return datasets.stream().map(d -> new DatasetSpec(d.name(), d.source(), d.outputCount(), List.of())).toList();
  }
}
