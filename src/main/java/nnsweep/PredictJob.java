package nnsweep;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import nnsweep.errors.InputException;
import nnsweep.fs.Storage;
import nnsweep.model.ModelJson;
import nnsweep.model.SavedModel;
import nnsweep.predict.CsvPredict;
import nnsweep.predict.PredictOptions;
import nnsweep.spark.SparkContexts;
import nnsweep.spark.SparkPredict;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;

/**
 * {@code predict --model FILE --data FILE --out DIR}: scores a CSV or Parquet file with a saved model into
 * {@code DIR/predictions.csv}, written whole or not at all. A CSV file on a local master is streamed here; Parquet,
 * or any input on a cluster master, goes through Spark ({@link SparkPredict}).
 */
final class PredictJob {
  private PredictJob() {}

  static void run(List<String> args, PrintStream out) throws IOException {
    PredictOptions o = PredictOptions.parse(args);
    Storage storage = Storage.of(SparkContexts::hadoopConf, SparkContexts.baseDir());
    SavedModel model = ModelJson.read(read(storage, storage.resolve(o.model()), o.model()), o.model());
    Path data = storage.resolve(o.data());
    if (!storage.exists(data)) {
      throw new InputException(o.data() + ": data file not found, expected a CSV file with a header row or a"
          + " Parquet file");
    }
    Path dir = storage.resolve(o.out());
    if (storage.isFile(dir)) {
      throw new InputException("command line: predict: --out " + o.out() + " is a file, expected a folder");
    }
    SparkConf conf = SparkContexts.conf("predict");
    boolean parquet = storage.isDirectory(data) || o.data().toLowerCase(Locale.ROOT).endsWith(".parquet");
    boolean spark = parquet || !SparkContexts.isLocal(conf);
    boolean created = !storage.exists(dir);
    Path file = new Path(dir, "predictions.csv");
    long[] rows = new long[1];
    try {
      storage.mkdirs(dir);
      storage.write(file, os -> {
        if (spark) {
          rows[0] = SparkPredict.run(conf, data.toString(), parquet, model, o.model(), o.data(), os);
        } else {
          try (InputStream in = storage.fs(data).open(data)) {
            rows[0] = CsvPredict.run(model, o.model(), in, o.data(), os);
          }
        }
      });
    } catch (IOException | RuntimeException e) {
      if (created) {
        storage.deleteIfEmpty(dir);
      }
      throw e;
    }
    out.printf(Locale.ROOT, "nnsweep: predict: scored %d rows with network %d of study '%s': wrote %s%n", rows[0],
        model.networkId(), model.study(), Storage.shown(file));
  }

  private static byte[] read(Storage storage, Path p, String shown) {
    try {
      if (!storage.exists(p)) {
        throw new FileNotFoundException(shown);
      }
      if (storage.isDirectory(p)) {
        throw new InputException(shown + ": model path is a folder, expected a model JSON file");
      }
      return storage.readAll(p);
    } catch (FileNotFoundException e) {
      throw new InputException(shown + ": model file not found, expected a model JSON file from an nnsweep run's"
          + " models/ folder", e);
    } catch (IOException e) {
      throw new InputException(shown + ": model file cannot be read (" + e.getMessage() + ")", e);
    }
  }
}
