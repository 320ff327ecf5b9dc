package nnsweep;

import java.util.List;
import java.util.Optional;
import nnsweep.cli.MasterCheck;
import nnsweep.fs.OutputFolder;
import nnsweep.fs.Storage;
import nnsweep.grid.Grid;
import nnsweep.run.Problem;
import nnsweep.run.Problems;
import nnsweep.search.Rungs;
import nnsweep.spark.SparkContexts;
import nnsweep.study.Study;
import nnsweep.study.StudyLoader;
import org.apache.spark.SparkConf;

/**
 * A run's inputs, each checked before anything is written or Spark starts: the study with its datasets, the grid it
 * expands into, and Spark's configuration.
 *
 * @param storage where the study, the datasets and the output folder are: plain paths are local; URIs (hdfs://,
 *     s3a://, file://, ...) go through Hadoop with Spark's configuration
 * @param warmupMillis how long each JVM warms up before its first task
 */
record StudyInputs(Storage storage, Study study, List<Problem> problems, Grid grid, SparkConf conf,
    long warmupMillis) {

  /** The master first (a typo, or a standalone master nothing answers at, would otherwise fail only once the run
   * state exists, after a minute of retries), then the study, its datasets and the grid. */
  static StudyInputs load(String config, List<String> sets) {
    MasterCheck.check(SparkContexts.master());
    Storage storage = Storage.of(SparkContexts::hadoopConf, SparkContexts.baseDir());
    Study study = StudyLoader.load(storage, config, sets);
    List<Problem> problems = Problems.load(study, storage);
    Grid grid = Grid.expand(study, Problems.datasets(problems), Problems.trainingRows(problems));
    SparkConf conf = SparkContexts.conf(study.name());
    long warmupMillis = SparkContexts.warmupMillis(conf);
    SparkContexts.executorWaitSeconds(conf);
    return new StudyInputs(storage, study, problems, grid, conf, warmupMillis);
  }

  /** The output folder: {@code out}, or {@code out/<study name>}. */
  OutputFolder outputFolder(Optional<String> out) {
    return OutputFolder.of(storage, out.orElse("out/" + study.name()));
  }

  /** Successive halving's rungs, or empty for a grid search. */
  Optional<Rungs> rungs() {
    return study.search().halving() ? Optional.of(new Rungs(study.search().reduction(), study.search().minEpochs(),
        study.epochs().get(0), study.search().raceBy())) : Optional.empty();
  }

  /**
   * Whether a grid's per-network tables are Parquet datasets, written by the tasks: big sweeps on a cluster, or on
   * request; otherwise single CSV files (on local[N] the driver's CSV writer is faster than Spark SQL's start-up:
   * docs/benchmarks.md).
   */
  boolean parquetTables() {
    return study.tables() == Study.Tables.PARQUET || (study.parquet(grid.size()) && !SparkContexts.isLocal(conf));
  }
}
