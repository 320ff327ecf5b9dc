package nnsweep.fs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Files on any filesystem Hadoop has a connector for ({@code file:}, {@code hdfs:}, {@code s3a:}, {@code abfs:},
 * {@code gs:}, ...), through Hadoop's {@link FileSystem} API: where a location typed by the user points, and the few
 * operations the job needs (read a whole file, list a folder, create and delete folders, write a file whole).
 *
 * <p>A location with a scheme is used as it is. A plain path is a local file, relative to the current directory, or,
 * when a base folder is set (cluster deploy mode: the driver's current directory is not the user's), relative to it.
 * Local files ({@code file:} and plain paths) are handled with {@code java.nio} (a file is forced to disk, then
 * moved atomically into place; no Hadoop {@code .crc} side files); every other scheme through Hadoop, whose
 * configuration is only built when such a path is used.
 */
public final class Storage {
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:/.*");

  private final Supplier<Configuration> confSource;
  private final String base;
  private Configuration conf;

  private Storage(Supplier<Configuration> conf, String base) {
    this.confSource = conf;
    this.base = base == null ? "" : base.trim();
  }

  private synchronized Configuration conf() {
    if (conf == null) {
      conf = confSource.get();
    }
    return conf;
  }

  /**
   * Storage with Hadoop configuration {@code conf} (the one Spark builds from its {@code spark.hadoop.*} settings).
   *
   * @param base the folder plain relative paths resolve against, or empty for the current directory
   */
  public static Storage of(Supplier<Configuration> conf, String base) {
    return new Storage(conf, base);
  }

  /** Local files only, relative to the current directory (tests, and callers without Spark's configuration). */
  public static Storage local() {
    return new Storage(Configuration::new, "");
  }

  /** Where {@code location}, as the user typed it, points: always a fully qualified path with a scheme. */
  public Path resolve(String location) {
    if (SCHEME.matcher(location).matches()) {
      Path p = new Path(location);
      if (isLocal(p)) {
        return localFile(localPath(p));
      }
      try {
        return p.getFileSystem(conf()).makeQualified(p);
      } catch (org.apache.hadoop.fs.UnsupportedFileSystemException e) {
        throw new nnsweep.errors.InputException(location + ": no filesystem for scheme '" + p.toUri().getScheme()
            + "' in this Spark (its connector is not on the classpath), expected a plain path or a URI such as"
            + " file:///..., hdfs://namenode/... or one of a connector the cluster has", e);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(location + ": " + e.getMessage(), e);
      }
    }
    if (base.isEmpty() || location.startsWith("/")) {
      return localFile(java.nio.file.Path.of(location));
    }
    return resolve(base.endsWith("/") ? base + location : base + "/" + location);
  }

  /** What plain relative paths resolve against, for messages: the current directory or the base folder. */
  public String relativeTo() {
    return base.isEmpty() ? "the current directory, " + java.nio.file.Path.of("").toAbsolutePath()
        : "spark.nnsweep.baseDir, " + base;
  }

  /** Local file {@code p} as a {@code file:} path (without the trailing slash a folder's URI has). */
  private static Path localFile(java.nio.file.Path p) {
    return new Path("file", null, p.toAbsolutePath().normalize().toString());
  }

  /** Whether {@code p} is a file of this machine's filesystem ({@code file:}). */
  public static boolean isLocal(Path p) {
    return "file".equals(p.toUri().getScheme());
  }

  /** The local file {@code p} is, for a {@link #isLocal local} path. */
  public static java.nio.file.Path localPath(Path p) {
    return java.nio.file.Path.of(URI.create("file://" + p.toUri().getRawPath()));
  }

  /** {@code p} as messages show it: a local file as its path, any other as its URI. */
  public static String shown(Path p) {
    return isLocal(p) ? localPath(p).toString() : p.toString();
  }

  /**
   * {@code p} as messages show it, as the user typed the folder it is in: {@code shown} for {@code folder} (a path
   * under it keeps the rest of its name), else {@link #shown(Path)}.
   */
  public static String shown(Path p, Path folder, String shownFolder) {
    String f = folder.toString();
    String s = p.toString();
    if (s.equals(f)) {
      return shownFolder;
    }
    return s.startsWith(f + "/") ? shownFolder + s.substring(f.length()) : shown(p);
  }

  /** The Hadoop filesystem that holds {@code p}. */
  public FileSystem fs(Path p) throws IOException {
    return p.getFileSystem(conf());
  }

