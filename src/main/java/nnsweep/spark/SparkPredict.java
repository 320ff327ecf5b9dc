package nnsweep.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import nnsweep.errors.InputException;
import nnsweep.model.SavedModel;
import nnsweep.predict.Scorer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * {@code predict} for inputs too big for one machine or in Parquet: Spark reads the data (CSV with a header row, or
 * Parquet, from any filesystem Spark reaches), the tasks score their rows with the saved model, and the driver
 * streams the lines, one partition at a time, in row order, into the output file.
 */
public final class SparkPredict {
  private SparkPredict() {}

  /**
   * Scores {@code data} (a Parquet file or folder when {@code parquet}, else CSV) and writes predictions.csv's text
   * to {@code out}; returns the rows scored. A missing column or a bad cell is an {@link InputException}.
   */
  public static long run(SparkConf conf, String data, boolean parquet, SavedModel model, String shownModel,
      String shownData, OutputStream out) throws IOException {
    SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
    try {
      Dataset<Row> df = parquet ? spark.read().parquet(data)
          : spark.read().option("header", "true").option("mode", "PERMISSIVE").csv(data);
      List<String> header = Arrays.asList(df.columns());
      Scorer scorer = Scorer.of(model, header, shownData, shownModel);
      List<Column> cols = new ArrayList<>();
      for (String name : model.inputs()) {
        cols.add(df.col("`" + name.replace("`", "``") + "`"));
      }
      // the selected columns carry the model's names in its order: a scorer of the selection reads them directly
      Scorer selected = Scorer.of(model, model.inputs(), shownData, shownModel);
      Iterator<String> lines = df.select(cols.toArray(Column[]::new)).javaRDD().zipWithIndex()
          .map(new ScoreRow(selected, shownData, parquet)).toLocalIterator();
      BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      w.write(String.join(",", scorer.header()));
      w.write('\n');
      long rows = 0;
      while (lines.hasNext()) {
        w.write(lines.next());
        w.write('\n');
        rows++;
      }
      w.flush();
      return rows;
    } catch (Exception e) { // Spark's exceptions are checked ones, thrown undeclared
      // a task's bad cell comes back wrapped in Spark's exceptions: the user's message is the inner one
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof InputException ie) {
          throw ie;
        }
      }
      String m = String.valueOf(e.getMessage());
      int at = m.indexOf("nnsweep.errors.InputException: ");
      if (at >= 0) {
        String rest = m.substring(at + "nnsweep.errors.InputException: ".length());
        throw new InputException(rest.lines().findFirst().orElse(rest), e);
      }
      throw e;
    } finally {
      spark.stop();
    }
  }

  /** Executor side: one row (with its 0-based index) scored into its predictions.csv line. */
  private static final class ScoreRow implements Function<Tuple2<Row, Long>, String> {
    private static final long serialVersionUID = 1L;
    private final Scorer scorer;
    private final String shownData;
    private final boolean parquet;

    ScoreRow(Scorer scorer, String shownData, boolean parquet) {
      this.scorer = scorer;
      this.shownData = shownData;
      this.parquet = parquet;
    }

    @Override
    public String call(Tuple2<Row, Long> t) {
      Row r = t._1();
      List<String> cells = new ArrayList<>(r.size());
      for (int i = 0; i < r.size(); i++) {
        cells.add(r.isNullAt(i) ? "" : String.valueOf(r.get(i)));
      }
      long row = t._2();
      // CSV: the header is line 1 (lines inside quoted cells aside); Parquet has rows, not lines
      String where = parquet ? shownData + ": row " + row : shownData + ":" + (row + 2);
      return scorer.line(row, scorer.inputs(cells, where));
    }
  }
}
