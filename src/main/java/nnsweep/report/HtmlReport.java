package nnsweep.report;

import java.nio.file.Path;
import java.util.List;

/** Placeholder until the charts and the HTML page land: writes nothing. */
public final class HtmlReport {
  private HtmlReport() {}

  /** Writes the charts and report.html; returns the names written. */
  public static List<String> write(Path folder, ReportModel model) {
    return List.of();
  }
}
