package nnsweep.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {

  private static final List<String> IN = List.of("x1", "x2");
  private static final List<String> OUT = List.of("y");

  private static Dataset xor() {
    return new Dataset("xor", "data/xor.csv", IN, OUT,
        new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new double[][] {{0}, {1}, {1}, {0}});
  }

  @Test
  void accessors() {
    Dataset d = xor();
    assertEquals("xor", d.name());
    assertEquals("data/xor.csv", d.source());
    assertEquals(IN, d.inputNames());
    assertEquals(OUT, d.targetNames());
    assertEquals(4, d.rows());
    assertEquals(2, d.inputCount());
    assertEquals(1, d.outputCount());
    assertArrayEquals(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, d.inputs());
    assertArrayEquals(new double[][] {{0}, {1}, {1}, {0}}, d.targets());
  }

  @Test
  void copiesArraysAndNamesOnTheWayIn() {
    double[][] inputs = {{1, 2}};
    double[][] targets = {{3}};
    List<String> names = new ArrayList<>(IN);
    Dataset d = new Dataset("d", "s", names, OUT, inputs, targets);
    inputs[0][0] = 99;
    inputs[0] = new double[] {7, 7};
    targets[0][0] = 99;
    names.set(0, "changed");
    assertArrayEquals(new double[][] {{1, 2}}, d.inputs());
    assertArrayEquals(new double[][] {{3}}, d.targets());
    assertEquals(IN, d.inputNames());
  }

  @Test
  void copiesArraysOnTheWayOut() {
    Dataset d = xor();
    d.inputs()[1][1] = 42;
    d.targets()[1][0] = 42;
    assertNotSame(d.inputs(), d.inputs());
    assertNotSame(d.inputs()[0], d.inputs()[0]);
    assertEquals(1, d.inputs()[1][1]);
    assertEquals(1, d.targets()[1][0]);
    assertThrows(UnsupportedOperationException.class, () -> d.inputNames().add("x3"));
  }

  @Test
  void equalsAndHashCodeCompareArrayContents() {
    assertEquals(xor(), xor());
    assertEquals(xor().hashCode(), xor().hashCode());
    Dataset other = new Dataset("xor", "data/xor.csv", IN, OUT,
        new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new double[][] {{0}, {1}, {1}, {1}});
    assertNotEquals(xor(), other);
    assertNotEquals(xor(), new Dataset("xor2", "data/xor.csv", IN, OUT, xor().inputs(), xor().targets()));
    assertNotEquals(xor(), null);
  }

  @Test
  void toStringSummarises() {
    assertEquals("Dataset[name=xor, source=data/xor.csv, rows=4, inputNames=[x1, x2], targetNames=[y]]",
        xor().toString());
  }

  @Test
  void serializes() throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(xor());
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(xor(), in.readObject());
    }
  }

  @Test
  void rejectsNulls() {
    double[][] x = {{0, 0}};
    double[][] y = {{0}};
    assertMessage(NullPointerException.class, "name must not be null", () -> new Dataset(null, "s", IN, OUT, x, y));
    assertMessage(NullPointerException.class, "source must not be null",
        () -> new Dataset("d", null, IN, OUT, x, y));
    assertMessage(NullPointerException.class, "inputNames must not be null",
        () -> new Dataset("d", "s", null, OUT, x, y));
    assertMessage(NullPointerException.class, "targetNames must not be null",
        () -> new Dataset("d", "s", IN, null, x, y));
    assertMessage(NullPointerException.class, "inputs must not be null",
        () -> new Dataset("d", "s", IN, OUT, null, y));
    assertMessage(NullPointerException.class, "targets must not be null",
        () -> new Dataset("d", "s", IN, OUT, x, null));
    assertMessage(NullPointerException.class, "inputNames[1] must not be null",
        () -> new Dataset("d", "s", Arrays.asList("a", null), OUT, x, y));
    assertMessage(NullPointerException.class, "inputs[1] must not be null",
        () -> new Dataset("d", "s", IN, OUT, new double[][] {{0, 0}, null}, new double[][] {{0}, {0}}));
  }

  @Test
  void rejectsNoRows() {
    assertMessage(IllegalArgumentException.class, "inputs must have at least 1 row, found 0",
        () -> new Dataset("d", "s", IN, OUT, new double[0][], new double[0][]));
    assertMessage(IllegalArgumentException.class, "targets must have at least 1 row, found 0",
        () -> new Dataset("d", "s", IN, OUT, new double[][] {{0, 0}}, new double[0][]));
  }

  @Test
  void rejectsNoNames() {
    assertMessage(IllegalArgumentException.class, "inputNames must have at least 1 name, found 0",
        () -> new Dataset("d", "s", List.of(), OUT, new double[][] {{}}, new double[][] {{0}}));
    assertMessage(IllegalArgumentException.class, "targetNames must have at least 1 name, found 0",
        () -> new Dataset("d", "s", IN, List.of(), new double[][] {{0, 0}}, new double[][] {{}}));
  }

  @Test
  void rejectsRowsOfTheWrongWidth() {
    assertMessage(IllegalArgumentException.class, "inputs[1] must have 2 values (one per input name), found 3",
        () -> new Dataset("d", "s", IN, OUT, new double[][] {{0, 0}, {0, 0, 0}}, new double[][] {{0}, {0}}));
    assertMessage(IllegalArgumentException.class, "targets[0] must have 1 value (one per target name), found 0",
        () -> new Dataset("d", "s", IN, OUT, new double[][] {{0, 0}}, new double[][] {{}}));
  }

  @Test
  void rejectsDifferentRowCounts() {
    assertMessage(IllegalArgumentException.class,
        "inputs and targets must have the same number of rows, found 2 and 1",
        () -> new Dataset("d", "s", IN, OUT, new double[][] {{0, 0}, {1, 1}}, new double[][] {{0}}));
  }

  @Test
  void rejectsNonFiniteValues() {
    assertMessage(IllegalArgumentException.class, "inputs[0][1] must be finite, found NaN",
        () -> new Dataset("d", "s", IN, OUT, new double[][] {{0, Double.NaN}}, new double[][] {{0}}));
    assertMessage(IllegalArgumentException.class, "targets[0][0] must be finite, found -Infinity",
        () -> new Dataset("d", "s", IN, OUT, new double[][] {{0, 0}},
            new double[][] {{Double.NEGATIVE_INFINITY}}));
  }

  private static void assertMessage(Class<? extends Throwable> type, String message,
                                    org.junit.jupiter.api.function.Executable body) {
    Throwable t = assertThrows(type, body);
    assertEquals(message, t.getMessage());
    assertTrue(!t.getMessage().contains("\n"));
  }
}
