package nnsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import nnsweep.errors.InputException;
import nnsweep.errors.ServiceException;
import org.junit.jupiter.api.Test;

/** The master URL's syntax (the forms Spark 4 accepts) and a standalone master's reachability. */
class MasterCheckTest {
  @Test
  void everyFormSparkAcceptsPasses() {
    for (String master : List.of("local", "local[1]", "local[16]", "local[*]", "local[2,3]", "local[*, 4]",
        "local-cluster[2,1,1024]", "yarn", "k8s://https://api.example:6443", "k8s://api:443")) {
      assertEquals(List.of(), MasterCheck.parse(master), master);
    }
    assertEquals(List.of(InetSocketAddress.createUnresolved("host-a", 7077),
        InetSocketAddress.createUnresolved("10.0.0.2", 7078)), MasterCheck.parse("spark://host-a:7077,10.0.0.2:7078"));
  }

  @Test
  void aMistypedMasterIsBadInputWithAHint() {
    assertEquals("--master 'lcoal[2]': not a Spark master URL, " + MasterCheck.EXPECTED + "; did you mean"
        + " 'local[2]'?", assertThrows(InputException.class, () -> MasterCheck.parse("lcoal[2]")).getMessage());
    assertEquals("--master 'sprak://h:7077': not a Spark master URL, " + MasterCheck.EXPECTED + "; did you mean"
        + " 'spark://h:7077'?", assertThrows(InputException.class, () -> MasterCheck.check("sprak://h:7077"))
        .getMessage());
    for (String master : List.of("local[x]", "local[0]", "local[2", "", "yarn-client", "local[2,x]")) {
      assertEquals("--master '" + master + "': not a Spark master URL, " + MasterCheck.EXPECTED,
          assertThrows(InputException.class, () -> MasterCheck.parse(master)).getMessage(), master);
    }
    assertEquals("--master 'spark://host': 'host' is not HOST:PORT, " + MasterCheck.EXPECTED,
        assertThrows(InputException.class, () -> MasterCheck.parse("spark://host")).getMessage());
    assertEquals("--master 'spark://h:99999': 'h:99999' is not HOST:PORT, " + MasterCheck.EXPECTED,
        assertThrows(InputException.class, () -> MasterCheck.parse("spark://h:99999")).getMessage());
    assertEquals("--master 'mesos://m:5050': Mesos is not supported by Spark 4 (removed in Spark 4.0), "
        + MasterCheck.EXPECTED, assertThrows(InputException.class, () -> MasterCheck.parse("mesos://m:5050"))
        .getMessage());
  }

  @Test
  void anUnreachableStandaloneMasterIsAServiceFailure() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    String master = "spark://127.0.0.1:" + closed;
    assertEquals("--master " + master + ": cannot reach the Spark master (connection refused at 127.0.0.1:" + closed
        + "), expected a running standalone master there (start one, or fix the address)",
        assertThrows(ServiceException.class, () -> MasterCheck.check(master)).getMessage());
    assertEquals("--master spark://no-such-host.invalid:7077: cannot reach the Spark master (unknown host"
        + " no-such-host.invalid), expected a running standalone master there (start one, or fix the address)",
        assertThrows(ServiceException.class, () -> MasterCheck.check("spark://no-such-host.invalid:7077"))
        .getMessage());
  }

  @Test
  void aListeningMasterPassesAndOneAnsweringAddressOfSeveralIsEnough() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    try (ServerSocket open = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      MasterCheck.check("spark://127.0.0.1:" + open.getLocalPort());
      MasterCheck.check("spark://127.0.0.1:" + closed + ",127.0.0.1:" + open.getLocalPort());
    }
  }
}
