package nnsweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nnsweep.fs.OutputFolder;
import nnsweep.grid.IdRange;
import nnsweep.report.Console;
import nnsweep.report.NetworkTables;
import nnsweep.run.TrainingResult;
import nnsweep.search.Ladder;
import nnsweep.spark.SparkSweep;
import nnsweep.state.CommittedBlocks;
import org.apache.spark.api.java.JavaRDD;

/**
 * What writing the per-network tables (results, predictions, curves) gave: the files' names, the networks the charts
 * draw and, for a handful of networks, every one for the console.
 */
record NetworkFiles(List<String> names, Map<Long, TrainingResult> drawn, List<TrainingResult> detailed) {

  /** How a run's per-network tables are written into the report folder, keeping the networks {@code drawnIds}. */
  @FunctionalInterface
  interface Source {
    NetworkFiles write(Path folder, Set<Long> drawnIds);
  }

  /**
   * results.csv, predictions.csv and curves.csv, streamed from the committed {@code blocks} in id order, one block in
   * memory at a time, with each cell's rung from {@code ladder} (null: a grid).
   */
  static Source csv(StudyInputs in, CommittedBlocks blocks, Ladder ladder) {
    return (folder, drawnIds) -> {
      Map<Long, TrainingResult> drawn = new HashMap<>();
      List<TrainingResult> detailed = new ArrayList<>();
      boolean detail = in.grid().size() <= Console.DETAIL_LIMIT;
      try (NetworkTables tables = NetworkTables.open(folder, in.study(), in.problems(), ladder)) {
        for (IdRange range : blocks.committedRanges()) {
          List<TrainingResult> block = blocks.results(range, in.grid(), in.problems());
          tables.add(block);
          for (TrainingResult r : block) {
            if (drawnIds.contains(r.spec().id())) {
              drawn.put(r.spec().id(), r);
            }
            if (detail) {
              detailed.add(r);
            }
          }
        }
        return new NetworkFiles(tables.commit(), drawn, detailed);
      }
    };
  }

  /**
   * results, predictions and curves as Parquet datasets written by the tasks into the output folder {@code out};
   * the networks the charts draw (and, for a handful, every network for the console) come to the driver.
   */
  static NetworkFiles parquet(SparkSweep sweep, JavaRDD<byte[]> blocks, OutputFolder out, StudyInputs in,
      Set<Long> drawnIds) {
    List<String> names = sweep.writeParquet(blocks, out.path().toString(), in.study());
    Set<Long> wanted = new HashSet<>(drawnIds);
    boolean detail = in.grid().size() <= Console.DETAIL_LIMIT;
    if (detail) {
      for (long id = 0; id < in.grid().size(); id++) {
        wanted.add(id);
      }
    }
    List<TrainingResult> picked = new ArrayList<>(sweep.results(blocks, wanted));
    picked.sort(Comparator.comparingLong(r -> r.spec().id()));
    Map<Long, TrainingResult> drawn = new HashMap<>();
    for (TrainingResult r : picked) {
      if (drawnIds.contains(r.spec().id())) {
        drawn.put(r.spec().id(), r);
      }
    }
    return new NetworkFiles(names, drawn, detail ? picked : List.of());
  }
}
