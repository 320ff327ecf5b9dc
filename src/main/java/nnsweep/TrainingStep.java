package nnsweep;

import java.io.PrintStream;
import java.util.Optional;

/**
 * The run's training step: trains what is left, committing each block as its task ends, and gives the reports'
 * statistics ({@link Trained}). One of three: successive halving's rungs ({@link HalvingTraining}), a grid's ranges
 * ({@link GridTraining}), or, when a grid run finds everything committed, the committed results folded on the driver
 * ({@link CommittedOnly}).
 */
interface TrainingStep {
  /** The master the step runs on, or empty when it starts no Spark job. */
  Optional<String> sparkMaster();

  /** Trains, aggregates and keeps the study's models; ends its stages in the run's {@link Stages}. */
  Trained run();

  /** The step for {@code in}, started from {@code start}. */
  static TrainingStep of(StudyInputs in, ResumePoint start, RunGuard guard, PrintStream out, PrintStream err,
      Stages stages) {
    if (in.rungs().isPresent()) {
      return new HalvingTraining(in, start, guard, out, err, stages, in.rungs().get());
    }
    boolean parquet = in.parquetTables();
    if (start.todo().isEmpty() && !parquet) {
      return new CommittedOnly(in, start, stages);
    }
    return new GridTraining(in, start, guard, out, err, stages, parquet);
  }
}
