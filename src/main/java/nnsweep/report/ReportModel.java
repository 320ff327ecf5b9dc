package nnsweep.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nnsweep.run.Problem;
import nnsweep.run.TrainingResult;
import nnsweep.stats.Aggregation;
import nnsweep.stats.DatasetReport;
import nnsweep.stats.Layers;
import nnsweep.stats.Rules;
import nnsweep.stats.Summary;
import nnsweep.study.Study;

/**
 * Everything the aggregate reports (summary, rules and layers tables, charts, the HTML page) are made from: the
 * study, one {@link DatasetReport} per dataset, and the few networks the charts draw one by one. Its size grows with
 * the number of cells of the study, not with the number of networks.
 *
 * @param drawn the networks of {@link DatasetReport#pickedIds()}, by id
 */
public record ReportModel(Study study, List<Problem> problems, List<DatasetReport> datasets,
    Map<Long, TrainingResult> drawn) {

  public ReportModel {
    datasets = List.copyOf(datasets);
    drawn = Map.copyOf(drawn);
  }

  /** Aggregates results at hand (sorted by id or not) and keeps the networks the charts draw. */
  public static ReportModel of(Study study, List<Problem> problems, List<TrainingResult> results) {
    List<DatasetReport> datasets = Aggregation.of(results, study.hiddenRules());
    Set<Long> picked = pickedIds(datasets);
    Map<Long, TrainingResult> drawn = new HashMap<>();
    results.stream().filter(r -> picked.contains(r.spec().id())).forEach(r -> drawn.put(r.spec().id(), r));
    return new ReportModel(study, problems, datasets, drawn);
  }

  /** The ids of every network the charts of these datasets draw. */
  public static Set<Long> pickedIds(List<DatasetReport> datasets) {
    return datasets.stream().flatMap(d -> d.pickedIds().stream()).collect(Collectors.toSet());
  }

  /** Every network of the study. */
  public long networks() {
    return datasets.stream().mapToLong(DatasetReport::networks).sum();
  }

  /** The networks that diverged. */
  public long diverged() {
    return datasets.stream().mapToLong(DatasetReport::diverged).sum();
  }

  /** summary.csv's rows, in network id order. */
  public List<Summary.Row> summary() {
    return datasets.stream().flatMap(d -> d.summary().stream()).toList();
  }

  /** rules.csv's rows, per dataset and rule. */
  public List<Rules.Row> rules() {
    return datasets.stream().flatMap(d -> d.rules().stream()).toList();
  }

  /** layers.csv's rows. */
  public List<Layers.Row> layers() {
    return datasets.stream().flatMap(d -> d.layers().stream()).toList();
  }

  /** The findings in words, per dataset. */
  public List<String> headlines() {
    return datasets.stream().flatMap(d -> Headlines.of(d).stream()).toList();
  }
}
