package nnsweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import nnsweep.testing.Csv;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * report.html in a real browser: headless Chromium (Debian's {@code chromium} package) renders a generated report
 * through {@code bench/render-report.sh}, and the screenshot must show the page and every chart. Skipped when
 * /usr/bin/chromium is absent ({@code apt-get install -y chromium} to run it).
 */
class ReportRenderIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DIR = Path.of("target", "it", "report-render");
  /** Tall enough for the whole page of the fixture (about 8,500 CSS pixels at this width). */
  private static final int WIDTH = 1400;
  private static final int HEIGHT = 12000;

  @Test
  void chromiumRendersTheReportWithEveryChartVisible() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no /usr/bin/chromium (apt-get install -y chromium)");
    Csv.deleteTree(DIR);
    Files.createDirectories(DIR);
    ReportModel model = ReportFixtures.tutorialLike();
    List<String> written = HtmlReport.write(DIR, model);
    Path screenshot = DIR.resolve("screenshot.png");

    Path log = DIR.resolve("render.log");
    ProcessBuilder pb = new ProcessBuilder("bench/render-report.sh", DIR.resolve("report.html").toString(),
        screenshot.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("RENDER_WINDOW_SIZE", WIDTH + "," + HEIGHT);
    pb.environment().put("CHROMIUM", CHROMIUM.toString());
    Process p = pb.start();
    if (!p.waitFor(3, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("render-report.sh did not finish");
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), output);
    assertTrue(Files.size(screenshot) > 10_000, output);

    BufferedImage shot = ImageIO.read(screenshot.toFile());
    assertNotNull(shot, "the screenshot decodes");
    assertEquals(WIDTH, shot.getWidth());
    assertEquals(HEIGHT, shot.getHeight());
    ChartsTest.assertNotBlank(shot, "screenshot");

    // The charts are drawn at their own size (900 pixels wide at this window width), so the pixels of the series
    // colours in the screenshot add up to (nearly) those of all the chart files: every chart is on the page and
    // visible. The page's own CSS uses none of these colours.
    for (Color c : new Color[] {ChartKit.PALETTE[0], ChartKit.PALETTE[1]}) {
      long inCharts = 0;
      for (String name : written) {
        if (name.endsWith(".png")) {
          inCharts += ChartsTest.pixelsNear(ImageIO.read(DIR.resolve(name).toFile()), c);
        }
      }
      long onPage = ChartsTest.pixelsNear(shot, c);
      assertTrue(inCharts > 1000, "the charts use " + c);
      assertTrue(onPage >= 0.9 * inCharts && onPage <= 1.1 * inCharts + 500,
          "colour " + Integer.toHexString(c.getRGB()) + ": " + onPage + " pixels on the page, " + inCharts
              + " in the chart files");
    }
  }

  /**
   * The page's scripts in the browser, on the tutorial, a successive-halving, a large (3,060 cells) and a hostile
   * page: Chromium loads {@code report.html#selftest}, whose script sorts the summary table by a column three times
   * (ascending, descending, original order), filters it, brushes an axis of the explore view and selects a cell,
   * then writes what it saw into the page; {@code --dump-dom} prints the DOM after the scripts ran.
   */
  @Test
  void thePagesScriptsDrawTheExploreViewSortTablesFetchNothingAndRunNoName() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no /usr/bin/chromium (apt-get install -y chromium)");
    Path root = Path.of("target", "it", "report-scripts");
    Csv.deleteTree(root);
    ReportFixtures.Halved halved = ReportFixtures.halving();
    Map<String, Runnable> pages = new LinkedHashMap<>();
    pages.put("tutorial", () -> HtmlReport.write(root.resolve("tutorial"), ReportFixtures.tutorialLike()));
    pages.put("halving", () -> HtmlReport.write(root.resolve("halving"), halved.model(), halved.ladder()));
    pages.put("many", () -> HtmlReport.write(root.resolve("many"), ReportFixtures.manyCells()));
    pages.put("hostile", () -> HtmlReport.write(root.resolve("hostile"), ReportFixtures.hostile()));
    ObjectMapper json = new ObjectMapper();
    for (var page : pages.entrySet()) {
      String name = page.getKey();
      Files.createDirectories(root.resolve(name));
      page.getValue().run();
      Path html = root.resolve(name).resolve("report.html");
      String dom = dumpDom(html, "#selftest", root.resolve(name + ".log"));
      Files.writeString(root.resolve(name + ".dom.html"), dom, StandardCharsets.UTF_8);
      Matcher m = Pattern.compile("<pre id=\"selftest-result\">([^<]*)</pre>").matcher(dom);
      assertTrue(m.find(), name + ": the page's self-check ran (see " + root.resolve(name + ".dom.html") + ")");
      JsonNode r = json.readTree(m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
      List<Double> ascending = numbers(r.get("ascending"));
      List<Double> descending = numbers(r.get("descending"));
      ((com.fasterxml.jackson.databind.node.ObjectNode) r).remove(List.of("ascending", "descending", "original"));
      String what = name + ": " + r;
      assertEquals(0, r.get("errors").size(), what);

      // the explore view is drawn: one line per summary row
      int cells = r.get("allVisible").asInt();
      assertTrue(r.get("exploreSvgs").asInt() >= 2, what);
      assertEquals(cells, r.get("explorePaths").asInt(), what);
      assertTrue(cells > 0 && r.get("brushedVisible").asInt() < cells, "brushing an axis hides cells: " + what);
      assertTrue(r.get("detailRows").asInt() > 5, "a selected cell shows its numbers: " + what);

      // the summary table sorts: aria-sort follows, the rows move, the column's values come in order
      assertEquals("median E", r.get("sortColumn").asText(), what);
      assertEquals("none", r.get("ariaBefore").asText(), what);
      assertEquals("ascending", r.get("ariaAfterOne").asText(), what);
      assertEquals("descending", r.get("ariaAfterTwo").asText(), what);
      assertEquals("none", r.get("ariaAfterThree").asText(), what);
      assertTrue(r.get("rowOrderChanged").asBoolean(), what);
      assertEquals(cells, r.get("rows").asInt(), what);
      List<Double> sorted = new ArrayList<>(ascending);
      sorted.sort(Comparator.naturalOrder());
      assertEquals(sorted, ascending, name + ": ascending");
      sorted.sort(Comparator.reverseOrder());
      assertEquals(sorted, descending, name + ": descending");
      assertTrue(r.get("filterShown").asInt() >= 1 && r.get("filterShown").asInt() <= cells, what);
      assertTrue(r.get("headersWithAriaSort").asInt() >= 10, what);

      // nothing fetched from the network: no resource loaded but from the file itself, no src or href elsewhere
      for (JsonNode url : r.get("resources")) {
        assertTrue(url.asText().startsWith("file:") || url.asText().startsWith("data:"), name + ": loaded " + url);
      }
      Matcher links = Pattern.compile("(?i)\\s(src|href|action|srcset|poster)\\s*=\\s*\"([^\"]*)\"").matcher(dom);
      while (links.find()) {
        String url = links.group(2).trim().toLowerCase(Locale.ROOT);
        assertFalse(url.startsWith("//") || url.matches("^[a-z][a-z0-9+.-]*:.*") && !url.startsWith("data:image/png"),
            name + ": " + links.group(1) + "=" + url.substring(0, Math.min(80, url.length())));
      }
      // no name ran as script: the markup in the hostile names would have marked the root element
      assertFalse(Pattern.compile("<html[^>]*data-pwned").matcher(dom).find(), name + ": a name ran as script");
    }
    String hostileDom = Files.readString(root.resolve("hostile.dom.html"), StandardCharsets.UTF_8);
    assertTrue(hostileDom.contains("x&lt;img src=x onerror="), "the hostile dataset name shows as text");
    assertTrue(hostileDom.contains("data-page-height="), "the page records its height for screenshots");
  }

  private static List<Double> numbers(JsonNode texts) {
    List<Double> out = new ArrayList<>();
    for (JsonNode t : texts) {
      String s = t.asText().replace("\u2212", "-").replace(",", "");
      out.add(s.equals("\u2013") ? Double.NaN : Double.parseDouble(s.replaceAll("[^0-9eE.+-].*$", "")));
    }
    out.removeIf(d -> d.isNaN());
    return out;
  }

  /** The DOM of {@code page#hash} after its scripts ran, as headless Chromium prints it. */
  private static String dumpDom(Path page, String hash, Path log) throws Exception {
    Path profile = Files.createTempDirectory("report-dom");
    try {
      ProcessBuilder pb = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
          "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
          "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,1000",
          "--dump-dom", page.toAbsolutePath().toUri() + hash).redirectError(log.toFile());
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(3, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("chromium --dump-dom did not finish");
      }
      return new String(out, StandardCharsets.UTF_8);
    } finally {
      Csv.deleteTree(profile);
    }
  }
}
