package nnsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import nnsweep.errors.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The job's own command line. */
class OptionsTest {

  @Test
  void defaults() {
    Options o = Options.parse();
    assertEquals("conf/tutorial.conf", o.config());
    assertEquals(Optional.empty(), o.out());
    assertEquals(List.of(), o.sets());
    assertFalse(o.overwrite());
    assertFalse(o.resume());
    assertFalse(o.verbose());
    assertFalse(o.help());
  }

  @Test
  void everyOption() {
    Options o = Options.parse("--config", "conf/seed-or.conf", "--out", "out/x", "--set", "epochs=[5]",
        "--overwrite", "--verbose");
    assertEquals("conf/seed-or.conf", o.config());
    assertEquals(Optional.of("out/x"), o.out());
    assertEquals(List.of("epochs=[5]"), o.sets());
    assertTrue(o.overwrite());
    assertFalse(o.resume());
    assertTrue(o.verbose());
    assertFalse(o.help());
  }

  @Test
  void resume() {
    Options o = Options.parse("--config", "conf/seed-or.conf", "--out", "out/x", "--resume");
    assertTrue(o.resume());
    assertFalse(o.overwrite());
    assertEquals(Optional.of("out/x"), o.out());
  }

  @Test
  void overwriteAndResumeExcludeEachOther() {
    String m = error("--resume", "--out", "o", "--overwrite");
    assertTrue(m.contains("--overwrite") && m.contains("--resume"), m);
    assertTrue(m.contains("expected "), m);
  }

  @Test
  void optionsInAnyOrderAndWithEqualsSign() {
    Options o = Options.parse("--verbose", "--set=seeds=[1, 2]", "--out=results", "--overwrite", "--config=a.conf");
    assertEquals("a.conf", o.config());
    assertEquals(Optional.of("results"), o.out());
    assertEquals(List.of("seeds=[1, 2]"), o.sets());
    assertTrue(o.overwrite());
    assertTrue(o.verbose());
  }

  @Test
  void flagsAloneLeaveTheOtherDefaults() {
    Options o = Options.parse("--overwrite");
    assertTrue(o.overwrite());
    assertFalse(o.verbose());
    assertEquals("conf/tutorial.conf", o.config());
    assertEquals(Optional.empty(), o.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h"})
  void help(String flag) {
    assertTrue(Options.parse(flag).help());
  }

  @Test
  void usageListsEveryOption() {
    String usage = Options.usage();
    for (String option : List.of("--config=FILE", "--out=DIR", "--set=KEY=VALUE", "--overwrite", "--resume",
        "--verbose", "--help")) {
      assertTrue(usage.contains(option), () -> option + " missing from:\n" + usage);
    }
    assertTrue(usage.contains("conf/tutorial.conf"), usage);
  }

  @Test
  void setIsRepeatableAndKeepsItsOrder() {
    Options o = Options.parse("--set", "epochs=[1]", "--config", "c.conf", "--set", "study.epochs=[2]",
        "--set", "name = \"a b\"", "--set", "seeds={ from = 0, count = 100 }");
    assertEquals(List.of("epochs=[1]", "study.epochs=[2]", "name = \"a b\"", "seeds={ from = 0, count = 100 }"),
        o.sets());
  }

  @Test
  void setsAreImmutable() {
    Options o = Options.parse("--set", "a=1");
    assertThrows(UnsupportedOperationException.class, () -> o.sets().add("b=2"));
  }

  @Test
  void unknownOptionSuggestsTheNearest() {
    String m = error("--overwrit");
    assertTrue(m.startsWith("command line: unknown option or argument '--overwrit', expected one of --config, "), m);
    for (String option : List.of("--out", "--set", "--overwrite", "--resume", "--verbose", "--help")) {
      assertTrue(m.contains(" " + option + ",") || m.contains(" " + option + ";"),
          () -> option + " not listed in: " + m);
    }
    assertTrue(m.contains("did you mean '--overwrite'?"), m);
  }

  @Test
  void misspeltConfigSuggestsConfig() {
    String m = error("--confg", "x.conf");
    assertTrue(m.startsWith("command line: unknown option or argument '--confg'"), m);
    assertTrue(m.contains("did you mean '--config'?"), m);
  }

  @Test
  void sparkSubmitOptionIsUnknownHere() {
    String m = error("--config", "c.conf", "--master", "local[2]");
    assertTrue(m.startsWith("command line: unknown option or argument '--master'"), m);
    assertTrue(m.contains("spark-submit options go before them"), m);
  }

  @Test
  void shortUnknownOption() {
    assertTrue(error("-x").startsWith("command line: unknown option or argument '-x'"));
  }

  @Test
  void missingValueAtTheEnd() {
    String m = error("--config");
    assertTrue(m.contains("'--config'"), m);
    assertTrue(m.contains("Missing required parameter"), m);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--out", "--set"})
  void otherMissingValuesAtTheEnd(String option) {
    String m = error("--config", "c.conf", option);
    assertTrue(m.contains("'" + option + "'"), m);
  }

  @Test
  void optionWhereValueShouldBe() {
    String m = error("--out", "--overwrite");
    assertTrue(m.contains("'--out'"), m);
    assertTrue(m.contains("'--overwrite'"), m);
  }

  @Test
  void strayPositionalArgument() {
    String m = error("--config", "conf/tutorial.conf", "conf/seed-or.conf");
    assertTrue(m.startsWith("command line: unknown option or argument 'conf/seed-or.conf', expected one of"), m);
  }

  @Test
  void strayPositionalArgumentFirst() {
    assertTrue(error("conf/seed-or.conf").startsWith(
        "command line: unknown option or argument 'conf/seed-or.conf'"));
  }

  @Test
  void configGivenTwice() {
    String m = error("--config", "a.conf", "--config", "b.conf");
    assertTrue(m.contains("'--config'"), m);
  }

  /** The error for these arguments: one line starting "command line: ". */
  private static String error(String... args) {
    InputException e = assertThrows(InputException.class, () -> Options.parse(args));
    String m = e.getMessage();
    assertTrue(m.startsWith("command line: "), m);
    assertFalse(m.contains("\n") || m.contains("\r"), () -> "not one line: " + m);
    return m;
  }
}
