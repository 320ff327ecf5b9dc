package nnsweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import nnsweep.cli.Options;
import nnsweep.grid.IdRange;
import nnsweep.state.RunState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which training step a run takes, from its study and what is committed: the one place the job chooses between
 * successive halving, the grid on Spark, and the committed results folded without Spark.
 */
class TrainingStepTest {
  private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());
  private static final List<String> SMALL = List.of("seeds=[0, 1]", "epochs=[300]");

  @BeforeAll
  static void master() {
    System.setProperty("spark.master", "local[2]");
  }

  @AfterAll
  static void clear() {
    System.clearProperty("spark.master");
  }

  private static TrainingStep step(String config, List<String> sets, boolean everythingCommitted) {
    StudyInputs in = StudyInputs.load(config, sets);
    List<IdRange> all = List.of(new IdRange(0, in.grid().size()));
    ResumePoint start = everythingCommitted
        ? new ResumePoint(in.outputFolder(Optional.empty()), null, in.grid().size(), all, List.of())
        : new ResumePoint(in.outputFolder(Optional.empty()), null, 0, List.of(), all);
    return TrainingStep.of(in, start, null, NOWHERE, NOWHERE, new Stages());
  }

  @Test
  void aGridWithNetworksLeftTrainsOnSpark() {
    TrainingStep step = step("conf/tutorial.conf", SMALL, false);

    assertInstanceOf(GridTraining.class, step);
    assertEquals(Optional.of("local[2]"), step.sparkMaster());
  }

  @Test
  void aGridWithEverythingCommittedFoldsItWithoutSpark() {
    TrainingStep step = step("conf/tutorial.conf", SMALL, true);

    assertInstanceOf(CommittedOnly.class, step);
    assertEquals(Optional.empty(), step.sparkMaster());
  }

  @Test
  void parquetTablesNeedSparkEvenWithEverythingCommitted() {
    List<String> sets = List.of("seeds=[0, 1]", "epochs=[300]", "tables=parquet");

    assertInstanceOf(GridTraining.class, step("conf/tutorial.conf", sets, true));
  }

  @Test
  void successiveHalvingRunsItsRungsWhateverIsCommitted() {
    List<String> sets = List.of("seeds=[0, 1]", "epochs=[900]");

    assertInstanceOf(HalvingTraining.class, step("conf/halving.conf", sets, false));
    assertInstanceOf(HalvingTraining.class, step("conf/halving.conf", sets, true));
  }

  @Test
  void theCommandLineAsksForANewRunAnOverwriteOrAResume() {
    assertEquals(RunState.Mode.NEW, ResumePoint.asked(Options.parse("--out", "x")));
    assertEquals(RunState.Mode.OVERWRITE, ResumePoint.asked(Options.parse("--out", "x", "--overwrite")));
    assertEquals(RunState.Mode.RESUME, ResumePoint.asked(Options.parse("--out", "x", "--resume")));
  }

  @Test
  void stagesAreTimedInTheOrderTheyEndToTheMillisecond() {
    Stages stages = new Stages();
    double load = stages.end("load");
    stages.end("train");

    assertEquals(List.of("load", "train"), List.copyOf(stages.seconds().keySet()));
    assertEquals(Math.round(load * 1000) / 1000.0, stages.seconds().get("load"));
  }
}
