package nnsweep.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;

/**
 * An HDFS (MiniDFSCluster: a NameNode and a DataNode) and a YARN cluster (MiniYARNCluster: one ResourceManager and
 * {@code nodemanagers} NodeManagers) in this JVM, on loopback, from Hadoop's own test classes in
 * {@code hadoop-client-minicluster} (no download). {@code bench/yarn.sh} runs it in a JVM of its own:
 * {@code java ... nnsweep.bench.YarnCluster STATE_DIR [NODEMANAGERS]}.
 *
 * <p>Once every NodeManager has registered it writes the client configuration ({@code core-site.xml},
 * {@code hdfs-site.xml}, {@code yarn-site.xml}) to {@code STATE_DIR/conf} and then {@code STATE_DIR/ready}; it runs
 * until it gets SIGTERM, when it stops YARN (the NodeManagers kill their containers) and HDFS. MiniYARNCluster keeps
 * the NodeManagers' folders (containers' working folders and local logs) under {@code target/nnsweep-yarn} of the
 * working folder: {@code yarn.sh} starts it in {@code STATE_DIR}, so containers are recognised by their folder.
 */
public final class YarnCluster {
  /** NodeManager resources: room for an application master and two executors of 1 GiB heap (+384 MiB overhead). */
  private static final int NODE_MEMORY_MB = 4096;
  private static final int NODE_VCORES = 4;

  private YarnCluster() {}

  public static void main(String[] args) {
    try {
      run(args);
    } catch (Exception | Error e) {
      e.printStackTrace();
      System.err.println("YarnCluster: failed to start: " + e);
      System.exit(1); // the shutdown hook stops whatever did start
    }
  }

  private static void run(String[] args) throws Exception {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: YarnCluster STATE_DIR [NODEMANAGERS]");
      System.exit(2);
    }
    Path state = Path.of(args[0]).toAbsolutePath();
    int nodeManagers = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    Files.createDirectories(state.resolve("conf"));
    Files.deleteIfExists(state.resolve("ready"));

