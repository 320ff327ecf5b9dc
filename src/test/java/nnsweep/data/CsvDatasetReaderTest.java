package nnsweep.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import nnsweep.errors.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvDatasetReaderTest {

  @TempDir Path dir;

  // ---- shipped datasets (surefire runs in the project root, so data/ is relative to it) ----

  private static final double[][] TWO_BIT_INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

  @Test
  void readsXor() {
    assertTwoBit("xor", new double[] {0, 1, 1, 0});
  }

  @Test
  void readsOr() {
    assertTwoBit("or", new double[] {0, 1, 1, 1});
  }

  @Test
  void readsAnd() {
    assertTwoBit("and", new double[] {0, 0, 0, 1});
  }

  @Test
  void readsNand() {
    assertTwoBit("nand", new double[] {1, 1, 1, 0});
  }

  private static void assertTwoBit(String name, double[] expected) {
    Dataset d = CsvDatasetReader.read(name, Path.of("data/" + name + ".csv"), 1);
    assertEquals(name, d.name());
    assertEquals("data/" + name + ".csv", d.source());
    assertEquals(List.of("x1", "x2"), d.inputNames());
    assertEquals(List.of(name), d.targetNames());
    assertEquals(4, d.rows());
    assertEquals(2, d.inputCount());
    assertEquals(1, d.outputCount());
    assertArrayEquals(TWO_BIT_INPUTS, d.inputs());
    double[][] targets = new double[4][];
    for (int i = 0; i < 4; i++) {
      targets[i] = new double[] {expected[i]};
    }
    assertArrayEquals(targets, d.targets());
  }

  @Test
  void readsFullAdder() {
    Dataset d = CsvDatasetReader.read("full-adder", Path.of("data/full-adder.csv"), 2);
    assertEquals(List.of("a", "b", "carry_in"), d.inputNames());
    assertEquals(List.of("sum", "carry_out"), d.targetNames());
    assertEquals(8, d.rows());
    double[][] inputs = d.inputs();
    double[][] targets = d.targets();
    for (int i = 0; i < 8; i++) {
      int a = (i >> 2) & 1;
      int b = (i >> 1) & 1;
      int c = i & 1;
      int sum = a + b + c;
      assertArrayEquals(new double[] {a, b, c}, inputs[i], "row " + i);
      assertArrayEquals(new double[] {sum % 2, sum / 2}, targets[i], "row " + i);
    }
  }

  // ---- the real datasets from scikit-learn (data/import-iris.sh, data/import-sklearn.sh) ----

  static Stream<Arguments> realDatasets() {
    return Stream.of(
        // name, outputs, rows, inputs, first input name, last target name, rows per target column
        Arguments.of("iris", 3, 150, 4, "sepal_length", "virginica", new double[] {50, 50, 50}),
        Arguments.of("wine", 3, 178, 13, "alcohol", "class_2", new double[] {59, 71, 48}),
        Arguments.of("breast-cancer", 1, 569, 30, "mean_radius", "benign", new double[] {357}),
        Arguments.of("digits", 10, 1797, 64, "pixel_0_0", "digit_9",
            new double[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("realDatasets")
  void readsRealDatasets(String name, int outputs, int rows, int inputs, String firstInput, String lastTarget,
                         double[] perTarget) throws IOException {
    Dataset d = CsvDatasetReader.read(name, Path.of("data/" + name + ".csv"), outputs);
    assertEquals(rows, d.rows());
    assertEquals(inputs, d.inputCount());
    assertEquals(outputs, d.outputCount());
    assertEquals(firstInput, d.inputNames().get(0));
    assertEquals(lastTarget, d.targetNames().get(outputs - 1));
    double[] counts = new double[outputs];
    for (double[] t : d.targets()) {
      double sum = 0;
      for (int k = 0; k < outputs; k++) {
        assertTrue(t[k] == 0 || t[k] == 1, name + ": target " + t[k]);
        counts[k] += t[k];
        sum += t[k];
      }
      if (outputs > 1) {
        assertEquals(1, sum, name + ": one-hot row");
      }
    }
    assertArrayEquals(perTarget, counts, name + ": rows per class (scikit-learn's descr/*.rst)");
    String text = Files.readString(Path.of("data/" + name + ".csv"));
    assertFalse(text.contains("\r"), name);
    assertTrue(text.endsWith("\n"), name);
  }

  @Test
  void realDatasetsKeepRawValues() {
    Dataset wine = CsvDatasetReader.read("wine", Path.of("data/wine.csv"), 3);
    assertArrayEquals(new double[] {14.23, 1.71, 2.43, 15.6, 127, 2.8, 3.06, 0.28, 2.29, 5.64, 1.04, 3.92, 1065},
        wine.inputs()[0]);
    assertArrayEquals(new double[] {0, 0, 1}, wine.targets()[177]);
    Dataset cancer = CsvDatasetReader.read("breast-cancer", Path.of("data/breast-cancer.csv"), 1);
    assertEquals(17.99, cancer.inputs()[0][0]);
    assertEquals(0.1189, cancer.inputs()[0][29]);
    assertArrayEquals(new double[] {0}, cancer.targets()[0], "row 1 is malignant");
    assertArrayEquals(new double[] {1}, cancer.targets()[568], "the last row is benign");
    Dataset digits = CsvDatasetReader.read("digits", Path.of("data/digits.csv"), 10);
    assertArrayEquals(new double[] {0, 0, 5, 13, 9, 1, 0, 0}, java.util.Arrays.copyOf(digits.inputs()[0], 8));
    assertArrayEquals(new double[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0}, digits.targets()[0], "the first image is a 0");
    for (double[] row : digits.inputs()) {
      for (double v : row) {
        assertTrue(v >= 0 && v <= 16 && v == Math.rint(v), "pixel count " + v);
      }
    }
  }

  @Test
  void shippedFilesUseUnixLineEndings() throws IOException {
    for (String name : List.of("or", "and", "xor", "nand", "full-adder")) {
      String text = Files.readString(Path.of("data/" + name + ".csv"));
      assertFalse(text.contains("\r"), name);
      assertTrue(text.endsWith("\n"), name);
    }
  }

  // ---- tolerated formatting ----

  @Test
  void toleratesBlankLinesWhitespaceQuotesCrlfBomAndNotation() throws IOException {
    Path file = write("ok.csv", "\uFEFF\n  in a , \"in b\" ,out\r\n\r\n"
        + " 1 , \"  -2.5 \" , +3\r\n"
        + "   \n"
        + ".5,1.,2.5e-3\n"
        + "-0,1E+2,7\n\n\n");
    Dataset d = CsvDatasetReader.read("ok", file, 1);
    assertEquals(List.of("in a", "in b"), d.inputNames());
    assertEquals(List.of("out"), d.targetNames());
    assertArrayEquals(new double[][] {{1, -2.5}, {0.5, 1}, {-0.0, 100}}, d.inputs());
    assertArrayEquals(new double[][] {{3}, {0.0025}, {7}}, d.targets());
    assertEquals(file.toString(), d.source());
  }

  @Test
  void readsFileWithoutTrailingNewline() throws IOException {
    Dataset d = CsvDatasetReader.read("t", write("t.csv", "a,b\n1,2"), 1);
    assertEquals(1, d.rows());
    assertArrayEquals(new double[][] {{2}}, d.targets());
  }

  @Test
  void readsSeveralOutputs() throws IOException {
    Dataset d = CsvDatasetReader.read("t", write("t.csv", "a,b,c,d\n1,2,3,4\n"), 3);
    assertEquals(List.of("a"), d.inputNames());
    assertEquals(List.of("b", "c", "d"), d.targetNames());
    assertArrayEquals(new double[][] {{2, 3, 4}}, d.targets());
  }

  // ---- bad files ----

  /** A bad file: its content, the outputs asked for, where the error is, the value found and the problem. */
  record Bad(String label, String content, int outputs, String location, String found, String problem) {
    @Override
    public String toString() {
      return label;
    }
  }

  static Stream<Bad> badFiles() {
    return Stream.of(
        new Bad("empty file", "", 1, ": ", null, "dataset file is empty"),
        new Bad("only blank lines", "\n   \n\r\n\n", 1, ": ", null, "dataset file is empty"),
        new Bad("numeric header", "0,0,0\n1,1,1\n", 1, ":1: ", "0,0,0", "no header row"),
        new Bad("numeric header after blank lines", "\n\n0,1,1\n", 1, ":3: ", "0,1,1", "no header row"),
        new Bad("empty header cell", "x1, ,y\n0,0,0\n", 1, ":1:2: ", "", "empty column name"),
        new Bad("duplicate header name", "x,x,y\n0,0,0\n", 1, ":1:2: ", "x", "duplicate column name"),
        new Bad("one column", "y\n1\n", 1, ":1: ", null, "found 1 column, expected at least 2"),
        new Bad("too few columns for 2 outputs", "a,b\n1,2\n", 2, ":1: ", null, "found 2 columns, expected at least 3"),
        new Bad("short row", "x1,x2,y\n0,0,0\n0,1\n", 1, ":3: ", null, "found 2, expected 3"),
        new Bad("long row", "x1,x2,y\n0,0,0,0\n", 1, ":2: ", null, "found 4, expected 3"),
        new Bad("trailing comma", "x1,x2,y\n0,0,0,\n", 1, ":2: ", null, "found 4, expected 3"),
        new Bad("word", "x1,x2,y\n0,0,0\n0,abc,1\n", 1, ":3:2: ", "abc", "not a number in input column 'x2'"),
        new Bad("word in target", "x1,x2,y\n0,0,yes\n", 1, ":2:3: ", "yes", "not a number in target column 'y'"),
        new Bad("line counts skip blank lines", "\nx1,x2,y\n\n0,0,0\n  \n\n1,zz,1\n", 1, ":7:2: ", "zz", "not a number"),
        new Bad("line counts with CRLF", "x1,x2,y\r\n\r\n0,q,0\r\n", 1, ":3:2: ", "q", "not a number"),
        new Bad("empty cell", "x1,x2,y\n0,,1\n", 1, ":2:2: ", "", "missing value"),
        new Bad("double suffix", "x1,x2,y\n1d,0,1\n", 1, ":2:1: ", "1d", "not a number"),
        new Bad("float suffix", "x1,x2,y\n0,2f,1\n", 1, ":2:2: ", "2f", "not a number"),
        new Bad("hex float", "x1,x2,y\n0x1p3,0,1\n", 1, ":2:1: ", "0x1p3", "not a number"),
        new Bad("comma decimal", "x1,x2,y\n0,\"1,5\",1\n", 1, ":2:2: ", "1,5", "not a number"),
        new Bad("NaN", "x1,x2,y\nNaN,0,1\n", 1, ":2:1: ", "NaN", "non-finite value"),
        new Bad("Infinity", "x1,x2,y\n0,Infinity,1\n", 1, ":2:2: ", "Infinity", "non-finite value"),
        new Bad("-Infinity", "x1,x2,y\n0,0,-Infinity\n", 1, ":2:3: ", "-Infinity", "non-finite value"),
        new Bad("inf", "x1,x2,y\n0,0,0\n0,inf,1\n", 1, ":3:2: ", "inf", "non-finite value"),
        new Bad("overflow", "x1,x2,y\n0,1e999,1\n", 1, ":2:2: ", "1e999", "overflows to infinity"),
        new Bad("negative overflow", "x1,x2,y\n-2e308,0,1\n", 1, ":2:1: ", "-2e308", "overflows to infinity"),
        new Bad("header only", "x1,x2,y\n", 1, ": ", null, "no data rows, found only the header on line 1"),
        new Bad("header only then blank lines", "\nx1,x2,y\n\n\n", 1, ": ", null, "only the header on line 2"),
        new Bad("unterminated quote", "x1,x2,y\n0,0,0\n\"1,0,1\n1,1,0\n", 1, ":3: ", "\"1,0,1",
            "a quoted cell is never closed"),
        new Bad("text after closing quote", "x1,x2,y\n\n0,\"1\"x,1\n", 1, ":3: ", "0,\"1\"x,1",
            "text after the closing quote"),
        new Bad("multi-line quoted cell", "x1,x2,y\n0,\"1\n2\",1\n", 1, ":2:2: ", "1\\n2", "not a number"),
        new Bad("row after a multi-line quoted cell", "x1,x2,y\n0,\" 1\n\",1\n0,x,1\n", 1, ":4:2: ", "x",
            "not a number"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void rejectsBadFile(Bad bad) throws IOException {
    Path file = write("bad.csv", bad.content());
    InputException e = assertThrows(InputException.class, () -> CsvDatasetReader.read("bad", file, bad.outputs()));
    String message = e.getMessage();
    assertTrue(message.startsWith(file + bad.location()), () -> "location " + bad.location() + " in: " + message);
    if (bad.found() != null) {
      assertTrue(message.contains("found '" + bad.found() + "'"), () -> "found '" + bad.found() + "' in: " + message);
    }
    assertTrue(message.contains(bad.problem()), () -> bad.problem() + " in: " + message);
    assertTrue(message.contains(", expected "), message);
    assertSingleLine(message);
  }

  @Test
  void badFileCasesAreMany() {
    assertTrue(badFiles().count() >= 14);
  }

  @Test
  void messageFormatIsExact() throws IOException {
    Path file = write("xor.csv", "x1,x2,xor\n0,0,0\n0,NaN,1\n");
    InputException e = assertThrows(InputException.class, () -> CsvDatasetReader.read("xor", file, 1));
    assertEquals(file + ":3:2: non-finite value in input column 'x2', found 'NaN', expected a finite decimal number",
        e.getMessage());
  }

  @Test
  void messageIsOneLineEvenForValuesWithLineBreaks() throws IOException {
    Path file = write("bad.csv", "x1,x2,y\n0,\"a\r\nb\rc\",1\n");
    InputException e = assertThrows(InputException.class, () -> CsvDatasetReader.read("bad", file, 1));
    assertSingleLine(e.getMessage());
    assertTrue(e.getMessage().startsWith(file + ":2:2: "), e.getMessage());
    assertTrue(e.getMessage().contains("found 'a\\r\\nb\\rc'"), e.getMessage());
  }

  @Test
  void longValuesAreShortened() throws IOException {
    String longWord = "w".repeat(500);
    Path file = write("bad.csv", "x1,x2,y\n0," + longWord + ",1\n");
    InputException e = assertThrows(InputException.class, () -> CsvDatasetReader.read("bad", file, 1));
    assertTrue(e.getMessage().length() < 250, e.getMessage());
    assertTrue(e.getMessage().contains("found 'www"), e.getMessage());
  }

  @Test
  void missingFile() {
    InputException e = assertThrows(InputException.class,
        () -> CsvDatasetReader.read("nope", Path.of("data/nope.csv"), 1));
    assertEquals("data/nope.csv: dataset file not found, expected a readable CSV file", e.getMessage());
  }

  @Test
  void directoryInsteadOfFile() {
    InputException e = assertThrows(InputException.class, () -> CsvDatasetReader.read("d", dir, 1));
    assertEquals(dir + ": dataset path is a directory, expected a readable CSV file", e.getMessage());
  }

  @Test
  void unreadableFile() throws IOException {
    Path file = write("secret.csv", "x1,x2,y\n0,0,0\n");
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    } catch (UnsupportedOperationException e) {
      assumeTrue(false, "no POSIX permissions on this file system");
    }
    assumeTrue(!Files.isReadable(file), "running as a user who can read anything (root)");
    InputException e = assertThrows(InputException.class, () -> CsvDatasetReader.read("s", file, 1));
    assertEquals(file + ": dataset file is not readable (permission denied), expected a readable CSV file",
        e.getMessage());
  }

  @Test
  void notUtf8() throws IOException {
    Path file = dir.resolve("latin1.csv");
    Files.write(file, "x1,x2,caf\u00e9\n0,0,0\n".getBytes(StandardCharsets.ISO_8859_1));
    InputException e = assertThrows(InputException.class, () -> CsvDatasetReader.read("l", file, 1));
    assertEquals(file + ": dataset file is not valid UTF-8 text, expected a UTF-8 CSV file", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void outputsMustBePositive(int outputs) {
    InputException e = assertThrows(InputException.class,
        () -> CsvDatasetReader.read("xor", Path.of("data/xor.csv"), outputs));
    assertEquals("data/xor.csv: outputs must be >= 1, found " + outputs, e.getMessage());
  }

  @Test
  void nullArguments() {
    assertThrows(NullPointerException.class, () -> CsvDatasetReader.read(null, Path.of("data/xor.csv"), 1));
    assertThrows(NullPointerException.class, () -> CsvDatasetReader.read("xor", null, 1));
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static void assertSingleLine(String message) {
    assertFalse(message.contains("\n") || message.contains("\r"), () -> "multi-line message: " + message);
  }
}
