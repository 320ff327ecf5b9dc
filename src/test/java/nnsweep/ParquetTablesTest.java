package nnsweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import nnsweep.grid.Grid;
import nnsweep.grid.IdRange;
import nnsweep.run.Problem;
import nnsweep.run.Problems;
import nnsweep.run.RangeTrainer;
import nnsweep.state.RunState;
import nnsweep.study.Study;
import nnsweep.study.StudyLoader;
import nnsweep.testing.Csv;
import nnsweep.testing.InProcessJob;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tables = parquet}: results, predictions and curves written by the tasks as Parquet datasets hold exactly
 * the rows and values of the CSV files a CSV run writes (read back with parquet-hadoop's own reader, not Spark),
 * typed; a resumed run with every network committed (no training, Spark only for the tables) writes them too.
 */
@ExtendWith(InProcessJob.class)
class ParquetTablesTest {
  @TempDir static Path tmp;
  static final String[] STUDY = {"--config", "conf/tutorial.conf", "--set", "seeds=[0, 1, 2]", "--set",
      "epochs=[2000]", "--set", "learning-rates=[0.5]", "--set", "curve-points=6", "--set", "curve-seeds=2"};

  @BeforeAll
  static void runBoth() {
    InProcessJob.Run csv = run(tmp.resolve("csv"), "tables=csv");
    assertEquals(0, csv.status(), csv.err());
    InProcessJob.Run parquet = run(tmp.resolve("parquet"), "tables=parquet");
    assertEquals(0, parquet.status(), parquet.err());
    assertTrue(parquet.out().contains("nnsweep: wrote " + tmp.resolve("parquet") + ": "), parquet.out());
  }

  private static InProcessJob.Run run(Path out, String tables) {
    List<String> args = new ArrayList<>(List.of(STUDY));
    args.addAll(List.of("--out", out.toString(), "--set", tables));
    return InProcessJob.run(args.toArray(String[]::new));
  }

  @Test
  void parquetTablesHoldTheCsvFilesRows() throws IOException {
    for (String table : List.of("results", "predictions", "curves")) {
      Path dir = tmp.resolve("parquet").resolve(table);
      assertTrue(Files.isRegularFile(dir.resolve("_SUCCESS")), table + ": committed");
      assertFalse(Files.exists(tmp.resolve("parquet").resolve(table + ".csv")), table + ".csv not written");
      Csv.Table csv = Csv.read(tmp.resolve("csv").resolve(table + ".csv"));
      List<List<String>> expected = new ArrayList<>();
      csv.rows().forEach(r -> expected.add(csv.header().stream().map(c -> c.equals("train_ms") ? "" : r.get(c))
          .toList()));
      List<List<String>> actual = read(dir, csv.header());
      Comparator<List<String>> byKey = Comparator.comparingLong((List<String> r) -> Long.parseLong(r.get(0)))
          .thenComparing(r -> String.join(",", r));
      expected.sort(byKey);
      actual.sort(byKey);
      assertEquals(expected.size(), actual.size(), table + " rows");
      assertEquals(expected, actual, table);
    }
    // the other reports are the same files
    for (String f : List.of("summary.csv", "rules.csv", "layers.csv")) {
      assertEquals(Files.readString(tmp.resolve("csv").resolve(f)), Files.readString(tmp.resolve("parquet")
          .resolve(f)), f);
    }
  }

  @Test
  void aResumeWithEveryNetworkCommittedWritesTheSameTables() throws IOException {
    // what a driver killed between its last commit and the tables leaves: every network committed, no reports
    Path out = tmp.resolve("all-committed");
    List<String> sets = new ArrayList<>();
    for (int i = 2; i < STUDY.length; i += 2) {
      sets.add(STUDY[i + 1]);
    }
    Study study = StudyLoader.load(Path.of("conf/tutorial.conf"), sets);
    List<Problem> problems = Problems.load(study);
    Grid grid = Grid.expand(study, Problems.datasets(problems));
    RunState state = RunState.open(out, RunState.Mode.NEW, study, problems);
    IdRange all = new IdRange(0, grid.size());
    state.commit(all, new RangeTrainer(grid, problems, false).train(all));

    List<String> args = new ArrayList<>(List.of(STUDY));
    args.addAll(List.of("--out", out.toString(), "--resume", "--set", "tables=parquet"));
    InProcessJob.Run resumed = InProcessJob.run(args.toArray(String[]::new));
    assertEquals(0, resumed.status(), resumed.err());
    assertTrue(resumed.out().contains("trained 0 networks"), resumed.out());
    for (String table : List.of("results", "predictions", "curves")) {
      Csv.Table csv = Csv.read(tmp.resolve("csv").resolve(table + ".csv"));
      List<List<String>> expected = read(tmp.resolve("parquet").resolve(table), csv.header());
      List<List<String>> actual = read(out.resolve(table), csv.header());
      Comparator<List<String>> byText = Comparator.comparing(r -> String.join(",", r));
      expected.sort(byText);
      actual.sort(byText);
      assertEquals(expected, actual, table);
    }
  }

  @Test
  void columnsAreTyped() throws IOException {
    try (ParquetReader<Group> reader = reader(partFiles(tmp.resolve("parquet/results")).get(0))) {
      Group g = reader.read();
      assertEquals(PrimitiveType.PrimitiveTypeName.INT64, type(g, "network_id"));
      assertEquals(PrimitiveType.PrimitiveTypeName.DOUBLE, type(g, "final_error"));
      assertEquals(PrimitiveType.PrimitiveTypeName.BOOLEAN, type(g, "bias"));
      assertEquals(PrimitiveType.PrimitiveTypeName.INT32, type(g, "hidden"));
      assertEquals(PrimitiveType.PrimitiveTypeName.BINARY, type(g, "dataset"));
    }
  }

  private static PrimitiveType.PrimitiveTypeName type(Group g, String column) {
    return g.getType().getType(column).asPrimitiveType().getPrimitiveTypeName();
  }

  /** Every row of the dataset in {@code dir}, each value as the CSV files write it (null as empty). */
  private static List<List<String>> read(Path dir, List<String> header) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    for (Path part : partFiles(dir)) {
      try (ParquetReader<Group> reader = reader(part)) {
        for (Group g = reader.read(); g != null; g = reader.read()) {
          List<String> row = new ArrayList<>();
          for (String column : header) {
            row.add(column.equals("train_ms") ? "" : text(g, column));
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  private static String text(Group g, String column) {
    if (g.getFieldRepetitionCount(column) == 0) {
      return "";
    }
    Type t = g.getType().getType(column);
    return switch (t.asPrimitiveType().getPrimitiveTypeName()) {
      case INT64 -> Long.toString(g.getLong(column, 0));
      case INT32 -> Integer.toString(g.getInteger(column, 0));
      case DOUBLE -> Double.toString(g.getDouble(column, 0));
      case BOOLEAN -> Boolean.toString(g.getBoolean(column, 0));
      default -> g.getString(column, 0);
    };
  }

  private static ParquetReader<Group> reader(Path file) throws IOException {
    return ParquetReader.builder(new GroupReadSupport(), new org.apache.hadoop.fs.Path(file.toUri()))
        .withConf(new Configuration()).build();
  }

  private static List<Path> partFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> parts = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
      assertFalse(parts.isEmpty(), "no part files in " + dir);
      return parts;
    }
  }
}
