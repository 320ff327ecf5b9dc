package nnsweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
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
    deleteRecursively(DIR);
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

  private static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (var walk = Files.walk(p)) {
      for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}
