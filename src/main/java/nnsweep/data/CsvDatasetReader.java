package nnsweep.data;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nnsweep.errors.InputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a {@link Dataset} from a numeric CSV file (UTF-8, comma separated, RFC 4180 quoting).
 *
 * <p>The first non-blank row is a header of column names; every following non-blank row holds one plain decimal
 * number per column ({@code 1}, {@code -0.5}, {@code 2.5e-3}). The last {@code outputs} columns are the targets,
 * the others the inputs. Blank lines are skipped and the whitespace around each cell is trimmed.
 *
 * <p>Every problem with the file is an {@link InputException} whose message is one line:
 * {@code <path>:<line>:<column>: <what is wrong>, found '<value>', expected <what>}, with the line and column left
 * out where they do not apply. Lines and columns count from 1; the header is usually line 1.
 */
public final class CsvDatasetReader {

  /** Plain decimal or scientific notation: no Java suffixes ({@code 1d}, {@code 2f}), no hex, no NaN/Infinity. */
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  /** Spellings of NaN and the infinities that should be reported as non-finite rather than non-numeric. */
  private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

  /** The line number inside a commons-csv message: "(startline 3)", "at line: 2", "(line 1,234)". */
  private static final Pattern CSV_LINE = Pattern.compile("line:? *(\\d[\\d,.'\\u00a0\\u202f]*)");

  private static final String EXPECTED_FILE = "a readable CSV file";
  private static final String EXPECTED_NUMBER = "a plain decimal number such as 0, -1.5 or 2.5e-3";
  private static final int MAX_SHOWN = 60;

  private CsvDatasetReader() {}

  /**
   * Reads a dataset whose last {@code outputs} columns are the targets.
   *
   * @param name the dataset's name, e.g. {@code xor}
   * @param path the CSV file; its string form, as given, names the file in error messages and becomes the
   *     dataset's {@link Dataset#source() source}
   * @param outputs how many trailing columns are targets, at least 1
   * @return the dataset, with at least one row, one input and {@code outputs} targets
   * @throws InputException if {@code outputs} is below 1 or the file is missing, unreadable or not a valid dataset
   */
  public static Dataset read(String name, Path path, int outputs) {
    Objects.requireNonNull(path, "path must not be null");
    return read(name, path.toString(), path, outputs);
  }

  /** As {@link #read(String, Path, int)}, with messages and the dataset's source naming the file {@code where}. */
  public static Dataset read(String name, String where, Path path, int outputs) {
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(path, "path must not be null");
    if (outputs < 1) {
      throw new InputException(where + ": outputs must be >= 1, found " + outputs);
    }
    return parse(name, where, readText(path, where), outputs);
  }

