package nnsweep.study;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nnsweep.errors.InputException;

/**
 * Typed reading of HOCON values for one file, knowing nothing of the study's schema: integers, numbers, strings,
 * booleans, names from a fixed set, lists of each (element keys named {@code path[i]}), required and optional keys,
 * unknown keys with the nearest known one suggested.
 *
 * <p>Every problem is an {@link InputException} with one line: where (file and line, the {@code --set} argument, or
 * "(default)"), the key, the problem with the value found, and what was expected.
 */
final class ConfigReader {

  /** Reads one element of a list, named {@code key} ({@code path[i]}) in messages. */
  @FunctionalInterface
  interface Element<T> {
    T read(ConfigValue value, String key);
  }

  private final String file;

  /** @param file the file as the user named it, for messages */
  ConfigReader(String file) {
    this.file = file;
  }

  // ---- keys ---------------------------------------------------------------------------------------------------

  /** Whether an optional key has a value: absent and {@code null} (which lets --set remove a key) are the same. */
  static boolean present(ConfigObject obj, String key) {
    ConfigValue v = obj.get(key);
    return v != null && v.valueType() != ConfigValueType.NULL;
  }

  /** The value of {@code key}, which must be present; {@code path} is its full name in messages. */
  ConfigValue required(ConfigObject obj, String key, String path) {
    ConfigValue v = obj.get(key);
    if (v == null || v.valueType() == ConfigValueType.NULL) {
      throw error(obj, path, "missing", "a value for '" + key + "'");
    }
    return v;
  }

  /** Refuses any key of {@code obj} not in {@code known}, suggesting the nearest; {@code prefix} names obj. */
  void checkKeys(ConfigObject obj, List<String> known, String prefix) {
    for (Map.Entry<String, ConfigValue> e : obj.entrySet()) {
      if (!known.contains(e.getKey())) {
        throw error(e.getValue(), prefix + e.getKey(), "unknown key",
            "one of " + String.join(", ", known) + suggest(e.getKey(), known));
      }
    }
  }

  // ---- objects and lists ----------------------------------------------------------------------------------------

  /** The required object at {@code key}. */
  ConfigObject object(ConfigObject obj, String key, String path) {
    ConfigValue v = required(obj, key, path);
    if (v.valueType() != ConfigValueType.OBJECT) {
      throw error(v, path, "wrong type, found " + describe(v), "an object { ... }");
    }
    return (ConfigObject) v;
  }

  /** A list element that must be an object. */
  ConfigObject objectElement(ConfigValue v, String key, String expected) {
    if (v.valueType() != ConfigValueType.OBJECT) {
      throw error(v, key, "not an object, found " + describe(v), expected);
    }
    return (ConfigObject) v;
  }

  /** The required list at {@code key}; {@code expected} describes it for a value of another type. */
  ConfigList list(ConfigObject obj, String key, String path, String expected) {
    return list(required(obj, key, path), path, expected);
  }

  /** {@code v} as a list; {@code expected} describes it for a value of another type. */
  ConfigList list(ConfigValue v, String path, String expected) {
    if (v.valueType() != ConfigValueType.LIST) {
      throw error(v, path, "wrong type, found " + describe(v), expected);
    }
    return (ConfigList) v;
  }

  /** {@code list}, refused when empty; {@code expected} says what at least it must hold. */
  ConfigList nonEmpty(ConfigList list, String path, String expected) {
    if (list.isEmpty()) {
      throw error(list, path, "empty list", expected);
    }
    return list;
  }

