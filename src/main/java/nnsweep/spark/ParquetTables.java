package nnsweep.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import nnsweep.grid.Grid;
import nnsweep.run.NetworkColumns;
import nnsweep.run.Problem;
import nnsweep.run.ResultCodec;
import nnsweep.run.TrainingResult;
import nnsweep.study.Study;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The per-network tables written by the tasks, in parallel, as Parquet datasets (one folder per table: results,
 * predictions, curves) with Spark's Parquet writer and its output commit protocol (task files are committed into the
 * folder when the job commits, then {@code _SUCCESS}), on whatever filesystem the output folder is. The rows are
 * the CSV files' own cells, typed: both come from {@link NetworkColumns}.
 */
final class ParquetTables {
  private ParquetTables() {}

  /** Writes the tables of {@code blocks} under {@code folder} (a URI); returns the folder names written. */
  static List<String> write(JavaRDD<byte[]> blocks, String folder, Broadcast<Grid> grid,
      Broadcast<List<Problem>> problems, Study study) {
    SparkSession spark = SparkSession.builder().config(blocks.context().getConf()).getOrCreate();
    List<String> written = new ArrayList<>();
    for (NetworkColumns.Table<?> table : NetworkColumns.tables(study, problems.value(), spec -> -1)) {
      List<StructField> fields = new ArrayList<>();
      for (NetworkColumns.Column<?> column : table.columns()) {
        fields.add(DataTypes.createStructField(column.name(), sparkType(column.type()), true));
      }
      // curves of a few seeds per cell: only the blocks holding such a network are decoded
      JavaRDD<byte[]> source = table.name().equals("curves") && study.curveSeeds() != Integer.MAX_VALUE
          ? blocks.filter(block -> anyCurve(block, grid.value(), study)) : blocks;
      JavaRDD<Row> rows = source.mapPartitions(new ToRows(table.name(), grid, problems, study));
      spark.createDataFrame(rows, new StructType(fields.toArray(StructField[]::new)))
          .write().mode(SaveMode.Overwrite).parquet(folder + "/" + table.name());
      written.add(table.name() + "/");
    }
    return written;
  }

  private static DataType sparkType(NetworkColumns.Type type) {
    return switch (type) {
      case LONG -> DataTypes.LongType;
      case INT -> DataTypes.IntegerType;
      case DOUBLE -> DataTypes.DoubleType;
      case BOOLEAN -> DataTypes.BooleanType;
      case STRING -> DataTypes.StringType;
    };
  }

  /** The networks of {@code ids} among {@code blocks}, collected on the driver (only their blocks are decoded). */
  static List<TrainingResult> collect(JavaRDD<byte[]> blocks, Set<Long> ids, Broadcast<Grid> grid,
      Broadcast<List<Problem>> problems) {
    Set<Long> wanted = Set.copyOf(ids);
    long[] sorted = ids.stream().mapToLong(Long::longValue).sorted().toArray();
    return new ArrayList<>(blocks.filter(block -> holdsAny(block, sorted))
        .flatMap(block -> ResultCodec.decode(block, grid.value(), problems.value())
        .stream().filter(r -> wanted.contains(r.spec().id())).iterator()).collect());
  }

  /** Whether the block's id range holds one of the {@code sorted} ids. */
  static boolean holdsAny(byte[] block, long[] sorted) {
    long from = ResultCodec.from(block);
    int i = java.util.Arrays.binarySearch(sorted, from);
    int next = i >= 0 ? i : -i - 1;
    return next < sorted.length && sorted[next] < from + ResultCodec.count(block);
  }

  /** Whether a network of the block has its curve in the curves table (checked from the grid, not decoded). */
  static boolean anyCurve(byte[] block, Grid grid, Study study) {
    long from = ResultCodec.from(block);
    for (long id = from; id < from + ResultCodec.count(block); id++) {
      if (study.curveWritten(grid.spec(id).seed())) {
        return true;
      }
    }
    return false;
  }

  /** Executor side: a partition's blocks as rows of one table (a named class, no closure). */
  private static final class ToRows implements FlatMapFunction<Iterator<byte[]>, Row> {
    private static final long serialVersionUID = 1L;
    private final String table;
    private final Broadcast<Grid> grid;
    private final Broadcast<List<Problem>> problems;
    private final Study study;

    ToRows(String table, Broadcast<Grid> grid, Broadcast<List<Problem>> problems, Study study) {
      this.table = table;
      this.grid = grid;
      this.problems = problems;
      this.study = study;
    }

    @Override
    public Iterator<Row> call(Iterator<byte[]> blocks) {
      NetworkColumns.Table<?> columns = NetworkColumns.table(table, study, problems.value());
      NetworkColumns.Type[] types = columns.types().toArray(NetworkColumns.Type[]::new);
      // lazily, one block and one network's rows at a time: the Parquet writer pulls the rows as it writes them
      return new Iterator<>() {
        private Iterator<TrainingResult> results = java.util.Collections.emptyIterator();
        private Iterator<List<String>> rows = java.util.Collections.emptyIterator();

        @Override
        public boolean hasNext() {
          while (!rows.hasNext()) {
            while (!results.hasNext()) {
              if (!blocks.hasNext()) {
                return false;
              }
              results = ResultCodec.decode(blocks.next(), grid.value(), problems.value()).iterator();
            }
            TrainingResult r = results.next();
            rows = columns.cells(r).iterator();
          }
          return true;
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new java.util.NoSuchElementException();
          }
          List<String> row = rows.next();
          Object[] values = new Object[types.length];
          for (int i = 0; i < types.length; i++) {
            values[i] = types[i].value(row.get(i));
          }
          return RowFactory.create(values);
        }
      };
    }
  }
}
