package dev.codeartifact.core.token;

import dev.codeartifact.core.flow.BuildLog;
import dev.codeartifact.core.flow.CodeArtifactException;
import dev.codeartifact.core.util.SecureFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Where the AWS SDK comes from. The plugin jar carries the SDK, with {@code dev.codeartifact.core.aws}, as
 * one nested jar ({@value #NESTED_JAR}) rather than ~4,600 classes of its own: Maven opens and indexes the
 * plugin jar on every build that declares it, while a build served from the token cache never needs the SDK.
 * On the first cache miss of a JVM the nested jar is copied, once per plugin release, to
 * {@code <cache folder>/sdk/aws-sdk-<crc>-<size>.jar} (0600 in a 0700 folder; checked against its CRC before
 * each use, and only used from a folder no other user can write to) and loaded by a child class loader of the
 * plugin's. In development and unit tests the SDK is on the class path and is used from there.
 */
public final class SdkLoader {
  public static final String NESTED_JAR = "META-INF/codeartifact/aws-sdk.jar";
  /** The sub-folder of the token cache folder that holds the unpacked copies. */
  public static final String FOLDER = "sdk";
  private static final Pattern COPY = Pattern.compile("\\.?aws-sdk-[0-9a-f]+-[0-9]+\\.jar(\\..*\\.tmp)?");
  static final String FACTORY = "dev.codeartifact.core.aws.AwsTokenSourceFactory";

  /** JVM-wide on purpose: the loaded SDK (thousands of classes) serves every later build of this class loader. */
  private static AwsSourceFactory factory;

  private SdkLoader() {}

  /** The factory of this class loader, loading the SDK on the first call. */
  public static synchronized AwsSourceFactory factory(Path sdkDir, BuildLog log) throws CodeArtifactException {
    if (factory == null) {
      factory = load(SdkLoader.class.getClassLoader(), FACTORY, sdkDir, log);
    }
    return factory;
  }

  static AwsSourceFactory load(ClassLoader own, String factoryClass, Path sdkDir, BuildLog log)
      throws CodeArtifactException {
    long start = System.nanoTime();
    URL nested = own.getResource(NESTED_JAR);
    ClassLoader loader = own;
    String from = "the class path";
    if (nested != null) {
      Path jar = unpack(nested, sdkDir, log);
      from = jar.toString();
      try {
        loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, own);
      } catch (IOException e) {
        throw unusable(from, e);
      }
    }
    try {
      AwsSourceFactory f = (AwsSourceFactory) Class.forName(factoryClass, true, loader).getDeclaredConstructor().newInstance();
      log.debug("AWS SDK loaded from " + from + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
      return f;
    } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
      throw unusable(from, e);
    }
  }

  private static CodeArtifactException unusable(String from, Throwable e) {
    return new CodeArtifactException("The AWS SDK inside codeartifact-maven-plugin could not be loaded from " + from
        + " (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
        + "): the plugin jar in the local repository may be damaged; delete it so Maven downloads it again");
  }

  /**
   * The nested jar as a file: the copy in {@code sdkDir} when its size and CRC match, else a fresh atomic copy;
   * when {@code sdkDir} cannot be written, a private temporary file deleted when the JVM exits.
   */
  static Path unpack(URL nested, Path sdkDir, BuildLog log) throws CodeArtifactException {
    byte[] bytes = null;
    long size = -1;
    long crc = -1;
    try {
      URLConnection connection = nested.openConnection();
      if (connection instanceof JarURLConnection) {
        JarEntry entry = ((JarURLConnection) connection).getJarEntry();
        size = entry.getSize();
        crc = entry.getCrc();
      }
      if (size < 0 || crc < 0) {
        bytes = read(nested);
        size = bytes.length;
        crc = crc32(bytes);
      }
    } catch (IOException e) {
      throw unusable(nested.toString(), e);
    }
    Path target = sdkDir.resolve("aws-sdk-" + Long.toHexString(crc) + "-" + size + ".jar");
    try {
      SecureFiles.createPrivateDirectories(sdkDir);
      String distrust = distrust(sdkDir, target);
      if (distrust != null) {
        // Code the build would run: never from a folder someone else could write to (a shared cacheDir).
        throw new IOException(distrust);
      }
      if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && Files.size(target) == size
          && crc32(Files.readAllBytes(target)) == crc) {
        return target;
      }
      if (bytes == null) {
        bytes = read(nested);
      }
      SecureFiles.writeAtomically(target, bytes);
      log.debug("Unpacked the plugin's AWS SDK to " + target);
      return target;
    } catch (IOException | RuntimeException e) {
      log.debug("Could not unpack the plugin's AWS SDK to " + sdkDir + " (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "): using a private temporary file");
    }
    try {
      if (bytes == null) {
        bytes = read(nested);
      }
      Path tmp = Files.createTempFile("codeartifact-aws-sdk-", ".jar"); // 0600 on POSIX file systems
      tmp.toFile().deleteOnExit();
      Files.write(tmp, bytes);
      return tmp;
    } catch (IOException e) {
      throw unusable(nested.toString(), e);
    }
  }

  /**
   * Deletes the unpacked copies in {@code sdkDir} (and the folder when nothing else is left in it); the next
   * cache miss unpacks the SDK again. Returns the number of copies deleted; failures are left for the next purge.
   */
  public static int purge(Path sdkDir) {
    int deleted = 0;
    if (!Files.isDirectory(sdkDir, LinkOption.NOFOLLOW_LINKS)) {
      return 0;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(sdkDir)) {
      for (Path f : files) {
        if (COPY.matcher(f.getFileName().toString()).matches() && Files.deleteIfExists(f)) {
          deleted++;
        }
      }
      Files.deleteIfExists(sdkDir);
    } catch (IOException | RuntimeException e) {
      // Not empty (a file of the user's), in use on Windows, or not ours to delete: leave it.
    }
    return deleted;
  }

  /**
   * Why {@code dir} (and the copy in it) cannot be trusted with code, or null: on POSIX file systems the folder
   * must be a real folder with no group or other permission (then only its owner, or root, can put files in
   * it) and the copy must not be writable by group or others. Elsewhere the user profile's ACLs decide.
   */
  static String distrust(Path dir, Path copy) throws IOException {
    if (!SecureFiles.isPosix(dir)) {
      return null;
    }
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return dir + " is not a folder";
    }
    Set<PosixFilePermission> open = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
        PosixFilePermission.OTHERS_EXECUTE);
    open.retainAll(Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS));
    if (!open.isEmpty()) {
      return dir + " is open to other users (" + PosixFilePermissions.toString(Files.getPosixFilePermissions(dir,
          LinkOption.NOFOLLOW_LINKS)) + ")";
    }
    if (Files.exists(copy, LinkOption.NOFOLLOW_LINKS)) {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(copy, LinkOption.NOFOLLOW_LINKS);
      if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
        return copy + " is writable by other users";
      }
    }
    return null;
  }

  private static byte[] read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(8 << 20);
      byte[] buf = new byte[64 << 10];
      for (int n = in.read(buf); n > 0; n = in.read(buf)) {
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    }
  }

  private static long crc32(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length);
    return crc.getValue();
  }
}
