package nnsweep.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import nnsweep.grid.NetworkSpec;
import nnsweep.nn.Model;
import nnsweep.run.NetworkRun;
import nnsweep.run.Problem;
import nnsweep.study.InitSpec;
import nnsweep.testing.Studies;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Benchmark 4: what a Spark user would reach for instead. Spark MLlib's MultilayerPerceptronClassifier (solver gd,
 * the same hidden size, learning rate and number of iterations), fitted once per configuration of a small grid, as
 * CrossValidator / TrainValidationSplit would, against nnsweep training the same grid, in the same run.
 *
 * <p>Not the same model: MLlib's output layer is a softmax over 2 classes (XOR as 2 classes) and its loss is
 * cross-entropy; it is the cost of the tool per configuration that is compared, not the numbers.
 *
 * <p>usage: MllibBench [configs] [epochs] [repeats]  (defaults 12 configurations, 200 epochs, 3 repeats)
 */
public final class MllibBench {
  public static void main(String[] args) {
    int configs = args.length > 0 ? Integer.parseInt(args[0]) : 12;
    int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    SparkSession spark = SparkSession.builder().master("local[1]").appName("nnsweep-mllib-bench")
        .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    StructType schema = new StructType(new StructField[] {
        new StructField("label", DataTypes.DoubleType, false, org.apache.spark.sql.types.Metadata.empty()),
        new StructField("features", new VectorUDT(), false, org.apache.spark.sql.types.Metadata.empty())});
    List<Row> rows = List.of(RowFactory.create(0.0, Vectors.dense(0, 0)), RowFactory.create(1.0, Vectors.dense(0, 1)),
        RowFactory.create(1.0, Vectors.dense(1, 0)), RowFactory.create(0.0, Vectors.dense(1, 1)));
    Dataset<Row> xor = spark.createDataFrame(rows, schema).cache();
    xor.count();

    Problem problem = new Problem(Studies.xor(), new double[0][]);
    List<Double> mllib = new ArrayList<>();
    List<Double> ours = new ArrayList<>();
    for (int rep = 0; rep < repeats + 1; rep++) {
      long t0 = System.nanoTime();
      for (int c = 0; c < configs; c++) {
        new MultilayerPerceptronClassifier().setLayers(new int[] {2, 2 + c % 3, 2}).setSolver("gd")
            .setMaxIter(epochs).setStepSize(0.5).setTol(0.0).setSeed(c).fit(xor);
      }
      long t1 = System.nanoTime();
      double sink = 0;
      for (int c = 0; c < configs; c++) {
        NetworkSpec spec = new NetworkSpec(c, "xor", 0, Model.HIDDEN, 2 + c % 3, List.of(), 2, 1, true, 0.5, epochs,
            c, new InitSpec.Uniform());
        sink += NetworkRun.train(spec, problem).finalError();
      }
      long t2 = System.nanoTime();
      if (rep > 0) { // the first round warms both up
        mllib.add((t1 - t0) / 1e9);
        ours.add((t2 - t1) / 1e9);
      }
      if (Double.isNaN(sink)) {
        System.out.println("(sink)");
      }
    }
    double m = median(mllib);
    double o = median(ours);
    System.out.printf(Locale.ROOT, "| %d configurations (2-{2,3,4}-2 XOR, gd, %d iterations, local[1]) | %.3f s"
        + " | %.4f s | %.0fx |%n", configs, epochs, m, o, m / o);
    System.out.printf(Locale.ROOT, "per configuration: MLlib %.1f ms, nnsweep %.3f ms (medians of %d runs: MLlib %s,"
        + " nnsweep %s)%n", 1e3 * m / configs, 1e3 * o / configs, repeats, mllib, ours);
    spark.stop();
  }

  private static double median(List<Double> v) {
    double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
