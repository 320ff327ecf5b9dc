package nnsweep.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import nnsweep.data.Dataset;
import nnsweep.grid.Cell;
import nnsweep.nn.Model;
import nnsweep.stats.Summary;
import nnsweep.study.HiddenRule;
import nnsweep.study.Seeds;
import nnsweep.study.Study;
import nnsweep.testing.Studies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** report.html: self-contained, well-formed, and holding the study, the findings, the tables and every chart. */
class HtmlReportTest {
  private static ReportModel model;

  @BeforeAll
  static void train() {
    model = ReportFixtures.tutorialLike();
  }

  @Test
  void writesTheChartsAndTheSelfContainedPage(@TempDir Path dir) throws Exception {
    List<String> written = HtmlReport.write(dir, model);

    assertEquals("report.html", written.get(written.size() - 1));
    List<String> charts = written.subList(0, written.size() - 1);
    assertEquals(8, charts.size(), written.toString());
    assertTrue(charts.stream().allMatch(n -> n.startsWith("charts/") && n.endsWith(".png")), written.toString());
    for (String name : written) {
      assertTrue(Files.isRegularFile(dir.resolve(name)), name);
    }
    try (Stream<Path> files = Files.walk(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
    }

    String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
    Document doc = parse(html);
    assertEquals("nnsweep report: tiny", text(doc, "title").get(0));

    // every chart embedded as a data: URI holding exactly the PNG file's bytes, and linked as the file alongside
    NodeList imgs = doc.getElementsByTagName("img");
    assertEquals(charts.size(), imgs.getLength());
    for (int i = 0; i < imgs.getLength(); i++) {
      Element img = (Element) imgs.item(i);
      String src = img.getAttribute("src");
      assertTrue(src.startsWith("data:image/png;base64,"), src.substring(0, Math.min(40, src.length())));
      byte[] png = Base64.getDecoder().decode(src.substring("data:image/png;base64,".length()));
      assertArrayEquals(Files.readAllBytes(dir.resolve(charts.get(i))), png, charts.get(i));
      assertNotNull(ImageIO.read(new ByteArrayInputStream(png)));
      assertEquals(Integer.toString(Charts.WIDTH), img.getAttribute("width"));
      assertFalse(img.getAttribute("alt").isBlank());
    }
    assertTrue(attributes(doc, "a", "href").containsAll(charts), "each chart's PNG file is linked");

    // the findings, word for word
    assertFalse(model.headlines().isEmpty());
    List<String> items = new ArrayList<>();
    NodeList lis = doc.getElementsByTagName("li");
    for (int i = 0; i < lis.getLength(); i++) {
      items.add(lis.item(i).getTextContent());
    }
    assertEquals(model.headlines(), items);

    // the study as run
    for (String s : List.of("The study as run", "Findings", "Charts")) {
      assertTrue(text(doc, "h2").contains(s), s);
    }
    assertTrue(html.contains("conf/tiny.conf"));
    assertTrue(html.contains("0-3 (4 seeds)"), "the seeds");
    assertTrue(text(doc, "summary").get(0).startsWith("The resolved study"));
    assertTrue(text(doc, "pre").get(0).contains("\"learning-rates\" : [ 0.5 ]"), text(doc, "pre").get(0));

    // the three tables, their headers and one row per table row
    List<String> headers = text(doc, "th");
    for (String h : List.of("dataset", "model", "hidden", "networks", "median E", "success [95% CI]", "rule",
        "recommended h", "contains best h", "smallest reliable h", "median E ratio", "no hidden layer",
        "hidden layer, all sizes", "best hidden size", "rows", "inputs", "outputs")) {
      assertTrue(headers.contains(h), "header " + h + " in " + headers);
    }
    assertEquals(model.summary().size(), rows(doc, "summary"));
    assertEquals(model.rules().size(), rows(doc, "rules"));
    assertEquals(model.layers().size(), rows(doc, "layers"));
    assertTrue(Pattern.compile("\\d+% \\[\\d+%, \\d+%\\]").matcher(html).find(), "intervals as 87% [82%, 91%]");
  }

  @Test
  void hasNoExternalUrlNoScriptAndNoStylesheetLink(@TempDir Path dir) throws Exception {
    HtmlReport.write(dir, model);
    String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
    assertFalse(html.contains("http://"), "no http:// anywhere");
    assertFalse(html.contains("https://"), "no https:// anywhere");
    Matcher m = Pattern.compile("(?i)\\b(src|href|action|data)\\s*=\\s*\"([^\"]*)\"").matcher(html);
    int links = 0;
    while (m.find()) {
      links++;
      String url = m.group(2).trim().toLowerCase(java.util.Locale.ROOT);
      assertFalse(url.startsWith("//") || url.matches("^[a-z][a-z0-9+.-]*:.*") && !url.startsWith("data:image/"),
          "external or scheme URL: " + m.group(1) + "=" + url.substring(0, Math.min(60, url.length())));
    }
    assertTrue(links > 8);
    assertFalse(Pattern.compile("(?i)url\\s*\\(").matcher(html).find(), "no url(...) in the CSS");
    // two scripts, both inline: the explore view's data (JSON) and the page's own script; nothing loaded
    Document doc = parse(html);
    NodeList scripts = doc.getElementsByTagName("script");
    assertEquals(2, scripts.getLength());
    assertEquals("application/json", ((Element) scripts.item(0)).getAttribute("type"));
    assertEquals("explore-data", ((Element) scripts.item(0)).getAttribute("id"));
    for (int i = 0; i < scripts.getLength(); i++) {
      assertFalse(((Element) scripts.item(i)).hasAttribute("src"), "an inline script");
    }
    assertFalse(scripts.item(1).getTextContent().contains("fetch("), "the script fetches nothing");
    assertFalse(scripts.item(1).getTextContent().contains("XMLHttpRequest"), "the script requests nothing");
    assertFalse(html.toLowerCase(java.util.Locale.ROOT).contains("<link"), "no linked stylesheet");
    assertFalse(html.contains("@import"));
  }

  @Test
  void escapesEveryStringFromTheStudy(@TempDir Path dir) throws Exception {
    Dataset evil = ChartsTest.rename(Studies.xor(), "x<b>&amp;\"'");
    Study study = ReportFixtures.study("name<script>alert(1)</script>&", evil).models(Model.NONE, Model.HIDDEN)
        .hiddenSizes(2).hiddenRules(HiddenRule.TWO_THIRDS_INPUTS_PLUS_OUTPUTS).learningRates(0.5).epochs(500)
        .bias(false).seeds(Seeds.of(0, 1)).curvePoints(5).build();
    ReportModel m = ReportFixtures.model(study, List.of(evil));
    HtmlReport.write(dir, m);
    String html = withoutOwnScripts(Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8));
    assertFalse(html.contains("<script"));
    assertFalse(html.contains("<b>"));
    Document doc = parse(html);
    assertEquals("nnsweep report: name<script>alert(1)</script>&", text(doc, "title").get(0));
    assertTrue(text(doc, "td").contains("x<b>&amp;\"'"), "the dataset name, as text");
    for (String h : m.headlines()) {
      assertTrue(text(doc, "li").contains(h), h);
    }
  }

