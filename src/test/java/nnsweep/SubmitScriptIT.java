package nnsweep;

import static nnsweep.testing.Headers.assertHeader;
import static nnsweep.testing.Submits.IT;
import static nnsweep.testing.Submits.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nnsweep.testing.Csv;
import nnsweep.testing.Headers;
import nnsweep.testing.Submits.Result;
import org.junit.jupiter.api.Test;

/** {@code ./submit.sh} itself, as a user runs it (after {@code package} built target/nnsweep.jar). */
class SubmitScriptIT {
  @Test
  void seedOrReproducesTheTutorialsListedCode() throws Exception {
    Path out = IT.resolve("seed-or");
    Result r = submit("--config", "conf/seed-or.conf", "--out", out.toString(), "--overwrite");

    assertEquals(0, r.status(), r.err());
    Csv.Table results = Csv.read(out.resolve("results.csv"));
    assertHeader(Headers.RESULTS, out.resolve("results.csv"));
    assertEquals(1, results.rows().size());
    double finalError = Double.parseDouble(results.rows().get(0).get("final_error"));
    // the numpy oracle's value for the tutorial's listed code (cases.json, tutorial-or-3-hidden)
    assertEquals(2.6501444958439396e-4, finalError, 1e-9 * 2.65e-4);
    assertTrue(r.out().contains("final error:                  0.0002650144496"), r.out());
    assertTrue(r.out().contains("[1, 1] -> [0.9946291735]"), r.out());
    assertTrue(r.out().contains("nnsweep: 1/1 networks (100%), "), "progress line: " + r.out());
    assertTrue(r.out().contains("networks/s, ETA "), "progress line: " + r.out());
    assertFalse(r.err().contains(" INFO "), "Spark INFO logging is off by default:\n" + r.err());
  }

  @Test
  void sparkOptionsGoToSparkSubmitAndSetOverridesTheStudy() throws Exception {
    Path out = IT.resolve("local1");
    Result r = submit("--master", "local[1]", "--conf", "spark.ui.enabled=false", "--config",
        "conf/tutorial.conf", "--out", out.toString(), "--overwrite", "--set", "seeds=[5]", "--set",
        "epochs=[500]", "--set", "datasets=[{name=xor, path=data/xor.csv, outputs=1}]", "--set", "partitions=3");

    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("on local[1]"), r.out());
    assertTrue(r.out().contains("10 networks in 3 partitions"), r.out());
    Csv.Table results = Csv.read(out.resolve("results.csv"));
    assertEquals(10, results.rows().size());
    assertTrue(results.rows().stream().allMatch(row -> row.get("seed").equals("5")
        && row.get("epochs").equals("500") && row.get("dataset").equals("xor")));
  }

  @Test
  void badInputExitsTwoWithOneLineAndWritesNothing() throws Exception {
    Path out = IT.resolve("never-written");
    List<String[]> bad = List.of(
        new String[] {"--config", "conf/no-such.conf", "--out", out.toString()},
        new String[] {"--config", "conf/tutorial.conf", "--out", out.toString(), "--set", "epochs=[0]"},
        new String[] {"--frobnicate"},
        new String[] {"--config", "conf/tutorial.conf", "--out", out.toString(), "--master"});
    for (String[] args : bad) {
      Result r = submit(args);
      assertEquals(2, r.status(), String.join(" ", args) + "\n" + r.err());
      List<String> lines = r.err().lines().filter(l -> l.startsWith("nnsweep: error: ")).toList();
      assertEquals(1, lines.size(), r.err());
      assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
      assertFalse(Files.exists(out), "nothing written for " + String.join(" ", args));
    }
  }

  /** Every line the user sees, stdout and stderr together. */
  private static List<String> lines(Result r) {
    List<String> all = new ArrayList<>(r.out().lines().toList());
    all.addAll(r.err().lines().toList());
    return all;
  }

  @Test
  void aMistypedOrUnreachableMasterFailsFastWithOneLineAndNoOutputFolder() throws Exception {
    Path out = IT.resolve("never-written-master");
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    Result typo = submit("--master", "lcoal[2]", "--config", "conf/tutorial.conf", "--out", out.toString());
    assertEquals(2, typo.status(), typo.err());
    assertEquals(List.of("nnsweep: error: --master 'lcoal[2]': not a Spark master URL, expected local, local[N],"
        + " local[*], local[N,F], local-cluster[N,C,M], spark://HOST:PORT[,HOST:PORT...], yarn or"
        + " k8s://[https://]HOST:PORT; did you mean 'local[2]'?"), lines(typo));

    Result unreachable = submit("--master", "spark://127.0.0.1:" + closed, "--config", "conf/tutorial.conf",
        "--out", out.toString());
    assertEquals(1, unreachable.status(), unreachable.err());
    assertEquals(List.of("nnsweep: failed: --master spark://127.0.0.1:" + closed + ": cannot reach the Spark master"
        + " (connection refused at 127.0.0.1:" + closed + "), expected a running standalone master there (start one,"
        + " or fix the address)"), lines(unreachable));
    assertFalse(Files.exists(out), "nothing written");

    // the same through spark.master, which only the driver sees: still one line (and the JVM's own warning)
    Result conf = submit("--conf", "spark.master=local[x]", "--config", "conf/tutorial.conf", "--out",
        out.toString());
    assertEquals(2, conf.status(), conf.err());
    List<String> ours = lines(conf).stream().filter(l -> l.startsWith("nnsweep: ")).toList();
    assertEquals(List.of("nnsweep: error: --master 'local[x]': not a Spark master URL, expected local, local[N],"
        + " local[*], local[N,F], local-cluster[N,C,M], spark://HOST:PORT[,HOST:PORT...], yarn or"
        + " k8s://[https://]HOST:PORT"), ours);
    assertTrue(lines(conf).size() <= 3, () -> String.join("\n", lines(conf)));
    assertFalse(conf.err().contains("Exception"), conf.err());
    assertFalse(Files.exists(out), "nothing written");
  }

  @Test
  void anUnquotedSetValueReachesTheJobWholeAndIsToldToBeQuoted() throws Exception {
    // a lone '=' is no spark-submit option: submit.sh passes every piece on, and the job names them all
    Result r = submit("--config", "conf/seed-or.conf", "--out", IT.resolve("never-written-set").toString(), "--set",
        "seeds={", "from", "=", "0,", "count", "=", "2", "}");
    assertEquals(2, r.status(), r.err());
    assertTrue(r.err().lines().anyMatch(l -> l.equals("nnsweep: error: command line: --set seeds={: the value is cut"
        + " short, found 'from' '=' '0,' 'count' '=' '2' '}' after it as separate arguments (the shell split the"
        + " value at its spaces), expected one argument: quote it, --set 'seeds={ from = 0, count = 2 }'")), r.err());
    assertFalse(Files.exists(IT.resolve("never-written-set")));
  }

  @Test
  void versionAndHelpAnswerWithoutSpark() throws Exception {
    Result version = submit("--version");
    assertEquals(0, version.status(), version.err());
    assertTrue(version.out().matches("nnsweep \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"), version.out());
    assertEquals("", version.err());
    Result help = submit("--help");
    assertEquals(0, help.status(), help.err());
    assertTrue(help.out().startsWith("Usage: ./submit.sh "), help.out());
    for (String option : List.of("--spark-logs", "--master URL", "--deploy-mode MODE", "--conf KEY=VALUE",
        "--driver-memory MEM", "--executor-memory MEM")) {
      assertTrue(help.out().contains(option), () -> option + " missing from:\n" + help.out());
    }
  }
}
