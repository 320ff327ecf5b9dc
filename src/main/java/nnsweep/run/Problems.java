package nnsweep.run;

import java.util.ArrayList;
import java.util.List;
import nnsweep.InputException;
import nnsweep.data.CsvDatasetReader;
import nnsweep.data.Dataset;
import nnsweep.fs.Storage;
import nnsweep.study.DatasetSpec;
import nnsweep.study.Study;

/** Reads a study's datasets and checks its query points against them. */
public final class Problems {
  private Problems() {}

  /** The study's datasets (paths relative to the current directory) with their queries, in study order. */
  public static List<Problem> load(Study study) {
    return load(study, Storage.local());
  }

  /** The study's datasets read from {@code storage} (plain paths or URIs such as {@code hdfs://nn/data/x.csv}). */
  public static List<Problem> load(Study study, Storage storage) {
    List<Problem> problems = new ArrayList<>();
    for (int d = 0; d < study.datasets().size(); d++) {
      DatasetSpec spec = study.datasets().get(d);
      Dataset data = read(storage, spec);
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
              fit.apply(queries.toArray(double[][]::new)), List.of(), fit));
        }
        // the whole dataset stands for the folds where the grid and the reports need one dataset
        nnsweep.data.Scaling.Fit all = spec.scale().fit(data.inputs());
        problems.add(new Problem(nnsweep.data.Splits.scaled(data, all), null,
            all.apply(queries.toArray(double[][]::new)), folds, all));
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
          fit.apply(queries.toArray(double[][]::new)), List.of(), fit));
    }
    return problems;
  }

  private static final String EXPECTED_FILE = "a readable CSV file";

  private static Dataset read(Storage storage, DatasetSpec spec) {
    String where = spec.path();
    org.apache.hadoop.fs.Path p = storage.resolve(where);
    if (Storage.isLocal(p)) {
      return CsvDatasetReader.read(spec.name(), where, Storage.localPath(p), spec.outputs());
    }
    String text;
    try {
      if (storage.isDirectory(p)) {
        throw new InputException(where + ": dataset path is a directory, expected " + EXPECTED_FILE);
      }
      text = storage.readUtf8(p);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new InputException(where + ": dataset file is not valid UTF-8 text, expected a UTF-8 CSV file", e);
    } catch (java.io.FileNotFoundException e) {
      throw new InputException(where + ": dataset file not found, expected " + EXPECTED_FILE, e);
    } catch (java.io.IOException e) {
      throw new InputException(where + ": dataset file cannot be read (" + String.valueOf(e.getMessage())
          .replace('\n', ' ') + "), expected " + EXPECTED_FILE, e);
    }
    return CsvDatasetReader.parse(spec.name(), where, text, spec.outputs());
  }

  /** The datasets alone. */
  public static List<Dataset> datasets(List<Problem> problems) {
    return problems.stream().map(Problem::dataset).toList();
  }
}
