package nnsweep.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import nnsweep.errors.InputException;
import nnsweep.errors.ServiceException;

/**
 * The Spark master URL, checked before a run writes anything: its syntax (the forms Spark 4 accepts) and, for a
 * standalone master ({@code spark://}), that something listens at its address. Spark itself finds a mistyped master
 * only when its context starts, with a stack trace, and an unreachable standalone master only after about a minute
 * of retries. {@code submit.sh} runs {@link #main} before spark-submit; the driver runs {@link #check} too, so plain
 * spark-submit and cluster deploy mode are covered.
 */
public final class MasterCheck {
  /** How long a TCP connect to a standalone master may take before it counts as unreachable. */
  public static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  static final String EXPECTED = "expected local, local[N], local[*], local[N,F], local-cluster[N,C,M],"
      + " spark://HOST:PORT[,HOST:PORT...], yarn or k8s://[https://]HOST:PORT";
  private static final Pattern LOCAL = Pattern.compile("local(\\[\\s*(\\*|[1-9][0-9]*)\\s*(,\\s*[1-9][0-9]*\\s*)?])?");
  private static final Pattern LOCAL_CLUSTER =
      Pattern.compile("local-cluster\\[\\s*[1-9][0-9]*\\s*,\\s*[1-9][0-9]*\\s*,\\s*[1-9][0-9]*\\s*]");
  private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:.]+]|[A-Za-z0-9._-]+):([0-9]{1,5})");
  private static final Pattern K8S = Pattern.compile("k8s://(https?://)?[A-Za-z0-9._\\[\\]:-]+(:[0-9]{1,5})?(/.*)?");

  private MasterCheck() {}

  /**
   * Checks {@code master} as spark-submit's {@code --master} (or {@code spark.master}) would get it.
   *
   * @throws InputException when it is no Spark master URL (exit 2)
   * @throws ServiceException when it is a standalone master that nothing answers at (exit 1)
   */
  public static void check(String master) {
    List<InetSocketAddress> standalone = parse(master);
    if (!standalone.isEmpty()) {
      reach(master, standalone, CONNECT_TIMEOUT_MILLIS);
    }
  }

  /**
   * The syntax check alone; returns the addresses of a standalone master ({@code spark://}), none for the others.
   *
   * @throws InputException when {@code master} is no Spark master URL
   */
  static List<InetSocketAddress> parse(String master) {
    String m = master.trim();
    if (LOCAL.matcher(m).matches() || LOCAL_CLUSTER.matcher(m).matches() || m.equals("yarn")
        || K8S.matcher(m).matches()) {
      return List.of();
    }
    if (m.startsWith("spark://")) {
      List<InetSocketAddress> addresses = new ArrayList<>();
      for (String hostPort : m.substring("spark://".length()).split(",", -1)) {
        var hp = HOST_PORT.matcher(hostPort);
        int port = hp.matches() ? Integer.parseInt(hp.group(2)) : -1;
        if (port < 1 || port > 65535) {
          throw bad(master, "'" + hostPort + "' is not HOST:PORT");
        }
        String host = hp.group(1).startsWith("[") ? hp.group(1).substring(1, hp.group(1).length() - 1)
            : hp.group(1);
        addresses.add(InetSocketAddress.createUnresolved(host, port));
      }
      return addresses;
    }
    if (m.startsWith("mesos://")) {
      throw new InputException("--master " + quote(master) + ": Mesos is not supported by Spark 4 (removed in"
          + " Spark 4.0), " + EXPECTED);
    }
    String hint = hint(m);
    throw bad(master, "not a Spark master URL" + (hint.isEmpty() ? "" : "; did you mean '" + hint + "'?"));
  }

  private static InputException bad(String master, String what) {
    int semicolon = what.indexOf("; did you mean");
    String head = semicolon < 0 ? what : what.substring(0, semicolon);
    String tail = semicolon < 0 ? "" : what.substring(semicolon);
    return new InputException("--master " + quote(master) + ": " + head + ", " + EXPECTED + tail);
  }

  /** A master one or two typed letters away from a valid scheme, with the rest kept: {@code lcoal[2]} -> local[2]. */
  private static String hint(String m) {
    int cut = m.indexOf('[');
    int colon = m.indexOf("://");
    if (colon >= 0 && (cut < 0 || colon < cut)) {
      cut = colon;
    }
    String word = (cut < 0 ? m : m.substring(0, cut)).toLowerCase(Locale.ROOT);
    String rest = cut < 0 ? "" : m.substring(cut);
    for (String scheme : List.of("local", "local-cluster", "spark", "yarn", "k8s")) {
      if (!word.equals(scheme) && distance(word, scheme) <= 2) {
        String guess = scheme + rest;
        try {
          parse(guess);
          return guess;
        } catch (InputException e) {
          // the rest is wrong too: no hint
        }
      }
    }
    return "";
  }

  /** Levenshtein distance with transpositions counted as one edit (optimal string alignment). */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /**
   * Opens (and closes) a TCP connection to each address in turn until one answers within {@code timeoutMillis}.
   *
   * @throws ServiceException naming the master and why the last address did not answer
   */
  static void reach(String master, List<InetSocketAddress> addresses, int timeoutMillis) {
    String why = "";
    for (InetSocketAddress unresolved : addresses) {
      String at = unresolved.getHostString() + ":" + unresolved.getPort();
      InetSocketAddress address = new InetSocketAddress(unresolved.getHostString(), unresolved.getPort());
      if (address.isUnresolved()) {
        why = "unknown host " + unresolved.getHostString();
        continue;
      }
      try (Socket socket = new Socket()) {
        socket.connect(address, timeoutMillis);
        return;
      } catch (SocketTimeoutException e) {
        why = "no answer from " + at + " within " + timeoutMillis / 1000 + " s";
      } catch (UnknownHostException e) {
        why = "unknown host " + unresolved.getHostString();
      } catch (IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        why = (message.contains("refused") ? "connection refused" : message) + " at " + at;
      }
    }
    throw new ServiceException("--master " + master + ": cannot reach the Spark master (" + why + "), expected a"
        + " running standalone master there (start one, or fix the address)");
  }

  private static String quote(String s) {
    return "'" + s + "'";
  }

  /**
   * For {@code submit.sh}: checks {@code args[0]}; prints one line and exits 2 (not a master URL) or 1 (unreachable)
   * when it fails, nothing when it passes.
   */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: MasterCheck MASTER");
      System.exit(2);
    }
    try {
      check(args[0]);
    } catch (InputException e) {
      System.err.println("nnsweep: error: " + e.getMessage());
      System.exit(2);
    } catch (ServiceException e) {
      System.err.println("nnsweep: failed: " + e.getMessage());
      System.exit(1);
    }
  }
}
