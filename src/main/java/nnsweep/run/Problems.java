package nnsweep.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nnsweep.InputException;
import nnsweep.data.CsvDatasetReader;
import nnsweep.data.Dataset;
import nnsweep.study.DatasetSpec;
import nnsweep.study.Study;

/** Reads a study's datasets and checks its query points against them. */
public final class Problems {
  private Problems() {}

  /** The study's datasets (paths relative to the current directory) with their queries, in study order. */
  public static List<Problem> load(Study study) {
    List<Problem> problems = new ArrayList<>();
    for (int d = 0; d < study.datasets().size(); d++) {
      DatasetSpec spec = study.datasets().get(d);
      Dataset data = CsvDatasetReader.read(spec.name(), Path.of(spec.path()), spec.outputs());
      List<double[]> queries = spec.queries();
      for (int q = 0; q < queries.size(); q++) {
        if (queries.get(q).length != data.inputCount()) {
          throw new InputException(study.source() + ": study.datasets[" + d + "].queries[" + q
              + "]: wrong number of values, found " + queries.get(q).length + ", expected " + data.inputCount()
              + " (the inputs of " + spec.path() + ")");
        }
      }
      if (spec.folds() > 0) {
        if (spec.folds() > data.rows()) {
          throw new InputException(study.source() + ": study.datasets[" + d + "].folds: more folds than rows, found "
              + spec.folds() + ", expected at most " + data.rows() + " (the rows of " + spec.path() + ")");
        }
        List<Problem> folds = new ArrayList<>();
        for (nnsweep.data.Splits.Split s : nnsweep.data.Splits.folds(data, spec.folds(), spec.splitSeed())) {
          nnsweep.data.Scaling.Fit fit = spec.scale().fit(s.train().inputs());
          folds.add(new Problem(nnsweep.data.Splits.scaled(s.train(), fit), nnsweep.data.Splits.scaled(s.test(), fit),
              fit.apply(queries.toArray(double[][]::new))));
        }
        // the whole dataset stands for the folds where the grid and the reports need one dataset
        nnsweep.data.Scaling.Fit all = spec.scale().fit(data.inputs());
        problems.add(new Problem(nnsweep.data.Splits.scaled(data, all), null,
            all.apply(queries.toArray(double[][]::new)), folds));
        continue;
      }
      nnsweep.data.Splits.Split split;
      try {
        split = nnsweep.data.Splits.split(data, spec.testFraction(), spec.splitSeed());
      } catch (IllegalArgumentException e) {
        throw new InputException(study.source() + ": study.datasets[" + d + "].test-fraction: " + e.getMessage());
      }
      nnsweep.data.Scaling.Fit fit = spec.scale().fit(split.train().inputs());
      problems.add(new Problem(nnsweep.data.Splits.scaled(split.train(), fit),
          split.test() == null ? null : nnsweep.data.Splits.scaled(split.test(), fit),
          fit.apply(queries.toArray(double[][]::new))));
    }
    return problems;
  }

  /** The datasets alone. */
  public static List<Dataset> datasets(List<Problem> problems) {
    return problems.stream().map(Problem::dataset).toList();
  }
}