  /** Each element of {@code list} read by {@code element}, in order. */
  <T> List<T> each(ConfigList list, String path, Element<T> element) {
    List<T> values = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      values.add(element.read(list.get(i), path + "[" + i + "]"));
    }
    return values;
  }

  /** As {@link #each}, refusing an element equal to an earlier one ("duplicate value"). */
  <T> List<T> distinct(ConfigList list, String path, Element<T> element) {
    List<T> values = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      String key = path + "[" + i + "]";
      ConfigValue v = list.get(i);
      T value = element.read(v, key);
      if (values.contains(value)) {
        throw error(v, key, "duplicate value, found " + render(v), "distinct values");
      }
      values.add(value);
    }
    return values;
  }

  /** The required list of distinct integers >= {@code min} at {@code key}, empty only if {@code allowEmpty}. */
  List<Integer> integers(ConfigObject obj, String key, String path, int min, boolean allowEmpty) {
    ConfigList list = list(obj, key, path, "a list of integers such as [" + Math.max(min, 3) + "]");
    if (!allowEmpty) {
      nonEmpty(list, path, "at least one integer >= " + min);
    }
    return distinct(list, path, (v, k) -> integer(v, k, min));
  }

  /** A list of finite numbers such as {@code [1, 0]}. */
  double[] numbers(ConfigValue v, String path) {
    ConfigList list = list(v, path, "a list of numbers such as [1, 0]");
    return each(list, path, this::finite).stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** A non-empty list of rows of finite numbers, every row as long as the first. */
  double[][] matrix(ConfigValue v, String path) {
    if (v.valueType() != ConfigValueType.LIST || ((ConfigList) v).isEmpty()) {
      throw error(v, path, "not a matrix, found " + describe(v), "a non-empty list of rows such as [[0.1, 0.2]]");
    }
    ConfigList rows = (ConfigList) v;
    double[][] m = new double[rows.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = numbers(rows.get(i), path + "[" + i + "]");
      if (m[i].length == 0) {
        throw error(rows.get(i), path + "[" + i + "]", "empty row, found []", "at least one number per row");
      }
      if (m[i].length != m[0].length) {
        throw error(rows.get(i), path + "[" + i + "]", "ragged matrix, found row " + render(rows.get(i)) + " with "
            + m[i].length + " values", m[0].length + " values like row 0");
      }
    }
    return m;
  }

  // ---- scalars --------------------------------------------------------------------------------------------------

  /** The required non-empty string at {@code key}. */
  String string(ConfigObject obj, String key, String path) {
    return string(required(obj, key, path), path, "a string");
  }

  /** {@code v} as a non-empty string, trimmed; {@code expected} describes it for a value of another type. */
  String string(ConfigValue v, String path, String expected) {
    if (v.valueType() != ConfigValueType.STRING) {
      throw error(v, path, "wrong type, found " + describe(v), expected);
    }
    String s = ((String) v.unwrapped()).trim();
    if (s.isEmpty()) {
      throw error(v, path, "empty string", expected);
    }
    return s;
  }

  /**
   * A string naming one of {@code names}, parsed by {@code parse}: a value of another type expects
   * {@code expected}; an unknown name is an "unknown {@code what}", with the nearest name suggested.
   */
  <T> T oneOf(ConfigValue v, String path, String what, String expected, List<String> names,
      Function<String, Optional<T>> parse) {
    String text = string(v, path, expected);
    return parse.apply(text).orElseThrow(() -> error(v, path, "unknown " + what + " '" + text + "'",
        expected + suggest(text, names)));
  }

  /** {@code true}, {@code on}, {@code yes} or {@code false}, {@code off}, {@code no}. */
  boolean bool(ConfigValue v, String path) {
    Object raw = v.unwrapped();
    Boolean b = raw instanceof Boolean x ? x
        : "true".equals(raw) || "on".equals(raw) || "yes".equals(raw) ? Boolean.TRUE
        : "false".equals(raw) || "off".equals(raw) || "no".equals(raw) ? Boolean.FALSE : null;
    if (b == null) {
      throw error(v, path, "not a boolean, found " + render(v), "true or false");
    }
    return b;
  }

  /** An integer >= {@code min} that fits an int. */
  int integer(ConfigValue v, String path, int min) {
    long value = longValue(v, path, min);
    if (value > Integer.MAX_VALUE) {
      throw error(v, path, "too large, found " + value, "an integer <= " + Integer.MAX_VALUE);
    }
    return (int) value;
  }

  /** An integer >= {@code min}, at most 9e15 in magnitude (exact as a double). */
  long longValue(ConfigValue v, String path, long min) {
    double d = number(v, path);
    if (d != Math.rint(d)) {
      throw error(v, path, "not an integer, found " + render(v), "an integer >= " + min);
    }
    if (Math.abs(d) > 9.0e15) {
      throw error(v, path, "out of range, found " + render(v), "an integer >= " + min + " and <= 9000000000000000");
    }
    long value = (long) d;
    if (value < min) {
      throw error(v, path, "must be >= " + min + ", found " + value, "an integer >= " + min);
    }
    return value;
  }

  /** A number, or a string holding one (so {@code "Infinity"} reads, for the callers to refuse it). */
  double number(ConfigValue v, String path) {
    Object raw = v.unwrapped();
    if (raw instanceof Number n) {
      return n.doubleValue();
    }
    if (raw instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw error(v, path, "not a number, found " + describe(v), "a number");
  }

  /** A number > 0 and finite; {@code expected} describes one. */
  double positive(ConfigValue v, String path, String expected) {
    double value = number(v, path);
    if (!(value > 0) || !Double.isFinite(value)) {
      throw error(v, path, "must be > 0 and finite, found " + value, expected);
    }
    return value;
  }

  /** A finite number. */
  double finite(ConfigValue v, String path) {
    double value = number(v, path);
    if (!Double.isFinite(value)) {
      throw error(v, path, "not finite, found " + value, "a finite number");
    }
    return value;
  }

  // ---- messages -------------------------------------------------------------------------------------------------

  /** "{where}: {key}: {problem}, expected {expected}", on one line. */
  InputException error(ConfigValue at, String key, String problem, String expected) {
    return new InputException(oneLine(where(at) + ": " + key + ": " + problem + ", expected " + expected));
  }

  /** The file and line of {@code v}, its {@code --set} argument, or "(default)". */
  private String where(ConfigValue v) {
    ConfigOrigin origin = v == null ? null : v.origin();
    if (origin == null) {
      return file;
    }
    String description = origin.description();
    if (description != null && description.startsWith("--set ")) {
      return description.replaceAll(": \\d+$", "");
    }
    if ("defaults".equals(description) || (description != null && description.startsWith("defaults"))) {
      return file + " (default)";
    }
    return file + (origin.lineNumber() > 0 ? ":" + origin.lineNumber() : "");
  }

  /** "; did you mean 'x'?" for the nearest candidate within a small edit distance, else "". */
  static String suggest(String found, List<String> candidates) {
    String best = candidates.stream().min(Comparator.comparingInt(c -> distance(found, c))).orElse(null);
    if (best == null || distance(found, best) > Math.max(2, best.length() / 3)) {
      return "";
    }
    return "; did you mean '" + best + "'?";
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** Messages are one line: a line break inside a value or a --set argument is shown escaped. */
  static String oneLine(String message) {
    return message.replace("\r", "\\r").replace("\n", "\\n");
  }

  /** ":line" of a Typesafe Config origin, or "". */
  static String lineOf(ConfigOrigin origin) {
    return origin != null && origin.lineNumber() > 0 ? ":" + origin.lineNumber() : "";
  }

  /** A Typesafe Config message without its "file: line: " prefix (the caller names them), on one line. */
  static String stripOrigin(ConfigException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    m = m.replaceFirst("^.*?: \\d+: ", "");
    return m.replace('\n', ' ');
  }

  /** "type value", such as {@code string "many"}. */
  static String describe(ConfigValue v) {
    return v.valueType().name().toLowerCase(Locale.ROOT) + " " + render(v);
  }

  /** The value as HOCON, cut at 60 characters. */
  static String render(ConfigValue v) {
    String s = v.render(ConfigRenderOptions.concise());
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
