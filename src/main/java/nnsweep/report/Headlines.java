package nnsweep.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nnsweep.stats.DatasetReport;
import nnsweep.stats.Layers;
import nnsweep.stats.Rules;
import nnsweep.stats.Stats;

/** The findings of a study in words, generated from its numbers (for the console and the HTML report). */
public final class Headlines {
  private Headlines() {}

  /** A few sentences about one dataset, from its findings and its rows of the rules table. */
  public static List<String> of(DatasetReport report) {
    String d = report.dataset();
    DatasetReport.Findings f = report.findings();
    List<String> lines = new ArrayList<>();
    if (f.none() != null) {
      Layers.Side s = f.none();
      lines.add(String.format(Locale.ROOT, "%s: no hidden layer: best E = %s, median E = %s; success %s of %d"
          + " networks", upper(d), e(s.bestError()), e(s.medianError()), rate(s.success()), s.networks()));
    }
    if (f.hiddenTrained()) {
      if (f.bestSize() > 0) {
        Layers.Side best = f.best();
        lines.add(String.format(Locale.ROOT, "%s: best hidden size %d: median E = %s, success %s of %d networks",
            upper(d), f.bestSize(), e(best.medianError()), rate(best.success()), best.networks()));
      }
      lines.add(f.smallestReliable() == 0
          ? String.format(Locale.ROOT, "%s: no hidden size succeeds in >= 95%% of its networks", upper(d))
          : String.format(Locale.ROOT, "%s: smallest hidden size succeeding in >= 95%% of networks: %d (%s)",
              upper(d), f.smallestReliable(), rate(f.reliable().success())));
    }
    for (Rules.Row r : report.rules()) {
      if (r.dataset().equals(d) && r.networks() > 0) {
        String best = r.containsBestSize() ? "contains the best size" : "misses the best size";
        String reliable = r.containsSmallestReliable() == null ? ""
            : r.containsSmallestReliable() == r.containsBestSize()
                ? " and the smallest reliable one"
                : r.containsSmallestReliable() ? " but contains the smallest reliable one"
                    : " but misses the smallest reliable one";
        lines.add(String.format(Locale.ROOT, "%s: rule %s recommends %s: success %s; %s%s", upper(d), r.rule(),
            sizes(r.sizes()), rate(r.success()), best, reliable));
      }
    }
    return lines;
  }

  static String rate(Stats.Rate r) {
    // whole percents hide a 99.6% bound as 100%: one decimal once there are enough networks to tell
    String f = r.trials() >= 100 ? "%.1f" : "%.0f";
    return String.format(Locale.ROOT, f + "%% [" + f + "%%, " + f + "%%]", 100 * r.rate(), 100 * r.low(),
        100 * r.high());
  }

  static String e(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3g", v);
  }

  private static String sizes(int[] s) {
    if (s.length == 1) {
      return Integer.toString(s[0]);
    }
    return s[0] + "-" + s[s.length - 1];
  }

  private static String upper(String d) {
    return d.length() <= 4 ? d.toUpperCase(Locale.ROOT) : d;
  }
}