  /** The page without its two own script elements. */
  static String withoutOwnScripts(String html) {
    String s = html.replaceFirst("(?s)<script type=\"application/json\" id=\"explore-data\">[^<]*</script>", "")
        .replaceFirst("(?s)<script>//<!\\[CDATA\\[.*?//\\]\\]></script>", "");
    assertEquals(html.length() > s.length(), true);
    return s;
  }

  @Test
  void hostileNamesReachThePageAsTextAndTheJsonAsData(@TempDir Path dir) throws Exception {
    ReportModel m = ReportFixtures.hostile();
    HtmlReport.write(dir, m);
    String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
    // exactly the page's two script elements end: no name closes one or opens another
    assertEquals(2, html.split("</script>", -1).length - 1);
    String rest = withoutOwnScripts(html);
    for (String bad : List.of("<script", "<img src=x", "<svg onload", "onerror=\"", "onload=\"")) {
      assertFalse(rest.contains(bad), bad);
    }
    Document doc = parse(html);
    String study = m.study().name();
    String dataset = m.summary().get(0).key().dataset();
    assertEquals("nnsweep report: " + study, text(doc, "title").get(0));
    assertTrue(text(doc, "td").contains(dataset), "the dataset name as text");
    String inputs = text(doc, "td").stream().filter(t -> t.startsWith("2 (")).findFirst().orElseThrow();
    assertTrue(inputs.contains("</script><script>") && inputs.contains("x<img src=x onerror=alert(1)>"), inputs);
    // the embedded JSON reads back the names as they are
    Element data = doc.getElementById("explore-data");
    String json = data == null ? scriptText(doc, 0) : data.getTextContent();
    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    assertEquals(dataset, tree.get("rows").get(0).get(0).asText());
    assertTrue(json.contains("\\u003cimg src=x onerror="), "escaped in the JSON");
  }

