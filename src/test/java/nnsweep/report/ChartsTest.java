package nnsweep.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import nnsweep.data.Dataset;
import nnsweep.nn.Model;
import nnsweep.stats.Stats;
import nnsweep.study.InitSpec;
import nnsweep.study.Seeds;
import nnsweep.study.Study;
import nnsweep.testing.Studies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The charts: which are drawn, where they go, and that each is a real, non-blank image of the stated size. */
class ChartsTest {
  private static ReportModel tutorialLike;

  @BeforeAll
  static void train() {
    tutorialLike = ReportFixtures.tutorialLike();
  }

  @Test
  void drawsFourChartsPerDatasetAsPngFilesOfTheStatedSize(@TempDir Path dir) throws IOException {
    List<Charts.Chart> charts = Charts.render(tutorialLike);
    List<String> written = Charts.write(dir, charts);

    List<String> expected = new ArrayList<>();
    for (String d : List.of("or", "xor")) {
      for (String kind : List.of("error-vs-hidden", "success-vs-hidden", "layers", "curves")) {
        expected.add("charts/" + kind + "-" + d + ".png");
      }
    }
    assertEquals(expected, written);
    for (Charts.Chart c : charts) {
      Path file = dir.resolve(c.file());
      assertArrayEquals(c.png(), Files.readAllBytes(file), c.file());
      BufferedImage image = ImageIO.read(file.toFile());
      assertNotNull(image, c.file() + " decodes as an image");
      assertEquals(Charts.WIDTH, image.getWidth(), c.file());
      assertEquals(c.height(), image.getHeight(), c.file());
      assertTrue(c.height() >= Charts.HEIGHT, c.file());
      assertNotBlank(image, c.file());
      assertTrue(pixelsNear(image, ChartKit.PALETTE[0]) + pixelsNear(image, ChartKit.PALETTE[1]) > 100,
          c.file() + " draws its data in the series colours");
      assertTrue(!c.title().isBlank() && !c.caption().isBlank(), c.file());
    }
    try (Stream<Path> files = Files.walk(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
    }
  }

  @Test
  void runsHeadless() {
    Charts.render(tutorialLike);
    assertEquals("true", System.getProperty("java.awt.headless"));
    assertTrue(java.awt.GraphicsEnvironment.isHeadless());
  }

  @Test
  void oneSettingNoRulesNoCurvesGivesErrorSuccessAndLayersCharts() throws IOException {
    Study study = ReportFixtures.study("one", Studies.xor()).models(Model.NONE, Model.HIDDEN).hiddenSizes(2, 4)
        .learningRates(0.5).epochs(2000).bias(true).seeds(Seeds.of(0, 1, 2)).build();
    List<Charts.Chart> charts = Charts.render(ReportFixtures.model(study, List.of(Studies.xor())));
    assertEquals(List.of("charts/error-vs-hidden-xor.png", "charts/success-vs-hidden-xor.png",
        "charts/layers-xor.png"), charts.stream().map(Charts.Chart::file).toList());
    for (Charts.Chart c : charts) {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(c.png()));
      if (!c.kind().equals("layers")) {
        assertEquals(Charts.HEIGHT, c.height(), "no rules strip: " + c.file());
      }
      assertEquals(c.height(), image.getHeight());
      assertNotBlank(image, c.file());
    }
  }

  @Test
  void aStudyWithoutHiddenLayerGetsTheLayersAndCurvesCharts() throws IOException {
    Study study = ReportFixtures.study("none", Studies.or()).models(Model.NONE).learningRates(0.5, 1.0).epochs(500)
        .bias(false, true).seeds(Seeds.of(0, 1)).curvePoints(8).build();
    List<Charts.Chart> charts = Charts.render(ReportFixtures.model(study, List.of(Studies.or())));
    assertEquals(List.of("charts/layers-or.png", "charts/curves-or.png"),
        charts.stream().map(Charts.Chart::file).toList());
    for (Charts.Chart c : charts) {
      assertNotBlank(ImageIO.read(new ByteArrayInputStream(c.png())), c.file());
    }
  }

  @Test
  void severalSettingsAreSeriesOfTheirOwnNamedByWhatVaries() {
    Study study = ReportFixtures.study("rates", Studies.or()).models(Model.HIDDEN).hiddenSizes(2)
        .learningRates(0.05, 0.5).epochs(300).bias(false, true).seeds(Seeds.of(0, 1)).curvePoints(6).build();
    ReportModel model = ReportFixtures.model(study, List.of(Studies.or()));
    ChartData.SettingNames names = ChartData.SettingNames.of(model.summary());
    assertEquals(List.of("bias off, lr 0.05", "bias on, lr 0.05", "bias off, lr 0.5", "bias on, lr 0.5"),
        model.summary().stream().map(r -> ChartData.Setting.of(r.key())).distinct()
            .sorted(ChartData.Setting.ORDER).map(names::name).toList());
    ChartData.SettingNames fixed = ChartData.SettingNames.of(ReportFixtures.model(ReportFixtures.study("fixed",
        Studies.or()).models(Model.HIDDEN).hiddenSizes(2).learningRates(0.05).epochs(200).bias(false)
        .seeds(Seeds.of(0)).build(), List.of(Studies.or())).summary());
    assertEquals("bias off, lr 0.05, 200 epochs", fixed.name(new ChartData.Setting(false, 0.05, 200, "uniform")));
    assertEquals(List.of("error-vs-hidden", "success-vs-hidden", "layers", "curves"),
        Charts.render(model).stream().map(Charts.Chart::kind).toList());
  }

