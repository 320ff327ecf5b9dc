package nnsweep.predict;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnsweep.errors.InputException;

/**
 * The command line of {@code predict}: {@code predict --model FILE --data FILE --out DIR} (also {@code --opt=value};
 * {@code --verbose} is the job's). Paths are plain local paths or URIs (hdfs://, s3a://, file://).
 */
public record PredictOptions(String model, String data, String out) {
  /** The command's name, the first argument. */
  public static final String COMMAND = "predict";
  private static final List<String> KEYS = List.of("--model", "--data", "--out");

  /** Parses the arguments after {@code predict}. */
  public static PredictOptions parse(List<String> args) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--verbose")) {
        continue;
      }
      String key = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      if (!KEYS.contains(key)) {
        throw new InputException("command line: predict: unknown option or argument '" + a
            + "', expected --model FILE --data FILE --out DIR");
      }
      String value;
      if (a.contains("=")) {
        value = a.substring(a.indexOf('=') + 1);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new InputException("command line: predict: option '" + a + "' needs a value");
      }
      if (value.isBlank()) {
        throw new InputException("command line: predict: option '" + key + "' needs a value, found an empty one");
      }
      if (values.put(key, value) != null) {
        throw new InputException("command line: predict: option '" + key + "' given twice");
      }
    }
    for (String k : KEYS) {
      if (!values.containsKey(k)) {
        throw new InputException("command line: predict: missing " + k + ", expected --model FILE --data FILE --out"
            + " DIR");
      }
    }
    return new PredictOptions(values.get("--model"), values.get("--data"), values.get("--out"));
  }
}