  /** Whether {@code p} exists. */
  public boolean exists(Path p) throws IOException {
    return isLocal(p) ? java.nio.file.Files.exists(localPath(p)) : fs(p).exists(p);
  }

  /** Whether {@code p} is a folder. */
  public boolean isDirectory(Path p) throws IOException {
    if (isLocal(p)) {
      return java.nio.file.Files.isDirectory(localPath(p));
    }
    FileStatus s = status(p);
    return s != null && s.isDirectory();
  }

  /** Whether {@code p} is a file. */
  public boolean isFile(Path p) throws IOException {
    if (isLocal(p)) {
      return java.nio.file.Files.isRegularFile(localPath(p));
    }
    FileStatus s = status(p);
    return s != null && s.isFile();
  }

  private FileStatus status(Path p) throws IOException {
    try {
      return fs(p).getFileStatus(p);
    } catch (FileNotFoundException e) {
      return null;
    }
  }

  /** The whole file. */
  public byte[] readAll(Path p) throws IOException {
    if (isLocal(p)) {
      return java.nio.file.Files.readAllBytes(localPath(p));
    }
    try (InputStream in = fs(p).open(p)) {
      return in.readAllBytes();
    }
  }

  /** The whole file as UTF-8 text. @throws CharacterCodingException when it is not UTF-8 */
  public String readUtf8(Path p) throws IOException {
    return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(readAll(p))).toString();
  }

  /** The entries of folder {@code dir}, sorted by name; empty when it does not exist. */
  public List<Path> list(Path dir) throws IOException {
    List<Path> children = new ArrayList<>();
    if (!isDirectory(dir)) {
      return children;
    }
    if (isLocal(dir)) {
      try (Stream<java.nio.file.Path> s = java.nio.file.Files.list(localPath(dir))) {
        // a folder's URI ends with a slash, and a Hadoop Path made from it has no name: build child paths by name
        s.forEach(f -> children.add(new Path(dir, new Path(null, null, f.getFileName().toString()))));
      }
      children.sort((a, b) -> a.getName().compareTo(b.getName()));
      return children;
    }
    for (FileStatus s : fs(dir).listStatus(dir)) {
      children.add(s.getPath());
    }
    children.sort((a, b) -> a.getName().compareTo(b.getName()));
    return children;
  }

  /** Creates folder {@code dir} and its parents. */
  public void mkdirs(Path dir) throws IOException {
    if (isLocal(dir)) {
      java.nio.file.Files.createDirectories(localPath(dir));
      return;
    }
    if (!fs(dir).mkdirs(dir)) {
      throw new IOException("cannot create folder " + dir);
    }
  }

  /** Deletes {@code p} and, for a folder, everything in it; nothing when it does not exist. */
  public void delete(Path p) throws IOException {
    if (isLocal(p)) {
      java.nio.file.Path local = localPath(p);
      if (!java.nio.file.Files.exists(local, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
      try (Stream<java.nio.file.Path> walk = java.nio.file.Files.walk(local)) {
        for (java.nio.file.Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          java.nio.file.Files.delete(q);
        }
      }
      return;
    }
    FileSystem fs = fs(p);
    if (fs.exists(p) && !fs.delete(p, true)) {
      throw new IOException("cannot delete " + p);
    }
  }

  /**
   * Writes {@code file} whole or not at all: written under a temporary name next to it, synced to the storage
   * ({@code hsync}), then renamed over {@code file}. The rename is atomic on local disks and HDFS; on object
   * stores it is a copy, and only the final object's appearance is atomic.
   */
  public void writeAtomically(Path file, byte[] content) throws IOException {
    write(file, os -> os.write(content));
  }

  /** Copies local file {@code from} to {@code file} whole or not at all, as {@link #writeAtomically}. */
  public void upload(java.nio.file.Path from, Path file) throws IOException {
    write(file, os -> {
      try (InputStream in = java.nio.file.Files.newInputStream(from)) {
        in.transferTo(os);
      }
    });
  }

  /** Writes through {@code body} into {@code file} whole or not at all, as {@link #writeAtomically}. */
  public void write(Path file, Body body) throws IOException {
    if (isLocal(file)) {
      AtomicFile.write(localPath(file), body);
      return;
    }
    Path tmp = tmp(file);
    FileSystem fs = fs(file);
    try (FSDataOutputStream os = fs.create(tmp, true)) {
      body.writeTo(os);
      os.hsync();
    } catch (IOException | RuntimeException e) {
      fs.delete(tmp, false);
      throw e;
    }
    rename(fs, tmp, file);
  }

  /**
   * Creates {@code file} with {@code content} unless it exists: false when it does, or when another client is
   * creating it at this moment (HDFS). The check and the creation are one step on local disks and HDFS
   * ({@code create(path, false)}); object stores check, then write.
   */
  public boolean createNew(Path file, byte[] content) throws IOException {
    if (isLocal(file)) {
      java.nio.file.Path local = localPath(file);
      try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(local,
          java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
          OutputStream os = java.nio.channels.Channels.newOutputStream(ch)) {
        os.write(content);
        os.flush();
        ch.force(true);
        return true;
      } catch (java.nio.file.FileAlreadyExistsException e) {
        return false;
      } catch (IOException e) {
        // e.g. disk full after the create: leave no file nobody wrote whole
        java.nio.file.Files.deleteIfExists(local);
        throw e;
      }
    }
    FileSystem fs = fs(file);
    FSDataOutputStream os;
    try {
      os = fs.create(file, false);
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      if (beingCreated(e)) {
        return false; // another client is writing it: it exists, its bytes are on their way
      }
      throw e;
    }
    try (os) {
      os.write(content);
      os.hsync();
      return true;
    } catch (IOException e) {
      fs.delete(file, false);
      throw e;
    }
  }

  /**
   * Whether {@code e}, or one of its causes, is HDFS's {@code AlreadyBeingCreatedException}: another client holds
   * the file's lease while it creates it. Matched by class name: it comes over RPC as a {@code RemoteException}
   * naming the class (the HDFS client does not unwrap it on create).
   */
  static boolean beingCreated(Throwable e) {
    int depth = 0;
    for (Throwable t = e; t != null && depth < 16; t = t.getCause(), depth++) {
      String name = t instanceof org.apache.hadoop.ipc.RemoteException r ? r.getClassName() : t.getClass().getName();
      if (name != null && name.endsWith(".AlreadyBeingCreatedException")) {
        return true;
      }
    }
    return false;
  }

  /** The file's bytes, or null when it does not exist. */
  public byte[] readIfExists(Path p) throws IOException {
    try {
      return readAll(p);
    } catch (FileNotFoundException | java.nio.file.NoSuchFileException e) {
      return null;
    }
  }

  /**
   * Renames {@code from} to {@code to} (a name not in use) in one step: false when {@code from} does not exist.
   * Atomic on local disks and HDFS; a copy on object stores.
   */
  public boolean move(Path from, Path to) throws IOException {
    if (isLocal(from)) {
      try {
        java.nio.file.Files.move(localPath(from), localPath(to), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return true;
      } catch (java.nio.file.NoSuchFileException e) {
        return false;
      }
    }
    FileSystem fs = fs(from);
    if (fs.rename(from, to)) {
      return true;
    }
    if (!fs.exists(from)) {
      return false;
    }
    throw new IOException("cannot rename " + from + " to " + to);
  }

  /** Deletes folder {@code dir} if it exists and is empty: false when it holds something. */
  public boolean deleteIfEmpty(Path dir) throws IOException {
    if (isLocal(dir)) {
      try {
        java.nio.file.Files.deleteIfExists(localPath(dir));
        return true;
      } catch (java.nio.file.DirectoryNotEmptyException e) {
        return false;
      }
    }
    FileSystem fs = fs(dir);
    if (!fs.exists(dir)) {
      return true;
    }
    return fs.listStatus(dir).length == 0 && fs.delete(dir, false);
  }

  /** What {@link #write} writes. */
  @FunctionalInterface
  public interface Body {
    /** Writes the content to {@code out}. */
    void writeTo(OutputStream out) throws IOException;
  }

  private static Path tmp(Path file) {
    return new Path(file.getParent(), "." + file.getName() + ".tmp");
  }

  private static void rename(FileSystem fs, Path tmp, Path file) throws IOException {
    if (fs.rename(tmp, file)) {
      return;
    }
    // HDFS and object stores do not rename over an existing file
    if (fs.exists(file) && fs.delete(file, false) && fs.rename(tmp, file)) {
      return;
    }
    throw new IOException("cannot rename " + tmp + " to " + file);
  }

  @Override
  public String toString() {
    return "Storage[base=" + (base.isEmpty() ? "current directory" : base) + "]";
  }
}