  private static String scriptText(Document doc, int i) {
    return doc.getElementsByTagName("script").item(i).getTextContent();
  }

  @Test
  void theExploreSectionHoldsTheViewsPlaceAndTheImportanceTable() throws Exception {
    Document doc = parse(HtmlReport.page(model, List.of(), null));
    Element explore = section(doc, "explore");
    assertNotNull(explore, "a section id=explore");
    assertTrue(explore.getTextContent().contains("eta squared"));
    // the no-script content: the importance table, a row per dataset and score
    Element table = (Element) explore.getElementsByTagName("table").item(0);
    assertEquals("sortable", table.getAttribute("class"));
    ExploreData.Data data = ExploreData.of(model, key -> -1, null);
    assertEquals(data.importance().size(), table.getElementsByTagName("tbody").item(0).getChildNodes().getLength()
        - blankNodes(table.getElementsByTagName("tbody").item(0)));
    // every data table can be sorted by the page's script
    NodeList tables = doc.getElementsByTagName("table");
    int sortable = 0;
    for (int i = 0; i < tables.getLength(); i++) {
      sortable += ((Element) tables.item(i)).getAttribute("class").equals("sortable") ? 1 : 0;
    }
    assertEquals(4, sortable, "the importance, summary, rules and layers tables");
  }

  private static int blankNodes(org.w3c.dom.Node n) {
    int blank = 0;
    for (int i = 0; i < n.getChildNodes().getLength(); i++) {
      blank += n.getChildNodes().item(i).getNodeType() == org.w3c.dom.Node.TEXT_NODE ? 1 : 0;
    }
    return blank;
  }

  private static Element section(Document doc, String id) {
    NodeList sections = doc.getElementsByTagName("section");
    for (int i = 0; i < sections.getLength(); i++) {
      if (((Element) sections.item(i)).getAttribute("id").equals(id)) {
        return (Element) sections.item(i);
      }
    }
    return null;
  }

  @Test
  void aStudyWithoutTheNoneModelHasNoLayersSection() throws Exception {
    Study study = ReportFixtures.study("hidden-only", Studies.xor()).models(Model.HIDDEN).hiddenSizes(2)
        .learningRates(0.5).epochs(300).bias(true).seeds(Seeds.range(0, 2)).build();
    ReportModel m = ReportFixtures.model(study, List.of(Studies.xor()));
    String html = HtmlReport.page(m, List.of(), null);
    Document doc = parse(html);
    assertNull(section(doc, "layers"));
    assertFalse(html.contains("href=\"#layers\""));
    assertNotNull(section(parse(HtmlReport.page(model, List.of(), null)), "layers"), "the tutorial has both models");
  }

