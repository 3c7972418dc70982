package org.amicus.local;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The plain contents of a backup before sealing: directories and files under {@code .amicus/}, each
 * with its relative path and permissions (PostgreSQL refuses a data directory that others may
 * read), ended by a marker so that a stream cut at an entry's boundary is not taken as complete.
 */
final class BackupArchive {

  private static final byte DIRECTORY = 'D';
  private static final byte FILE = 'F';
  private static final byte END = 'E';

  private BackupArchive() {}

  /**
   * Writes {@code files} (generated contents by name), then {@code paths} (directories recursively)
   * relative to {@code base}, then the end.
   */
  static void write(Path base, Map<String, byte[]> files, List<Path> paths, OutputStream target)
      throws IOException {
    DataOutputStream out = new DataOutputStream(target);
    for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
      out.writeByte(FILE);
      out.writeUTF(file.getKey());
      out.writeUTF("rw-------");
      out.writeLong(file.getValue().length);
      out.write(file.getValue());
    }
    for (Path top : paths) {
      if (!Files.exists(top, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(top)) {
        for (Path path : walk.sorted().toList()) {
          String name = base.relativize(path).toString();
          String mode =
              PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
          if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            out.writeByte(DIRECTORY);
            out.writeUTF(name);
            out.writeUTF(mode);
          } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            out.writeByte(FILE);
            out.writeUTF(name);
            out.writeUTF(mode);
            out.writeLong(Files.size(path));
            long copied;
            try (InputStream in = Files.newInputStream(path)) {
              copied = in.transferTo(out);
            }
            if (copied != Files.size(path)) {
              throw new IOException(name + " changed while it was copied");
            }
          }
          // symbolic links and sockets are not data: none in a stopped platform's directories
        }
      }
    }
    out.writeByte(END);
    out.flush();
  }

  /** Recreates the entries under {@code base}, which must exist; refuses paths leaving it. */
  static void read(InputStream source, Path base) throws IOException {
    DataInputStream in = new DataInputStream(source);
    while (true) {
      byte type = in.readByte();
      if (type == END) {
        return;
      }
      if (type != DIRECTORY && type != FILE) {
        throw new IOException("Unknown entry in the backup");
      }
      String name = in.readUTF();
      Path path = base.resolve(name).normalize();
      if (!path.startsWith(base) || Path.of(name).isAbsolute()) {
        throw new IOException("An entry of the backup leaves its directory: " + name);
      }
      var mode = PosixFilePermissions.fromString(in.readUTF());
      if (type == DIRECTORY) {
        Files.createDirectories(path);
      } else {
        long size = in.readLong();
        Files.createDirectories(path.getParent());
        try (OutputStream out = Files.newOutputStream(path)) {
          long left = size;
          byte[] buffer = new byte[64 * 1024];
          while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
              throw new IOException("The backup ends inside " + name);
            }
            out.write(buffer, 0, n);
            left -= n;
          }
        }
      }
      Files.setPosixFilePermissions(path, mode);
    }
  }
}
