package nnsweep.fs;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.util.Progressable;

/**
 * The local disk as scheme {@code busy:}, playing a second HDFS client creating the same file at the same moment:
 * with {@link #beingCreated}, a create-new fails as HDFS fails it (a {@code RemoteException} naming
 * {@code AlreadyBeingCreatedException}); with {@link #finishAfter}, the file reads as it is on disk (blank: the
 * other client has not written yet) for that many reads, then holds {@link #finished}. Set by the tests, cleared by
 * {@link #reset}.
 */
public class BusyFileSystem extends RawLocalFileSystem {
  public static volatile boolean beingCreated;
  public static final AtomicInteger finishAfter = new AtomicInteger(-1);
  public static volatile String finished;

  /** Storage whose {@code busy:} locations go to this filesystem. */
  public static Storage storage() {
    return Storage.of(() -> {
      Configuration conf = new Configuration(false);
      conf.set("fs.busy.impl", BusyFileSystem.class.getName());
      conf.setBoolean("fs.busy.impl.disable.cache", true);
      return conf;
    }, "");
  }

  public static void reset() {
    beingCreated = false;
    finishAfter.set(-1);
    finished = null;
  }

  @Override
  public URI getUri() {
    return URI.create("busy:///");
  }

  @Override
  public FSDataOutputStream create(Path f, boolean overwrite, int bufferSize, short replication, long blockSize,
      Progressable progress) throws IOException {
    if (!overwrite && beingCreated) {
      throw new RemoteException("org.apache.hadoop.hdfs.protocol.AlreadyBeingCreatedException",
          "Failed to CREATE_FILE " + f + " for DFSClient_1 because current leaseholder is trying to recreate file.");
    }
    return super.create(f, overwrite, bufferSize, replication, blockSize, progress);
  }

  @Override
  public FSDataInputStream open(Path f, int bufferSize) throws IOException {
    if (finished != null && finishAfter.getAndDecrement() == 0) {
      Files.writeString(pathToFile(f).toPath(), finished, StandardCharsets.UTF_8);
    }
    return super.open(f, bufferSize);
  }
}
