package nnsweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nnsweep.search.Rungs;
import nnsweep.stats.Summary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The explore view's data: summary columns and roles, one row per cell, importance, curves, safe JSON. */
class ExploreDataTest {
  private static ReportModel model;

  @BeforeAll
  static void train() {
    model = ReportFixtures.tutorialLike();
  }

  @Test
  void theColumnsAreTheSummaryTablesWithAValueAndEachRowACell() {
    ExploreData.Data d = ExploreData.of(model, key -> -1, null);
    // every summary.csv column with a value somewhere, in the CSV's order (no test split, no one-hot targets, no
    // halving: those columns are empty here)
    assertEquals(List.of("dataset", "model", "hidden", "bias", "learning_rate", "epochs", "init", "networks",
        "diverged", "mean_error", "std_error", "min_error", "median_error", "max_error", "success_rate",
        "success_ci_low", "success_ci_high"), d.columns().stream().map(ExploreData.Column::name).toList());
    assertEquals(List.of("axis", "axis", "axis", "axis", "axis", "axis", "axis", "detail", "detail", "score",
        "detail", "detail", "score", "detail", "score", "detail", "detail"),
        d.columns().stream().map(ExploreData.Column::role).toList());
    assertEquals(model.summary().size(), d.rows().size(), "one row per cell, never per network");
    // the same bytes in every JVM (Map.of's iteration order is not)
    assertTrue(ExploreData.scriptJson(d.json()).startsWith("{\"columns\":[{\"name\":\"dataset\",\"role\":\"axis\","
        + "\"type\":\"cat\"},{\"name\":\"model\","), ExploreData.scriptJson(d.json()).substring(0, 80));
    Summary.Row first = model.summary().get(0);
    Map<String, Object> row = ExploreData.byName(d, 0);
    assertEquals(first.key().dataset(), row.get("dataset"));
    assertEquals(first.key().model(), row.get("model"));
    assertEquals((double) first.key().hidden(), row.get("hidden"));
    assertEquals(Boolean.toString(first.key().bias()), row.get("bias"));
    assertEquals(ExploreData.round(first.medianError()), (double) row.get("median_error"), 0.0);
    assertEquals(first.successRate(), (double) row.get("success_rate"), 1e-6);
    assertEquals(List.of("model", "hidden", "bias", "learning_rate", "epochs", "init"), d.importanceAxes());
  }

  @Test
  void withHalvingTheRungAndItsEpochsAreAxes() {
    Rungs rungs = new Rungs(3, 100, 900);
    ExploreData.Data d = ExploreData.of(model, key -> key.hidden() == 0 ? 0 : 2, rungs);
    Map<String, Object> none = ExploreData.byName(d, 0);
    assertEquals("none", none.get("model"));
    assertEquals(0.0, none.get("rung"));
    assertEquals(100.0, none.get("rung_epochs"));
    assertTrue(d.importanceAxes().containsAll(List.of("rung", "rung_epochs")));
  }

  @Test
  void importanceIsEtaSquaredPerDatasetWithErrorsOnALog10Scale() {
    List<ExploreData.Column> columns = List.of(new ExploreData.Column("dataset", "axis", false),
        new ExploreData.Column("hidden", "axis", true), new ExploreData.Column("bias", "axis", false),
        new ExploreData.Column("median_error", "score", true), new ExploreData.Column("success_rate", "score", true));
    List<List<Object>> rows = List.of(
        Arrays.asList("a", 1.0, "true", 0.1, 0.0),
        Arrays.asList("a", 1.0, "true", 0.01, 0.5),
        Arrays.asList("a", 2.0, "true", 0.001, 1.0),
        Arrays.asList("a", 2.0, "true", 0.0001, 1.0),
        Arrays.asList("b", 1.0, "true", 0.5, 1.0),
        Arrays.asList("b", 2.0, "false", 0.0, null));
    List<ExploreData.Shares> shares = ExploreData.importance(columns, rows, List.of("hidden", "bias"));
    // a, median_error: log10 = -1, -2, -3, -4; levels 1, 1, 2, 2: SS_total = 5, SS_between = 4, eta^2 = 0.8;
    // bias has one level on a: no share
    assertEquals(new ExploreData.Shares("a", "median_error", true, 4, Arrays.asList(0.8, null)), shares.get(0));
    // a, success_rate: 0, 0.5, 1, 1: mean 0.625, SS_total = 0.390625 + 0.015625 + 0.140625 + 0.140625 = 0.6875;
    // level means 0.25 and 1: SS_between = 2 * 0.140625 + 2 * 0.140625 = 0.5625; eta^2 = 0.5625 / 0.6875 = 9/11
    assertEquals("a", shares.get(1).dataset());
    assertEquals("success_rate", shares.get(1).score());
    assertFalse(shares.get(1).log10());
    assertEquals(9.0 / 11.0, shares.get(1).shares().get(0), 1e-12);
    assertNull(shares.get(1).shares().get(1));
    // b: one finite log error (the other is 0) and one success rate: nothing to explain
    assertEquals(2, shares.size());
  }

  @Test
  void curvesComeFromTheDrawnNetworksByCell() {
    ExploreData.Data d = ExploreData.of(model, key -> -1, null);
    assertEquals(ReportModel.pickedIds(model.datasets()).size(), d.curves().size());
    for (Map<String, Object> c : d.curves()) {
      int row = (Integer) c.get("row");
      assertTrue(row >= 0 && row < d.rows().size());
      assertFalse(((List<?>) c.get("points")).isEmpty());
      assertTrue(c.get("label").toString().contains("seed "), c.get("label").toString());
    }
  }

  @Test
  void jsonForAScriptElementEscapesWhatCouldEndItAndReadsBackTheSame() throws Exception {
    String hostile = "</script><img src=x onerror=alert(1)> & <!-- \u2028\u2029 \"q\" \\";
    String json = ExploreData.scriptJson(Map.of("name", hostile, "values", List.of(1.5, "<b>")));
    for (String bad : List.of("<", ">", "&", "\u2028", "\u2029")) {
      assertFalse(json.contains(bad), bad + " in " + json);
    }
    assertTrue(json.contains("\\u003c/script\\u003e"), json);
    JsonNode back = new ObjectMapper().readTree(json);
    assertEquals(hostile, back.get("name").asText());
    assertEquals("<b>", back.get("values").get(1).asText());
  }

  @Test
  void csvCellsBecomeJsonValues() {
    assertEquals(2.0, ExploreData.value(2));
    assertEquals(0.5, ExploreData.value("0.5"));
    assertNull(ExploreData.value(""));
    assertNull(ExploreData.value(Double.NaN));
    assertEquals("true", ExploreData.value(true));
    assertEquals("uniform", ExploreData.value("uniform"));
    assertEquals("1d", ExploreData.value("1d"), "Java's float suffixes are text, not numbers");
    assertEquals(0.1234568, ExploreData.round(0.12345678), 0.0);
  }
}
