package dev.codeartifact.core.util;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * Files that may hold a secret: created owner-only (0600, folders 0700) from the first byte rather than
 * chmod-ed afterwards, and replaced atomically so a reader never sees half a file.
 */
public final class SecureFiles {
  private static final SecureRandom RANDOM = new SecureRandom();

  private SecureFiles() {}

  public static boolean isPosix(Path dir) {
    return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** Attributes that create a file in {@code dir} owner-only (0600) where the file system has POSIX permissions. */
  public static FileAttribute<?>[] privateFile(Path dir) {
    return attributes(dir, "rw-------");
  }

  private static FileAttribute<?>[] attributes(Path dir, String perms) {
    if (!isPosix(dir)) {
      return new FileAttribute<?>[0];
    }
    Set<PosixFilePermission> set = PosixFilePermissions.fromString(perms);
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(set)};
  }

  /** Creates {@code dir} and missing parents; the folders this call creates are 0700. */
  public static void createPrivateDirectories(Path dir) throws IOException {
    Path abs = dir.toAbsolutePath();
    if (Files.isDirectory(abs)) {
      return;
    }
    Path parent = abs.getParent();
    if (parent != null) {
      createPrivateDirectories(parent);
    }
    try {
      Files.createDirectory(abs, attributes(abs.getParent() == null ? abs : abs.getParent(), "rwx------"));
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(abs)) {
        throw e;
      }
    }
  }

  /**
   * Writes {@code content} to {@code target} atomically: a 0600 temporary file in the same folder,
   * flushed to disk, then renamed over the target.
   */
  public static void writeAtomically(Path target, byte[] content) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    createPrivateDirectories(dir);
    Path tmp = dir.resolve("." + abs.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, java.util.EnumSet.of(StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE), privateFile(dir))) {
        ByteBuffer buf = ByteBuffer.wrap(content);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
