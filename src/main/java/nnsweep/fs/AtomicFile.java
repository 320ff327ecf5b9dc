package nnsweep.fs;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A local file written whole or not at all: written under a temporary name in the same folder ({@code .name.tmp}),
 * forced to disk, then renamed over the file (atomically where the filesystem can). Closed without a {@link #commit},
 * the temporary file is deleted and the file is untouched. Every local file the job writes goes through here
 * ({@link Storage#write} for local paths, the reports).
 */
public final class AtomicFile implements AutoCloseable {
  private final Path file;
  private final Path tmp;
  private final FileChannel channel;
  private final BufferedOutputStream buffered;
  private final OutputStream out;
  private boolean done;

  private AtomicFile(Path file) throws IOException {
    this.file = file;
    this.tmp = file.toAbsolutePath().getParent().resolve("." + file.getFileName() + ".tmp");
    this.channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING);
    this.buffered = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
    // a writer wrapped around it may be closed (try-with-resources): that flushes, the file stays open to commit
    this.out = new FilterOutputStream(buffered) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        buffered.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        buffered.flush();
      }
    };
  }

  /** Starts writing {@code file} (its folder must exist). */
  public static AtomicFile open(Path file) throws IOException {
    return new AtomicFile(file);
  }

  /** Writes {@code file} whole through {@code body}, or leaves it as it was. */
  public static void write(Path file, Storage.Body body) throws IOException {
    try (AtomicFile f = open(file)) {
      body.writeTo(f.out());
      f.commit();
    }
  }

  /** Where the content goes (buffered; {@link #commit} flushes it; closing it only flushes). */
  public OutputStream out() {
    return out;
  }

  /** Flushes, forces the content to disk and renames the file into place. */
  public void commit() throws IOException {
    buffered.flush();
    channel.force(true);
    channel.close();
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
    done = true;
  }

  /** Without a commit (or after a failed one): deletes the temporary file. */
  @Override
  public void close() throws IOException {
    if (done) {
      return;
    }
    done = true;
    try {
      channel.close();
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
