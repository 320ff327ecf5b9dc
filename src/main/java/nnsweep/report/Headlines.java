package nnsweep.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import nnsweep.grid.Cell;
import nnsweep.search.Ladder;
import nnsweep.search.Rungs;
import nnsweep.stats.DatasetReport;
import nnsweep.stats.Layers;
import nnsweep.stats.Rules;
import nnsweep.stats.Stats;
import nnsweep.stats.Summary;

/**
 * The findings of a study in words, generated from its numbers (for the console and the HTML report); numbers as
 * {@link ReportFormat} writes them in text.
 */
public final class Headlines {
  private Headlines() {}

  /**
   * The findings of a model: {@link #of(DatasetReport)} per dataset for a grid; with successive halving ({@code
   * ladder} not null), per dataset the top-rung winner as the best configuration, the budgets, and the smallest
   * reliable hidden size among the cells that reached the top rung, so that no finding compares cells trained to
   * different budgets.
   */
  public static List<String> of(ReportModel model, Ladder ladder) {
    if (ladder == null) {
      return model.headlines();
    }
    Rungs rungs = ladder.rungs();
    int top = rungs.last();
    java.util.function.ToIntFunction<Cell> rungOf = LadderTable.rungOf(ladder);
    List<String> lines = new ArrayList<>();
    Map<Integer, Ladder.Step> best = ladder.best();
    for (int i = 0; i < model.datasets().size(); i++) {
      DatasetReport report = model.datasets().get(i);
      String d = ReportFormat.title(report.dataset());
      Ladder.Step winner = best.get(i);
      Summary.Row row = winner == null ? null : report.summary().stream()
          .filter(r -> r.key().equals(winner.key())).findFirst().orElse(null);
      if (winner != null && row != null) {
        lines.add(String.format(Locale.ROOT, "%s: best configuration (the winner of successive halving at rung %d,"
            + " %s epochs): %s: %smedian E = %s, success %s of %d networks", d, winner.rung(),
            ReportFormat.count(rungs.epochs(winner.rung())), LadderTable.describe(winner)
                .substring(winner.key().dataset().length() + 1), Double.isNaN(row.medianTestError()) ? ""
                : "median test E = " + error(row.medianTestError()) + ", ",
            error(row.medianError()), rate(row.success()), row.networks()));
      }
      StringBuilder budgets = new StringBuilder();
      for (int k = 0; k <= top; k++) {
        final int rung = k;
        long cells = report.summary().stream().filter(r -> rungOf.applyAsInt(r.key()) >= rung).count();
        budgets.append(k == 0 ? "" : ", ").append(cells).append(" to ").append(ReportFormat.count(rungs.epochs(k)))
            .append(k == 0 ? " epochs" : "");
      }
      lines.add(d + ": cells trained to each budget: " + budgets);
      // success pooled per hidden size over the top rung's cells only (equal budgets)
      Map<Integer, long[]> bySize = new TreeMap<>();
      for (Summary.Row r : report.summary()) {
        if (rungOf.applyAsInt(r.key()) == top && r.key().hidden() > 0) {
          long[] c = bySize.computeIfAbsent(r.key().hidden(), h -> new long[2]);
          c[0] += r.success().successes();
          c[1] += r.success().trials();
        }
      }
      int reliable = 0;
      Stats.Rate reliableRate = null;
      for (var e : bySize.entrySet()) {
        Stats.Rate rate = Stats.wilson(e.getValue()[0], e.getValue()[1]);
        if (rate.rate() >= Rules.RELIABLE) {
          reliable = e.getKey();
          reliableRate = rate;
          break;
        }
      }
      if (!bySize.isEmpty()) {
        lines.add(reliable == 0
            ? String.format(Locale.ROOT, "%s: among the cells that reached the top rung (%s epochs), no hidden size"
                + " succeeds in >= 95%% of its networks", d, ReportFormat.count(rungs.epochs(top)))
            : String.format(Locale.ROOT, "%s: among the cells that reached the top rung (%s epochs), smallest hidden"
                + " size succeeding in >= 95%% of networks: %d (%s)", d, ReportFormat.count(rungs.epochs(top)),
                reliable, rate(reliableRate)));
      }
    }
    return lines;
  }

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
