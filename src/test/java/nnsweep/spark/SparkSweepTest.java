package nnsweep.spark;

import static nnsweep.testing.Results.withoutTiming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nnsweep.grid.Grid;
import nnsweep.grid.IdRange;
import nnsweep.grid.NetworkSpec;
import nnsweep.grid.TaskPlan;
import nnsweep.nn.Model;
import nnsweep.run.NetworkRun;
import nnsweep.run.Problem;
import nnsweep.run.ResultCodec;
import nnsweep.run.TrainingResult;
import nnsweep.stats.Aggregation;
import nnsweep.stats.DatasetReport;
import nnsweep.study.DatasetSpec;
import nnsweep.study.HiddenRule;
import nnsweep.study.Seeds;
import nnsweep.study.Study;
import nnsweep.testing.Studies;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

/**
 * The job's task path on real Spark: the same study gives the same numbers whatever the master and partition count,
 * and the same as training each network alone.
 */
class SparkSweepTest {

  @Test
  void sameNumbersOnLocal1AndLocal2WithDifferentPartitions() {
    Study study = Studies.builder(Studies.or(), Studies.xor()).models(Model.NONE, Model.HIDDEN).hiddenSizes(3)
        .hiddenRules(HiddenRule.TWO_THIRDS_INPUTS_PLUS_OUTPUTS).learningRates(0.5).epochs(2000).bias(false, true)
        .seeds(Seeds.range(0, 5)).build();
    List<Problem> problems = List.of(new Problem(Studies.or(), new double[][] {{1, 0}}),
        new Problem(Studies.xor(), new double[][] {{1, 1}, {0, 1}}));
    Grid grid = Grid.expand(study, problems.stream().map(Problem::dataset).toList());
    assertEquals(60, grid.size());

    // 3 tasks of whole lockstep groups vs 36 tasks of at most 2 networks (groups of 5 cut 2 + 2 + 1)
    List<TrainingResult> one = run("local[1]", 32, 3, grid, problems);
    List<TrainingResult> two = run("local[2]", 2, 40, grid, problems);

    assertEquals(grid.size(), one.size());
    assertEquals(grid.specs().map(NetworkSpec::id).toList(), one.stream().map(r -> r.spec().id()).toList(),
        "exactly one result per network");
    assertEquals(withoutTiming(one), withoutTiming(two));
    // and the same as training each network alone, without Spark
    List<TrainingResult> alone = grid.specs()
        .map(s -> NetworkRun.train(s, problems.get(s.datasetIndex()))).toList();
    assertEquals(withoutTiming(alone), withoutTiming(one));
    // the study is not trivial: XOR without hidden layer never succeeds, some hidden networks do
    assertEquals(0, one.stream().filter(r -> r.spec().dataset().equals("xor") && r.spec().model() == Model.NONE
        && r.success()).count());
  }

  @Test
  void taskPathWithLockstepGroupsGivesTheSameNumbers() {
    Study study = Studies.builder(Studies.or(), Studies.xor()).models(Model.NONE, Model.HIDDEN).hiddenSizes(2, 3)
        .learningRates(0.5).epochs(1500).bias(false, true).seeds(Seeds.range(0, 40)).build();
    List<Problem> problems = List.of(new Problem(Studies.or(), new double[][] {{1, 0}}),
        new Problem(Studies.xor(), new double[][] {{1, 1}}));
    Grid grid = Grid.expand(study, problems.stream().map(Problem::dataset).toList());

    List<TrainingResult> viaTasks = run("local[2]", 32, 5, grid, problems);

    List<TrainingResult> alone = grid.specs()
        .map(s -> NetworkRun.train(s, problems.get(s.datasetIndex()), grid.curvePoints(), grid.stopError()))
        .toList();
    assertEquals(withoutTiming(alone), withoutTiming(viaTasks));
  }

  @Test
  void matrixProductGroupsGiveTheSameNumbersWhateverTheMasterAndTheCuts() {
    Study study = Studies.builder(Studies.wide()).models(Model.NONE, Model.HIDDEN).hiddenSizes(8).learningRates(0.05)
        .epochs(60).bias(false, true).seeds(Seeds.range(0, 10)).build();
    List<Problem> problems = List.of(new Problem(Studies.wide(), new double[][] {new double[12]}));
    Grid grid = Grid.expand(study, List.of(Studies.wide()));
    assertEquals(40, grid.size());
    assertEquals(nnsweep.nn.Kernel.GEMM, grid.kernel(39));

    // one task for everything vs one task per network, cutting every group of the grid
    List<TrainingResult> one = run("local[1]", List.of(new IdRange(0, 40)), grid, problems);
    List<IdRange> singles = new ArrayList<>();
    for (long id = 39; id >= 0; id--) {
      singles.add(new IdRange(id, id + 1));
    }
    List<TrainingResult> two = run("local[2]", singles, grid, problems);
    assertEquals(grid.specs().map(NetworkSpec::id).toList(), one.stream().map(r -> r.spec().id()).toList());
    assertEquals(withoutTiming(one), withoutTiming(two));
    assertEquals(withoutTiming(one), withoutTiming(run("local[2]", TaskPlan.plan(grid,
        List.of(new IdRange(0, 40)), 32, 8), grid, problems)));
  }