  @Test
  void theHalvingPageShowsBudgetsNamesTheWinnersAndListsTheFilesWritten(@TempDir Path dir) throws Exception {
    ReportFixtures.Halved halved = ReportFixtures.halving();
    ReportModel m = halved.model();
    nnsweep.search.Ladder ladder = halved.ladder();
    List<String> others = List.of("ladder.csv", "results.csv", "summary.csv", "layers.csv", "curves.csv",
        "run.json");
    List<String> written = HtmlReport.write(dir, m, ladder, others);
    String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
    Document doc = parse(html);

    // no model without a hidden layer: no layers section, no layers chart
    assertNull(section(doc, "layers"));
    assertTrue(written.stream().noneMatch(f -> f.contains("layers-")), written.toString());

    // the summary table: each cell's rung and the epochs it reached
    Element summary = section(doc, "summary");
    List<String> heads = new ArrayList<>();
    NodeList ths = summary.getElementsByTagName("th");
    for (int i = 0; i < ths.getLength(); i++) {
      heads.add(ths.item(i).getTextContent());
    }
    int rungColumn = heads.indexOf("rung");
    int epochsColumn = heads.indexOf("epochs reached (of budget)");
    assertTrue(rungColumn >= 0 && epochsColumn >= 0, heads.toString());
    NodeList trs = summary.getElementsByTagName("tbody").item(0).getChildNodes();
    int row = 0;
    for (int i = 0; i < trs.getLength(); i++) {
      if (!(trs.item(i) instanceof Element tr)) {
        continue;
      }
      Cell key = m.summary().get(row++).key();
      int rung = LadderTable.rungOf(ladder).applyAsInt(key);
      NodeList tds = tr.getElementsByTagName("td");
      assertEquals(Integer.toString(rung), tds.item(rungColumn).getTextContent());
      assertEquals(ReportFormat.count(ladder.rungs().epochs(rung)) + " of 900",
          tds.item(epochsColumn).getTextContent());
    }
    assertEquals(m.summary().size(), row);

    // the findings name each dataset's top-rung winner as its best configuration, and nothing else as best
    List<String> findings = new ArrayList<>();
    NodeList lis = section(doc, "findings").getElementsByTagName("li");
    for (int i = 0; i < lis.getLength(); i++) {
      findings.add(lis.item(i).getTextContent());
    }
    for (var e : ladder.best().entrySet()) {
      String d = ReportFormat.title(m.datasets().get(e.getKey()).dataset());
      String expected = d + ": best configuration (the winner of successive halving at rung 2, 900 epochs): "
          + LadderTable.describe(e.getValue()).substring(e.getValue().key().dataset().length() + 1) + ": median E";
      assertTrue(findings.stream().anyMatch(f -> f.startsWith(expected)), expected + " in " + findings);
    }
    assertTrue(findings.stream().noneMatch(f -> f.contains("best hidden size")), findings.toString());

    // the charts over hidden sizes draw each cell at its rung, and say so
    assertTrue(html.contains("final error vs hidden size, per rung reached"));

    // the footer: exactly the files the run wrote
    String footer = doc.getElementsByTagName("footer").item(0).getTextContent();
    long charts = written.stream().filter(f -> f.startsWith("charts/")).count();
    assertTrue(footer.startsWith("This run wrote: ladder.csv (successive halving's ladder), results.csv (one row"
        + " per network), summary.csv (the summary table), layers.csv (the layers table), curves.csv (the training"
        + " curves), run.json (how the run went), charts/ (" + charts + " PNG charts, each shown on this page),"
        + " report.html (this page)."), footer);
    assertFalse(footer.contains("rules.csv"), "a study without rules writes no rules.csv");
  }

  @Test
  void withoutChartsThePageSaysWhyAndStillHasTheTables() throws Exception {
    String html = HtmlReport.page(model, List.of(), "java.awt.AWTError: no fonts");
    Document doc = parse(html);
    assertEquals(0, doc.getElementsByTagName("img").getLength());
    assertTrue(html.contains("The charts could not be drawn on this machine: java.awt.AWTError: no fonts"));
    assertEquals(model.summary().size(), rows(doc, "summary"));
  }

