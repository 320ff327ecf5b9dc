package nnsweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

/** The chunked appender hands the writer exactly what was appended, across chunk boundaries, and all of it on flush. */
class ChunkedWriterTest {
  @Test
  void aCsvPrinterThroughItWritesTheSameTextAsStraightToTheWriter() throws IOException {
    StringWriter direct = new StringWriter();
    StringWriter chunked = new StringWriter();
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader("id", "text", "x").setRecordSeparator("\n").get();
    CSVPrinter straight = new CSVPrinter(direct, format);
    ChunkedWriter through = new ChunkedWriter(chunked);
    CSVPrinter printer = new CSVPrinter(through, format);
    for (int i = 0; i < 30_000; i++) {
      // quoted cells ("a, b", a quote) and plain ones, so the printer uses every append form
      Object[] row = {i, i % 3 == 0 ? "a, \"b\"" : "plain", Math.sqrt(i)};
      straight.printRecord(row);
      printer.printRecord(row);
      if (i == 100) {
        assertTrue(chunked.getBuffer().length() == 0, "nothing reaches the writer before a chunk is full");
      }
    }
    assertTrue(chunked.getBuffer().length() > 0, "full chunks went on as they filled");
    assertTrue(chunked.getBuffer().length() < direct.getBuffer().length(), "the last chunk waits for the flush");
    printer.flush();
    assertEquals(direct.toString(), chunked.toString());
  }
}