  @Test
  void theReportsAggregatedInSparkAreTheSameWhateverTheMasterPartitionsOrResumedParts() {
    List<DatasetSpec> specs = List.of(new DatasetSpec("or", "or.csv", 1, List.of()),
        new DatasetSpec("xor", "xor.csv", 1, List.of()));
    Study study = Study.builder().name("agg").source("agg.conf").datasets(specs).models(Model.NONE, Model.HIDDEN)
        .hiddenSizes(1, 2, 3).hiddenRules(HiddenRule.FEWER_THAN_TWICE_INPUTS, HiddenRule.BETWEEN_INPUTS_AND_OUTPUTS)
        .learningRates(0.5, 4.0).epochs(300).bias(false, true).seeds(Seeds.range(0, 5)).curvePoints(6).build();
    List<Problem> problems = List.of(new Problem(Studies.or(), new double[0][]),
        new Problem(Studies.xor(), new double[0][]));
    Grid grid = Grid.expand(study, problems.stream().map(Problem::dataset).toList());
    List<TrainingResult> alone = grid.specs()
        .map(s -> NetworkRun.train(s, problems.get(s.datasetIndex()), grid.curvePoints(), grid.stopError()))
        .toList();
    List<DatasetReport> here = Aggregation.of(alone, study.hiddenRules());
    assertEquals(2, here.size());
    assertFalse(here.get(1).curveGroups().isEmpty());

    assertEquals(here, aggregate("local[1]", 3, 0, study, grid, problems, alone));
    assertEquals(here, aggregate("local[2]", 40, 0, study, grid, problems, alone));
    // on --resume: the first 70 networks' blocks committed by an earlier run, the rest trained now
    assertEquals(here, aggregate("local[2]", 7, 70, study, grid, problems, alone));
  }

  private static List<DatasetReport> aggregate(String master, int maxTasks, int committed, Study study,
      Grid grid, List<Problem> problems, List<TrainingResult> alone) {
    SparkConf conf = new SparkConf().setMaster(master).setAppName("nnsweep-test").set("spark.ui.enabled", "false");
    List<IdRange> ranges = TaskPlan.plan(grid, List.of(new IdRange(committed, grid.size())), 32, maxTasks);
    // the committed part as two blocks, as two tasks of the earlier run would have left it
    List<byte[]> blocks = new ArrayList<>();
    if (committed > 0) {
      blocks.add(ResultCodec.encode(alone.subList(0, committed / 2).toArray(TrainingResult[]::new), false));
      blocks.add(ResultCodec.encode(alone.subList(committed / 2, committed).toArray(TrainingResult[]::new),
          false));
    }
    try (JavaSparkContext sc = new JavaSparkContext(conf)) {
      SparkSweep sweep = new SparkSweep(sc, grid, problems, 0);
      JavaRDD<byte[]> trained = sweep.train(ranges, false, (range, block) -> { });
      return sweep.aggregate(sweep.withCommitted(trained, blocks), study.hiddenRules());
    }
  }

  /**
   * The job's task path: the task plan's ranges (groups of at most {@code groupSize}, about {@code maxTasks}), the
   * warm-up job, one task per range, result blocks decoded as the driver receives them.
   */
  private static List<TrainingResult> run(String master, int groupSize, int maxTasks, Grid grid,
      List<Problem> problems) {
    return run(master, TaskPlan.plan(grid, List.of(new IdRange(0, grid.size())), groupSize, maxTasks), grid,
        problems);
  }

  private static List<TrainingResult> run(String master, List<IdRange> ranges, Grid grid, List<Problem> problems) {
    SparkConf conf = new SparkConf().setMaster(master).setAppName("nnsweep-test").set("spark.ui.enabled", "false");
    List<IdRange> reported = new ArrayList<>();
    List<TrainingResult> results = new ArrayList<>();
    try (JavaSparkContext sc = new JavaSparkContext(conf)) {
      SparkSweep sweep = new SparkSweep(sc, grid, problems, 50);
      sweep.warmUp();
      sweep.train(ranges, true, (range, block) -> {
        reported.add(range);
        results.addAll(ResultCodec.decode(block, grid, problems));
      });
    }
    reported.sort(Comparator.comparingLong(IdRange::from));
    assertEquals(ranges.stream().sorted(Comparator.comparingLong(IdRange::from)).toList(), reported,
        "each task's results handed over once");
    results.sort(Comparator.comparingLong(r -> r.spec().id()));
    return results;
  }
}