  @Test
  void theSummaryShowsTheClassAccuracyOfOneHotDatasetsOnly(@TempDir Path dir) throws Exception {
    // three classes, two rows each, one-hot targets
    Dataset classes = new Dataset("classes", "classes.csv", List.of("x1", "x2"), List.of("a", "b", "c"),
        new double[][] {{0, 0}, {0, 0.2}, {1, 0}, {1, 0.2}, {0, 1}, {0.2, 1}},
        new double[][] {{1, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 1}});
    Study study = ReportFixtures.study("classes", classes, Studies.xor()).models(Model.HIDDEN).hiddenSizes(4)
        .learningRates(0.5).epochs(2000).bias(true).seeds(Seeds.range(0, 2)).build();
    ReportModel withClasses = ReportFixtures.model(study, List.of(classes, Studies.xor()));
    HtmlReport.write(dir, withClasses);
    Document doc = parse(Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8));
    List<String> headers = text(doc, "th");
    assertTrue(headers.contains("mean class accuracy"), headers.toString());
    assertFalse(headers.contains("mean test class accuracy"), "no test split: " + headers);
    Summary.Row row = withClasses.summary().get(0);
    assertEquals("classes", row.key().dataset());
    String shown = String.format(java.util.Locale.ROOT, "%.1f%%", 100 * row.meanClassAccuracy());
    assertTrue(text(doc, "td").contains(shown), shown);
    assertTrue(Double.isNaN(withClasses.summary().get(1).meanClassAccuracy()), "xor: one output");

    Path plain = dir.resolve("plain");
    HtmlReport.write(plain, model);
    assertFalse(text(parse(Files.readString(plain.resolve("report.html"), StandardCharsets.UTF_8)), "th")
        .contains("mean class accuracy"), "OR and XOR are not one-hot");
  }

  @Test
  void theWellFormednessCheckCatchesBrokenMarkup() {
    assertThrowsParse("<!DOCTYPE html><html><body><div><p>x</div></body></html>");
    assertThrowsParse("<!DOCTYPE html><html><body><img src=\"a\"></body></html>");
  }

  private static void assertThrowsParse(String html) {
    try {
      parse(html);
    } catch (Exception e) {
      return;
    }
    throw new AssertionError("parsed: " + html);
  }

  /**
   * Parses the page as XML: the report is written so that it is well-formed (every element closed, void elements
   * self-closed, numeric entities only), so any unbalanced tag fails here.
   */
  static Document parse(String html) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(false);
    f.setValidating(false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setExpandEntityReferences(false);
    DocumentBuilder b = f.newDocumentBuilder();
    b.setErrorHandler(null);
    Document doc = b.parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    Element root = doc.getDocumentElement();
    assertEquals("html", root.getTagName());
    assertEquals(List.of("head", "body"), children(root));
    return doc;
  }

  private static List<String> children(Element e) {
    List<String> names = new ArrayList<>();
    for (var n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c) {
        names.add(c.getTagName());
      }
    }
    return names;
  }

  static List<String> text(Document doc, String tag) {
    List<String> out = new ArrayList<>();
    NodeList nodes = doc.getElementsByTagName(tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }

  private static List<String> attributes(Document doc, String tag, String attribute) {
    List<String> out = new ArrayList<>();
    NodeList nodes = doc.getElementsByTagName(tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(((Element) nodes.item(i)).getAttribute(attribute));
    }
    return out;
  }

  /** Body rows of the table in the section with this id. */
  private static int rows(Document doc, String sectionId) {
    NodeList sections = doc.getElementsByTagName("section");
    for (int i = 0; i < sections.getLength(); i++) {
      Element s = (Element) sections.item(i);
      if (s.getAttribute("id").equals(sectionId)) {
        Element tbody = (Element) s.getElementsByTagName("tbody").item(0);
        return tbody.getElementsByTagName("tr").getLength();
      }
    }
    throw new AssertionError("no section " + sectionId);
  }
}
