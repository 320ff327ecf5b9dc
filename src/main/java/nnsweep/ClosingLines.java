package nnsweep;

import java.io.PrintStream;
import java.util.Locale;
import nnsweep.fs.OutputFolder;
import nnsweep.report.Console;
import nnsweep.report.Headlines;
import nnsweep.report.StudyVerdict;
import nnsweep.report.VerdictReport;

/**
 * The console's closing lines of a finished run: every network, for a handful; how many networks were trained and
 * how fast; the headlines; the rules verdict (or why there is none); the files written and the report to open.
 */
final class ClosingLines {
  private ClosingLines() {}

  static void print(PrintStream out, StudyInputs in, OutputFolder folder, ResumePoint start, Trained trained,
      ReportStep.Written written) {
    if (!written.tables().detailed().isEmpty()) {
      Console.printNetworks(out, written.tables().detailed(), in.problems());
    }
    long networks = start.toTrain();
    double seconds = trained.facts().trainSeconds();
    out.printf(Locale.ROOT, "nnsweep: trained %d networks in %.1f s (%.1f networks/s)%n", networks, seconds,
        networks / Math.max(1e-9, seconds));
    Headlines.of(written.model(), trained.ladder()).stream().limit(12).forEach(h -> out.println("  " + h));
    if (written.verdict() != null) {
      out.println("nnsweep: rules verdict over " + trained.datasets().size() + " datasets:");
      VerdictReport.headlines(written.verdict()).forEach(h -> out.println("  " + h));
    } else if (in.study().validated() && !in.study().hiddenRules().isEmpty()) {
      StudyVerdict.whyNot(in.study(), in.problems()).ifPresent(why -> out.println("nnsweep: no rules verdict: " + why
          + " (docs/rules-verdict.md)"));
    }
    out.printf(Locale.ROOT, "nnsweep: wrote %s: %s%n", folder.shown(), String.join(", ", written.names()));
    if (written.names().contains("report.html")) {
      out.printf(Locale.ROOT, "nnsweep: open %s%n", folder.link("report.html"));
    }
  }
}
