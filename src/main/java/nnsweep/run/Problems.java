package nnsweep.run;

import java.util.ArrayList;
import java.util.List;
import nnsweep.errors.InputException;
import nnsweep.data.CsvDatasetReader;
import nnsweep.data.Dataset;
import nnsweep.data.Scaling;
import nnsweep.data.Splits;
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
      Dataset data = read(storage, spec, study.source() + ": study.datasets[" + d + "].path");
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
        List<Splits.Split> outer = Splits.folds(data, spec.folds(), spec.splitSeed());
        for (int f = 0; f < outer.size(); f++) {
          folds.add(problem(study, d, spec, outer.get(f).train(), outer.get(f).test(), queries, f));
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
      problems.add(problem(study, d, spec, split.train(), split.test(), queries, -1));
    }
    return problems;
  }

  /**
   * The problem of one outer part ({@code part}: its fold, -1 for the one train/test split): with a validation
   * split, the part's training rows less the validation rows are trained on; inputs are scaled as fitted on the rows
   * trained on.
   */
  private static Problem problem(Study study, int d, DatasetSpec spec, Dataset train, Dataset test,
      List<double[]> queries, int part) {
    Dataset fitted = train;
    Dataset validation = null;
    if (spec.validated()) {
      Splits.Split v;
      try {
        v = Splits.validation(train, spec.validationFraction(), Splits.validationSeed(spec.splitSeed(), part));
      } catch (IllegalArgumentException e) {
        throw new InputException(study.source() + ": study.datasets[" + d + "].validation-fraction: "
            + (part < 0 ? "" : "fold " + part + ": ") + e.getMessage());
      }
      fitted = v.train();
      validation = v.test();
    }
    Scaling.Fit fit = spec.scale().fit(fitted.inputs());
    return new Problem(Splits.scaled(fitted, fit), test == null ? null : Splits.scaled(test, fit),
        fit.apply(queries.toArray(double[][]::new)), List.of(),
        validation == null ? null : Splits.scaled(validation, fit), fit);
  }

  private static final String EXPECTED_FILE = "a readable CSV file";

  private static Dataset read(Storage storage, DatasetSpec spec, String key) {
    String where = spec.path();
    org.apache.hadoop.fs.Path p = storage.resolve(where);
    boolean found;
    try {
      found = storage.exists(p);
    } catch (java.io.IOException e) {
      throw new InputException(key + ": dataset file cannot be read (" + String.valueOf(e.getMessage())
          .replace('\n', ' ') + "), found '" + where + "', expected " + EXPECTED_FILE, e);
    }
    if (!found) {
      // the key and the file looked at: a relative path resolves against the current directory, which surprises
      // whoever runs the study from elsewhere
      String looked = Storage.shown(p);
      throw new InputException(key + ": dataset file not found, found '" + where + "'" + (where.equals(looked) ? ""
          : ", looked at " + looked + " (relative to " + storage.relativeTo() + ")") + ", expected " + EXPECTED_FILE);
    }
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

  /**
   * Per dataset, the rows its networks train on: the training part less the validation rows; with outer folds, the
   * smallest fold's (stratified folds differ by a row or so, and a dataset's hidden sizes and rates must be the same
   * in every fold). The hidden-size rules' sample count and {@code learning-rates.per-row} read these.
   */
  public static int[] trainingRows(List<Problem> problems) {
    return problems.stream().mapToInt(p -> p.folds() == null || p.folds().isEmpty() ? p.dataset().rows()
        : p.folds().stream().mapToInt(f -> f.dataset().rows()).min().orElseThrow()).toArray();
  }
}