  /**
   * Parses dataset text already read (from any filesystem); {@code where} names the file in messages and becomes
   * the dataset's source.
   */
  public static Dataset parse(String name, String where, String text, int outputs) {
    Objects.requireNonNull(name, "name must not be null");
    if (outputs < 1) {
      throw new InputException(where + ": outputs must be >= 1, found " + outputs);
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1); // UTF-8 byte order mark
    }
    return new Parse(name, where, text, outputs).run();
  }

  /** Reads the whole file as UTF-8, turning every I/O problem into an {@link InputException}. */
  private static String readText(Path path, String where) {
    if (Files.isDirectory(path)) {
      throw new InputException(where + ": dataset path is a directory, expected " + EXPECTED_FILE);
    }
    if (!Files.exists(path)) {
      throw new InputException(where + ": dataset file not found, expected " + EXPECTED_FILE);
    }
    if (!Files.isReadable(path)) {
      throw new InputException(where + ": dataset file is not readable (permission denied), expected "
          + EXPECTED_FILE);
    }
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new InputException(where + ": dataset file is not valid UTF-8 text, expected a UTF-8 CSV file", e);
    } catch (NoSuchFileException e) {
      throw new InputException(where + ": dataset file not found, expected " + EXPECTED_FILE, e);
    } catch (AccessDeniedException e) {
      throw new InputException(where + ": dataset file is not readable (permission denied), expected "
          + EXPECTED_FILE, e);
    } catch (IOException e) {
      throw new InputException(where + ": dataset file cannot be read (" + oneLine(String.valueOf(e.getMessage()))
          + "), expected " + EXPECTED_FILE, e);
    }
  }

  /** One parse of one file's text. */
  private static final class Parse {
    private final String name;
    private final String where;
    private final String text;
    private final int outputs;
    private String[] rawLines;

    Parse(String name, String where, String text, int outputs) {
      this.name = name;
      this.where = where;
      this.text = text;
      this.outputs = outputs;
    }

    Dataset run() {
      CSVFormat format = CSVFormat.RFC4180.builder()
          .setIgnoreEmptyLines(true)
          .setIgnoreSurroundingSpaces(true)
          .get();
      try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
        return parse(parser);
      } catch (UncheckedIOException e) {
        throw malformed(e.getCause(), -1);
      } catch (IOException e) {
        throw malformed(e, -1);
      }
    }

    private Dataset parse(CSVParser parser) {
      Iterator<CSVRecord> records = parser.iterator();
      Row header = next(parser, records);
      if (header == null) {
        throw new InputException(where + ": dataset file is empty, expected a header row of column names"
            + " followed by rows of numbers");
      }
      List<String> names = headerNames(header);
      int columns = names.size();
      int inputCount = columns - outputs;
      List<String> inputNames = names.subList(0, inputCount);
      List<String> targetNames = names.subList(inputCount, columns);

      List<double[]> inputs = new ArrayList<>();
      List<double[]> targets = new ArrayList<>();
      for (Row row = next(parser, records); row != null; row = next(parser, records)) {
        if (row.cells.length != columns) {
          throw new InputException(where + ":" + row.line + ": wrong number of cells in row, found "
              + row.cells.length + ", expected " + columns + " (one per header column on line " + header.line
              + ")");
        }
        double[] in = new double[inputCount];
        double[] out = new double[outputs];
        for (int c = 0; c < columns; c++) {
          double value = number(row, c, names.get(c), c < inputCount ? "input" : "target");
          if (c < inputCount) {
            in[c] = value;
          } else {
            out[c - inputCount] = value;
          }
        }
        inputs.add(in);
        targets.add(out);
      }
      if (inputs.isEmpty()) {
        throw new InputException(where + ": no data rows, found only the header on line " + header.line
            + ", expected at least 1 row of numbers after it");
      }
      return new Dataset(name, where, inputNames, targetNames,
          inputs.toArray(new double[0][]), targets.toArray(new double[0][]));
    }

    /** Checks the header row and returns its trimmed column names. */
    private List<String> headerNames(Row header) {
      String[] cells = header.cells;
      boolean allNumbers = true;
      for (String cell : cells) {
        allNumbers &= DECIMAL.matcher(cell).matches();
      }
      if (allNumbers) {
        throw new InputException(where + ":" + header.line + ": the file has no header row (the first row is all"
            + " numbers), found '" + shown(String.join(",", cells)) + "', expected a first row of column names"
            + " such as x1,x2,y");
      }
      if (cells.length < outputs + 1) {
        throw new InputException(where + ":" + header.line + ": too few columns for " + outputs + " output"
            + (outputs == 1 ? "" : "s") + ", found " + cells.length + " column" + (cells.length == 1 ? "" : "s")
            + ", expected at least " + (outputs + 1) + " (at least 1 input column and " + outputs + " target"
            + (outputs == 1 ? "" : "s") + ")");
      }
      Map<String, Integer> seen = new HashMap<>();
      for (int c = 0; c < cells.length; c++) {
        if (cells[c].isEmpty()) {
          throw new InputException(where + ":" + header.line + ":" + (c + 1) + ": empty column name in header,"
              + " found '', expected a non-empty name");
        }
        Integer first = seen.putIfAbsent(cells[c], c + 1);
        if (first != null) {
          throw new InputException(where + ":" + header.line + ":" + (c + 1) + ": duplicate column name in"
              + " header, found '" + shown(cells[c]) + "', expected a name not already used (column " + first
              + ")");
        }
      }
      return List.of(cells);
    }

    /** Parses cell {@code c} of a data row as a finite plain decimal number. */
    private double number(Row row, int c, String column, String kind) {
      String cell = row.cells[c];
      String at = where + ":" + row.line + ":" + (c + 1) + ": ";
      String in = " in " + kind + " column '" + shown(column) + "'";
      if (cell.isEmpty()) {
        throw new InputException(at + "missing value" + in + ", found '', expected " + EXPECTED_NUMBER);
      }
      if (NON_FINITE.matcher(cell).matches()) {
        throw new InputException(at + "non-finite value" + in + ", found '" + shown(cell)
            + "', expected a finite decimal number");
      }
      if (!DECIMAL.matcher(cell).matches()) {
        throw new InputException(at + "not a number" + in + ", found '" + shown(cell) + "', expected "
            + EXPECTED_NUMBER);
      }
      double value = Double.parseDouble(cell);
      if (!Double.isFinite(value)) {
        throw new InputException(at + "number too large (overflows to infinity)" + in + ", found '" + shown(cell)
            + "', expected a finite decimal number of magnitude below 1.8e308");
      }
      return value;
    }

    /** Returns the next non-blank record with trimmed cells, or null at the end of the file. */
    private Row next(CSVParser parser, Iterator<CSVRecord> records) {
      while (true) {
        CSVRecord record;
        long endLine;
        try {
          if (!records.hasNext()) {
            return null;
          }
          record = records.next();
          endLine = parser.getCurrentLineNumber();
        } catch (UncheckedIOException e) {
          throw malformed(e.getCause(), parser.getCurrentLineNumber() + 1);
        }
        String[] values = record.values();
        // commons-csv reports the line the record ends on; a quoted cell may span lines.
        long line = endLine;
        String[] cells = new String[values.length];
        for (int i = 0; i < values.length; i++) {
          line -= lineBreaks(values[i]);
          cells[i] = values[i].strip();
        }
        if (cells.length == 1 && cells[0].isEmpty()) {
          continue; // a line of whitespace only
        }
        return new Row(Math.max(line, 1), cells);
      }
    }

    /** An error for CSV that commons-csv rejects, at the line its message names (else {@code fallbackLine}). */
    private InputException malformed(Throwable cause, long fallbackLine) {
      String message = cause == null || cause.getMessage() == null ? "unknown error" : cause.getMessage();
      long line = fallbackLine;
      Matcher m = CSV_LINE.matcher(message);
      if (m.find()) {
        String digits = m.group(1).replaceAll("\\D", "");
        try {
          line = Long.parseLong(digits);
        } catch (NumberFormatException e) {
          // keep the fallback
        }
      }
      String problem;
      String expected;
      if (message.contains("EOF reached before encapsulated token finished")) {
        problem = "malformed CSV: a quoted cell is never closed";
        expected = "a closing double quote (\") before the end of the file";
      } else if (message.contains("Invalid character between encapsulated token and delimiter")) {
        problem = "malformed CSV: text after the closing quote of a quoted cell";
        expected = "a comma or the end of the line right after the closing double quote";
      } else {
        problem = "malformed CSV (" + oneLine(message.replaceAll("^\\((start)?line [^)]*\\) *", "")) + ")";
        expected = "well-formed CSV";
      }
      String found = rawLine(line);
      String prefix = line >= 1 ? where + ":" + line + ": " : where + ": ";
      return new InputException(prefix + problem + (found == null ? "" : ", found '" + shown(found) + "'")
          + ", expected " + expected, cause);
    }

    /** The text of a 1-based physical line of the file, or null if there is no such line. */
    private String rawLine(long line) {
      if (rawLines == null) {
        rawLines = text.split("\r\n|\r|\n", -1);
      }
      return line >= 1 && line <= rawLines.length ? rawLines[(int) line - 1] : null;
    }
  }

  /** A non-blank record: the line it starts on and its trimmed cells. */
  private record Row(long line, String[] cells) {}

  /** Counts line breaks the way commons-csv does: CR LF, a lone CR and a lone LF each count once. */
  private static int lineBreaks(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\n' || ch == '\r' && (i + 1 == s.length() || s.charAt(i + 1) != '\n')) {
        n++;
      }
    }
    return n;
  }

  /** A value as shown inside quotes in a message: on one line and at most {@value #MAX_SHOWN} characters. */
  private static String shown(String value) {
    String s = oneLine(value);
    return s.length() <= MAX_SHOWN ? s : s.substring(0, MAX_SHOWN - 3) + "...";
  }

  /** Escapes line breaks and tabs so that a message stays on one line. */
  private static String oneLine(String s) {
    return s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
        .replace("\u0085", "\\u0085").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
  }
}
