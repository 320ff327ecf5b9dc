package nnsweep;

import java.util.List;
import nnsweep.run.TrainingResult;
import nnsweep.search.Ladder;
import nnsweep.stats.DatasetReport;

/**
 * What the training step gives the reports.
 *
 * @param datasets the reports' statistics per dataset
 * @param ladder successive halving's ladder, null for a grid
 * @param tables how the per-network tables are written
 * @param models the networks the study keeps, with their weights
 * @param facts the facts of the run for {@code run.json}
 */
record Trained(List<DatasetReport> datasets, Ladder ladder, NetworkFiles.Source tables, List<TrainingResult> models,
    RunFacts facts) {}
