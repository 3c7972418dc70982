package org.amicus.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Keycloak distribution from the local Maven repository, unpacked once per machine into a cache
 * outside {@code target/}, so neither a clean build nor a second checkout pays for the unpack or
 * for the Quarkus build step that the first {@code start-dev} writes into {@code lib/quarkus}.
 *
 * <p>Every run gets its own home directory: copies of {@code bin/} and {@code conf/} ({@code kc.sh}
 * finds its home with {@code readlink -f}), symbolic links to the cached {@code lib/}, {@code
 * providers/} and {@code themes/}, and its own {@code data/}.
 */
final class KeycloakDistribution {

  private static final String UNPACKED = ".amicus-unpacked";
  private static final String BUILT = ".amicus-built";
  private static final List<String> SHARED = List.of("lib", "providers", "themes");

  private final Path zip;
  private final Path cache;

  KeycloakDistribution(Path zip, Path cache) {
    this.zip = zip;
    this.cache = cache;
  }

  /** The distribution this build resolved, cached under {@code $AMICUS_CACHE_DIR}. */
  static KeycloakDistribution ofThisBuild() {
    Properties properties = new Properties();
    try (InputStream in =
        KeycloakDistribution.class.getResourceAsStream("/org/amicus/runtime/runtime.properties")) {
      if (in == null) {
        throw new IllegalStateException("runtime.properties is missing from the runtime jar");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path zip = Path.of(properties.getProperty("keycloak.dist"));
    if (!Files.isRegularFile(zip)) {
      throw new IllegalStateException(
          "The Keycloak distribution is not in the local Maven repository: " + zip);
    }
    String version = properties.getProperty("keycloak.version");
    return new KeycloakDistribution(zip, cacheRoot().resolve("keycloak-" + version + "-dev"));
  }

  static Path cacheRoot() {
    String configured = System.getenv("AMICUS_CACHE_DIR");
    return configured != null && !configured.isBlank()
        ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".cache", "amicus");
  }

  Path cache() {
    return cache;
  }

  /**
   * Locks the cache against other builds on this machine: hold it to unpack, and for the whole of a
   * start that still has to write the Quarkus build into the shared {@code lib/}.
   */
  FileLock lock() throws IOException {
    Files.createDirectories(cache.getParent());
    FileChannel channel =
        FileChannel.open(
            cache.resolveSibling(cache.getFileName() + ".lock"),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
    try {
      return channel.lock();
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Releases the lock and closes its channel (FileLock.close() alone would leak the channel). */
  static void release(FileLock lock) {
    try (FileChannel channel = lock.channel()) {
      lock.release();
    } catch (IOException e) {
      // the lock goes with the channel or the process anyway
    }
  }

  /** Unpacks the zip unless a complete unpack is there. Call under {@link #lock()}. */
  void unpackIfNeeded() throws IOException {
    if (Files.exists(cache.resolve(UNPACKED))) {
      return;
    }
    Directories.delete(cache);
    Files.createDirectories(cache);
    try (ZipFile archive = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> entries = archive.entries();
      while (entries.hasMoreElements()) {
        unpack(archive, entries.nextElement());
      }
    }
    Files.writeString(cache.resolve(UNPACKED), zip.getFileName().toString());
  }

  private void unpack(ZipFile archive, ZipEntry entry) throws IOException {
    // Entries sit under "keycloak-<version>/"; drop that first segment.
    String name = entry.getName();
    int slash = name.indexOf('/');
    if (slash < 0 || slash == name.length() - 1) {
      return;
    }
    Path target = cache.resolve(name.substring(slash + 1)).normalize();
    if (!target.startsWith(cache)) {
      throw new IOException("Refusing zip entry outside the cache: " + name);
    }
    if (entry.isDirectory()) {
      Files.createDirectories(target);
      return;
    }
    Files.createDirectories(target.getParent());
    try (InputStream in = archive.getInputStream(entry)) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    // java.util.zip does not expose Unix modes; only the launch scripts need to be executable.
    if (name.substring(slash + 1).startsWith("bin/") && name.endsWith(".sh")) {
      target.toFile().setExecutable(true, false);
    }
  }

  /** Whether a {@code start-dev} has already written its build into the cached {@code lib/}. */
  boolean built() {
    return Files.exists(cache.resolve(BUILT));
  }

  void markBuilt() throws IOException {
    Files.writeString(cache.resolve(BUILT), "start-dev build done");
  }

  /**
   * Makes {@code home} a Keycloak home that shares the cache's libraries. Its {@code data/} is left
   * alone.
   */
  void prepareHome(Path home) throws IOException {
    Files.createDirectories(home);
    Path bin = home.resolve("bin");
    Directories.delete(bin);
    Files.createDirectories(bin);
    try (Stream<Path> scripts = Files.list(cache.resolve("bin"))) {
      for (Path script : scripts.toList()) {
        if (Files.isDirectory(script)) {
          // bin/client holds the admin CLI's jars; kcadm.sh finds them through the link.
          Files.createSymbolicLink(bin.resolve(script.getFileName()), script);
        } else {
          Files.copy(script, bin.resolve(script.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    Path conf = home.resolve("conf");
    Directories.delete(conf);
    copyRecursively(cache.resolve("conf"), conf);
    for (String shared : SHARED) {
      Path link = home.resolve(shared);
      if (Files.isSymbolicLink(link)) {
        Files.delete(link);
      } else {
        Directories.delete(link);
      }
      Files.createSymbolicLink(link, cache.resolve(shared));
    }
  }

  private static void copyRecursively(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
