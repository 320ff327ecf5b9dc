package nnsweep.predict;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import nnsweep.errors.InputException;
import nnsweep.model.SavedModel;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Scores a CSV file (a header row naming the columns, then one row per example) with a saved model, streaming: one
 * row in memory at a time, so a file of any size goes through. The caller writes the output whole or not at all: a
 * bad cell anywhere throws before anything is committed.
 */
public final class CsvPredict {
  private CsvPredict() {}

  /** Reads {@code data}, writes predictions.csv's text to {@code out}; returns the number of rows scored. */
  public static long run(SavedModel model, String shownModel, InputStream data, String shownData,
      OutputStream out) throws IOException {
    Reader reader = new InputStreamReader(data, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    CSVParser parser;
    try {
      parser = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get().parse(reader);
    } catch (IOException e) {
      throw new InputException(shownData + ": cannot be read as CSV (" + e.getMessage() + "), expected a CSV file");
    }
    Iterator<CSVRecord> records = parser.iterator();
    long row = 0;
    try {
      if (!records.hasNext()) {
        throw new InputException(shownData + ": empty file, expected a header row naming the columns");
      }
      List<String> header = new ArrayList<>(records.next().toList());
      Scorer scorer = Scorer.of(model, header, shownData, shownModel);
      Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      w.write(String.join(",", scorer.header()));
      w.write('\n');
      while (records.hasNext()) {
        CSVRecord r = records.next();
        if (r.size() == 1 && r.get(0).isBlank()) {
          continue; // a blank line
        }
        w.write(scorer.line(row++, scorer.inputs(r.toList(), shownData + ":" + parser.getCurrentLineNumber())));
        w.write('\n');
      }
      w.flush();
      return row;
    } catch (UncheckedIOException e) {
      // commons-csv reports a malformed file (or undecodable bytes) this way
      throw new InputException(shownData + ":" + parser.getCurrentLineNumber() + ": cannot be read as CSV ("
          + String.valueOf(e.getMessage()).replace('\n', ' ') + "), expected UTF-8 CSV text");
    }
  }
}
