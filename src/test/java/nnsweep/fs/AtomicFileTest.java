package nnsweep.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file written whole or not at all, with no temporary file left either way. */
class AtomicFileTest {
  @TempDir Path dir;

  @Test
  void committedContentReplacesTheFileEvenWhenTheBodyClosesItsWriter() throws IOException {
    Path f = dir.resolve("a.txt");
    Files.writeString(f, "old");
    AtomicFile.write(f, out -> {
      try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
        w.write("new \u00e9");
      }
    });
    assertEquals("new \u00e9", Files.readString(f));
    assertEquals(List.of(f), list());
  }

  @Test
  void aFailedOrUncommittedWriteLeavesTheFileAsItWas() throws IOException {
    Path f = dir.resolve("b.csv");
    Files.writeString(f, "old");
    assertThrows(IOException.class, () -> AtomicFile.write(f, out -> {
      out.write(new byte[100_000]);
      throw new IOException("disk full");
    }));
    try (AtomicFile open = AtomicFile.open(f)) {
      open.out().write(1);
    }
    assertEquals("old", Files.readString(f));
    assertEquals(List.of(f), list());

    Path absent = dir.resolve("c.csv");
    try (AtomicFile open = AtomicFile.open(absent)) {
      open.out().write(1);
    }
    assertFalse(Files.exists(absent));
  }

  private List<Path> list() throws IOException {
    try (var s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}