  @Test
  void initSchemesAreAnAxisToo() throws Exception {
    Study study = ReportFixtures.study("inits", Studies.xor()).models(Model.NONE, Model.HIDDEN).hiddenSizes(2)
        .learningRates(0.5).epochs(400).bias(true).seeds(Seeds.of(0, 1))
        .inits(new InitSpec.Uniform(), new InitSpec.Xavier()).curvePoints(6).build();
    ReportModel model = ReportFixtures.model(study, List.of(Studies.xor()));
    ChartData.SettingNames names = ChartData.SettingNames.of(model.summary());
    assertEquals(List.of("init uniform", "init xavier"), model.summary().stream()
        .map(r -> ChartData.Setting.of(r.key())).distinct().sorted(ChartData.Setting.ORDER).map(names::name).toList());
    assertEquals(4, Charts.render(model).size());
    String html = HtmlReport.page(model, List.of(), null);
    assertEquals(3, HtmlReportTest.text(HtmlReportTest.parse(html), "th").stream().filter(t -> t.equals("init"))
        .count(), "an init column in the summary, importance and layers tables");
  }

  @Test
  void datasetNamesAreMadeSafeAndDistinctForFileNames() throws IOException {
    assertEquals("full-adder", ChartData.slug("full-adder"));
    assertEquals("my-data-v2", ChartData.slug("My Data/v2"));
    assertEquals("a-b", ChartData.slug("../a<b>"));
    assertEquals("dataset", ChartData.slug("\u00e9\u00e9"));

    Dataset a = rename(Studies.or(), "A b");
    Dataset b = rename(Studies.xor(), "a/b");
    Study study = ReportFixtures.study("names", a, b).models(Model.NONE).learningRates(0.5).epochs(100).bias(false)
        .seeds(Seeds.of(0)).build();
    List<Charts.Chart> charts = Charts.render(ReportFixtures.model(study, List.of(a, b)));
    assertEquals(List.of("charts/layers-a-b.png", "charts/layers-a-b-2.png"),
        charts.stream().map(Charts.Chart::file).toList());
  }

  @Test
  void errorsAreFormattedReadably() {
    assertEquals("0.125", ReportFormat.error(0.12505));
    assertEquals("2.38e-4", ReportFormat.error(2.38e-4));
    assertEquals("9.3e-5", ReportFormat.error(9.3e-5));
    assertEquals("0.5", ReportFormat.error(0.5));
    assertEquals("1.58e4", ReportFormat.error(15800));
    assertEquals("0", ReportFormat.error(0));
    assertEquals("\u2013", ReportFormat.error(Double.NaN));
    assertEquals("87% [82%, 91%]", ReportFormat.rate(new Stats.Rate(87, 100, 0.87, 0.8249, 0.9129)));
    assertEquals("1-4", ReportFormat.sizes(new int[] {1, 2, 3, 4}));
    assertEquals("1, 2", ReportFormat.sizes(new int[] {1, 2}));
    assertEquals("2, 5, 9", ReportFormat.sizes(new int[] {9, 2, 5}));
    assertEquals("0.05", ReportFormat.plain(0.05));
    assertEquals("200,000", ReportFormat.count(200000));
  }

  static Dataset rename(Dataset d, String name) {
    return new Dataset(name, d.source(), d.inputNames(), d.targetNames(), d.inputs(), d.targets());
  }

  /** The image is not one flat colour: many colours, and no single colour covers nearly everything. */
  static void assertNotBlank(BufferedImage image, String what) {
    Set<Integer> colours = new HashSet<>();
    java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        counts.merge(rgb, 1, Integer::sum);
      }
    }
    int samples = ((image.getHeight() + 1) / 2) * ((image.getWidth() + 1) / 2);
    int top = counts.values().stream().max(Integer::compare).orElse(0);
    assertTrue(colours.size() > 20, what + ": only " + colours.size() + " colours");
    assertTrue(top < 0.97 * samples, what + ": one colour covers " + top + " of " + samples + " samples");
  }

  /** Pixels within a small distance of a colour. */
  static long pixelsNear(BufferedImage image, Color c) {
    long n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        if (Math.abs((rgb >> 16 & 0xFF) - c.getRed()) <= 12 && Math.abs((rgb >> 8 & 0xFF) - c.getGreen()) <= 12
            && Math.abs((rgb & 0xFF) - c.getBlue()) <= 12) {
          n++;
        }
      }
    }
    return n;
  }
}