    // HDFS: one NameNode, one DataNode, ephemeral ports on 127.0.0.1.
    Configuration hdfsConf = new Configuration();
    hdfsConf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, state.resolve("hdfs").toString());
    MiniDFSCluster hdfs = new MiniDFSCluster.Builder(hdfsConf).numDataNodes(1).build();
    hdfs.waitActive();
    String defaultFs = "hdfs://127.0.0.1:" + hdfs.getNameNodePort();
    String nameNodeHttp = "127.0.0.1:" + hdfs.getNameNode().getHttpAddress().getPort();
    FileSystem fs = hdfs.getFileSystem();
    // where applications stage their files and the NodeManagers aggregate container logs: writable by every user
    for (String dir : new String[] {"/tmp", "/tmp/logs", "/user"}) {
      fs.mkdirs(new org.apache.hadoop.fs.Path(dir));
      fs.setPermission(new org.apache.hadoop.fs.Path(dir), new FsPermission((short) 01777));
    }

    // YARN: ephemeral ports on "localhost" (MiniYARNCluster.getHostname), so two NodeManagers fit on one host.
    YarnConfiguration yarnConf = new YarnConfiguration();
    yarnConf.set("fs.defaultFS", defaultFs);
    yarnConf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 128);
    yarnConf.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_MB, NODE_MEMORY_MB);
    yarnConf.setInt(YarnConfiguration.NM_PMEM_MB, NODE_MEMORY_MB);
    yarnConf.setInt(YarnConfiguration.NM_VCORES, NODE_VCORES);
    // a JVM's virtual memory is far above its heap, and this machine's memory is shared: no memory policing
    yarnConf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
    yarnConf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
    // a nearly full build disk must not mark the NodeManagers unhealthy
    yarnConf.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 100.0f);
    yarnConf.setInt(YarnConfiguration.RM_AM_MAX_ATTEMPTS, 2); // YARN's default: spark.yarn.maxAppAttempts <= 2
    // the CapacityScheduler's queues (a Hadoop install has them in capacity-scheduler.xml): one queue, all of the
    // cluster, and room for two applications' masters at once
    yarnConf.set("yarn.scheduler.capacity.root.queues", "default");
    yarnConf.set("yarn.scheduler.capacity.root.default.capacity", "100");
    yarnConf.set("yarn.scheduler.capacity.root.default.maximum-capacity", "100");
    yarnConf.set("yarn.scheduler.capacity.maximum-am-resource-percent", "0.5");
    yarnConf.setBoolean(YarnConfiguration.LOG_AGGREGATION_ENABLED, true);
    yarnConf.set(YarnConfiguration.NM_REMOTE_APP_LOG_DIR, "/tmp/logs");
    yarnConf.setBoolean(YarnConfiguration.YARN_MINICLUSTER_FIXED_PORTS, false);
    // containers get JAVA_HOME from the NodeManager's environment (yarn.sh sets it)
    yarnConf.set(YarnConfiguration.NM_ENV_WHITELIST, "JAVA_HOME,PATH,LANG,TZ");

    // NodeManager folders (containers' working folders and logs): target/nnsweep-yarn under the working folder
    MiniYARNCluster yarn = new MiniYARNCluster("nnsweep-yarn", 1, nodeManagers, 1, 1);
    // SIGTERM (yarn.sh stop) stops YARN (its NodeManagers end their containers) and HDFS on the main thread, while
    // the JVM still runs normally (Hadoop's services remove their own shutdown hooks as they stop); the shutdown hook
    // covers the other ways out (an interrupt, a start-up failure)
    CountDownLatch terminate = new CountDownLatch(1);
    sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> terminate.countDown());
    AtomicBoolean stopped = new AtomicBoolean();
    Runnable stop = () -> {
      if (stopped.compareAndSet(false, true)) {
        System.err.println("YarnCluster: stopping YARN and HDFS");
        try {
          yarn.stop();
        } finally {
          hdfs.shutdown();
        }
      }
    };
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        stop.run();
      } catch (RuntimeException e) {
        System.err.println("YarnCluster: " + e);
      }
    }, "yarn-cluster-stop"));
    yarn.init(yarnConf);
    yarn.start();
    if (!yarn.waitForNodeManagersToConnect(120_000)) {
      throw new IllegalStateException("only some of " + nodeManagers + " NodeManagers registered in 120 s");
    }

    Configuration rm = yarn.getResourceManager().getConfig();
    Map<String, String> yarnSite = new TreeMap<>();
    for (String key : new String[] {YarnConfiguration.RM_ADDRESS, YarnConfiguration.RM_SCHEDULER_ADDRESS,
        YarnConfiguration.RM_RESOURCE_TRACKER_ADDRESS, YarnConfiguration.RM_ADMIN_ADDRESS,
        YarnConfiguration.RM_WEBAPP_ADDRESS}) {
      yarnSite.put(key, loopback(rm.get(key)));
    }
    yarnSite.put(YarnConfiguration.LOG_AGGREGATION_ENABLED, "true");
    yarnSite.put(YarnConfiguration.NM_REMOTE_APP_LOG_DIR, "/tmp/logs");
    write(state.resolve("conf/core-site.xml"), Map.of("fs.defaultFS", defaultFs));
    // one DataNode: files written with one replica (not the default three, left under-replicated)
    write(state.resolve("conf/hdfs-site.xml"), Map.of("dfs.namenode.http-address", nameNodeHttp,
        "dfs.replication", "1"));
    write(state.resolve("conf/yarn-site.xml"), yarnSite);
    Files.writeString(state.resolve("ready"), String.format(
        "fs.defaultFS %s%nnamenode http://%s%nresourcemanager %s%nresourcemanager web http://%s%nnodemanagers %d%n",
        defaultFs, nameNodeHttp, yarnSite.get(YarnConfiguration.RM_ADDRESS),
        yarnSite.get(YarnConfiguration.RM_WEBAPP_ADDRESS), nodeManagers));
    System.err.println("YarnCluster: ready; " + Files.readString(state.resolve("ready")).replace('\n', ';'));
    terminate.await();
    stop.run();
    System.err.println("YarnCluster: stopped");
    System.exit(0);
  }

  /** "localhost:1234" (what the ResourceManager bound) as "127.0.0.1:1234". */
  private static String loopback(String address) {
    int colon = address.lastIndexOf(':');
    return "127.0.0.1" + address.substring(colon);
  }

  private static void write(Path file, Map<String, String> properties) throws IOException {
    Configuration conf = new Configuration(false);
    properties.forEach(conf::set);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      conf.writeXml(out);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
