package nnsweep.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nnsweep.stats.DatasetReport;
import nnsweep.stats.Layers;
import nnsweep.stats.Rules;
import nnsweep.stats.Stats;

/**
 * The findings of a study in words, generated from its numbers (for the console and the HTML report); numbers as
 * {@link ReportFormat} writes them in text.
 */
public final class Headlines {
  private Headlines() {}

  /** A few sentences about one dataset, from its findings and its rows of the rules table. */
  public static List<String> of(DatasetReport report) {
    String d = ReportFormat.title(report.dataset());
    DatasetReport.Findings f = report.findings();
    List<String> lines = new ArrayList<>();
    if (f.none() != null) {
      Layers.Side s = f.none();
      lines.add(String.format(Locale.ROOT, "%s: no hidden layer: best E = %s, median E = %s; success %s of %d"
          + " networks", d, error(s.bestError()), error(s.medianError()), rate(s.success()), s.networks()));
    }
    if (f.hiddenTrained()) {
      if (f.bestSize() > 0) {
        Layers.Side best = f.best();
        lines.add(String.format(Locale.ROOT, "%s: best hidden size %d%s: median E = %s, success %s of %d networks",
            d, f.bestSize(), f.onValidation() ? " (lowest median validation error)" : "", error(best.medianError()),
            rate(best.success()), best.networks()));
      }
      lines.add(f.smallestReliable() == 0
          ? String.format(Locale.ROOT, "%s: no hidden size succeeds in >= 95%% of its networks", d)
          : String.format(Locale.ROOT, "%s: smallest hidden size succeeding in >= 95%% of networks: %d (%s)",
              d, f.smallestReliable(), rate(f.reliable().success())));
    }
    for (Rules.Row r : report.rules()) {
      if (r.dataset().equals(report.dataset()) && r.networks() > 0) {
        String best = r.containsBestSize() ? "contains the best size" : "misses the best size";
        String reliable = r.containsSmallestReliable() == null ? ""
            : r.containsSmallestReliable() == r.containsBestSize()
                ? " and the smallest reliable one"
                : r.containsSmallestReliable() ? " but contains the smallest reliable one"
                    : " but misses the smallest reliable one";
        lines.add(String.format(Locale.ROOT, "%s: rule %s recommends %s: success %s; %s%s", d, r.rule(),
            ReportFormat.range(r.sizes()), rate(r.success()), best, reliable));
      }
    }
    return lines;
  }

  private static String error(double v) {
    return ReportFormat.errorInText(v);
  }

  /** A success rate in a finding: one decimal once there are enough networks to tell 99.6% from 100%. */
  private static String rate(Stats.Rate r) {
    return ReportFormat.rate(r, r.trials() >= 100 ? 1 : 0);
  }
}
