package dev.codeartifact.core.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeartifact.core.flow.BuildLog;
import dev.codeartifact.core.flow.CodeArtifactException;
import dev.codeartifact.core.flow.RecordingLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped layout: an outer (plugin) jar carrying the SDK jar as one entry, loaded from an owner-only copy. */
class SdkLoaderTest {
  @TempDir Path tmp;

  @Test
  void loadsTheFactoryFromTheNestedJarThroughAPrivateCopy() throws Exception {
    byte[] inner = innerJarWithFactory();
    try (URLClassLoader plugin = pluginLoader(inner)) {
      Path sdkDir = tmp.resolve("cache").resolve("sdk");
      AwsSourceFactory factory = SdkLoader.load(plugin, "nested.Factory", sdkDir, RecordingLog.SILENT);

      // Loaded by a child of the plugin's loader, from the unpacked copy, not from the test class path.
      ClassLoader loader = factory.getClass().getClassLoader();
      assertNotSame(plugin, loader);
      assertEquals(plugin, loader.getParent());
      Path copy = Path.of(factory.getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
      assertEquals(sdkDir, copy.getParent());
      assertArrayEquals(inner, Files.readAllBytes(copy));
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));
      assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sdkDir)));
      // It really runs: the test factory answers a fixed token.
      AuthorizationToken token = factory.create(null, RecordingLog.SILENT).fetch(null);
      assertEquals("from-nested-jar", token.secret());
    }
  }

  @Test
  void reusesAnIntactCopyAndReplacesADamagedOne() throws Exception {
    byte[] inner = "not really a jar, only bytes to copy".getBytes(StandardCharsets.UTF_8);
    try (URLClassLoader plugin = pluginLoader(inner)) {
      URL nested = plugin.getResource(SdkLoader.NESTED_JAR);
      Path sdkDir = tmp.resolve("sdk");
      Path first = SdkLoader.unpack(nested, sdkDir, RecordingLog.SILENT);
      assertTrue(first.getFileName().toString().matches("aws-sdk-[0-9a-f]+-" + inner.length + "\\.jar"));
      Files.setLastModifiedTime(first, java.nio.file.attribute.FileTime.fromMillis(0));
      assertEquals(first, SdkLoader.unpack(nested, sdkDir, RecordingLog.SILENT));
      assertEquals(0, Files.getLastModifiedTime(first).toMillis(), "an intact copy is not rewritten");

      byte[] damaged = inner.clone();
      damaged[3] ^= 1; // same size, other content
      Files.write(first, damaged);
      assertEquals(first, SdkLoader.unpack(nested, sdkDir, RecordingLog.SILENT));
      assertArrayEquals(inner, Files.readAllBytes(first));
      assertEquals(1, Files.list(sdkDir).count(), "no temporary file left behind");
    }
  }

  @Test
  void fallsBackToAPrivateTemporaryFileWhenTheFolderCannotBeWritten() throws Exception {
    byte[] inner = "bytes".getBytes(StandardCharsets.UTF_8);
    try (URLClassLoader plugin = pluginLoader(inner)) {
      Path notADir = Files.write(tmp.resolve("file"), new byte[0]);
      Path copy = SdkLoader.unpack(plugin.getResource(SdkLoader.NESTED_JAR), notADir.resolve("sdk"), RecordingLog.SILENT);
      assertNotEquals(notADir, copy.getParent());
      assertArrayEquals(inner, Files.readAllBytes(copy));
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));
    }
  }

  @Test
  void aBrokenNestedJarIsAClearError() throws Exception {
    try (URLClassLoader plugin = pluginLoader("garbage".getBytes(StandardCharsets.UTF_8))) {
      CodeArtifactException e = assertThrows(CodeArtifactException.class,
          () -> SdkLoader.load(plugin, "nested.Factory", tmp.resolve("sdk"), RecordingLog.SILENT));
      assertTrue(e.getMessage().startsWith("The AWS SDK inside codeartifact-maven-plugin could not be loaded from "
          + tmp.resolve("sdk")), e.getMessage());
      assertTrue(e.getMessage().endsWith("delete it so Maven downloads it again"), e.getMessage());
    }
  }

  @Test
  void neverRunsACopyFromAFolderOtherUsersCouldWriteTo() throws Exception {
    byte[] inner = "the real bytes".getBytes(StandardCharsets.UTF_8);
    try (URLClassLoader plugin = pluginLoader(inner)) {
      URL nested = plugin.getResource(SdkLoader.NESTED_JAR);
      Path sdkDir = tmp.resolve("shared").resolve("sdk");
      Path copy = SdkLoader.unpack(nested, sdkDir, RecordingLog.SILENT);
      assertEquals(sdkDir, copy.getParent());

      // Someone opened the folder (a shared cacheDir): an intact-looking copy there is not used.
      Files.setPosixFilePermissions(sdkDir, PosixFilePermissions.fromString("rwxrwxrwx"));
      Path elsewhere = SdkLoader.unpack(nested, sdkDir, RecordingLog.SILENT);
      assertNotEquals(sdkDir, elsewhere.getParent());
      assertArrayEquals(inner, Files.readAllBytes(elsewhere));

      // Same for a copy others may write to, in a private folder.
      Files.setPosixFilePermissions(sdkDir, PosixFilePermissions.fromString("rwx------"));
      Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-rw-rw-"));
      assertNotEquals(sdkDir, SdkLoader.unpack(nested, sdkDir, RecordingLog.SILENT).getParent());
      Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
      assertEquals(copy, SdkLoader.unpack(nested, sdkDir, RecordingLog.SILENT));
    }
  }

  @Test
  void purgeDeletesTheCopiesAndNothingElse() throws Exception {
    try (URLClassLoader plugin = pluginLoader("bytes".getBytes(StandardCharsets.UTF_8))) {
      Path sdkDir = tmp.resolve("sdk");
      SdkLoader.unpack(plugin.getResource(SdkLoader.NESTED_JAR), sdkDir, RecordingLog.SILENT);
      assertEquals(1, SdkLoader.purge(sdkDir));
      assertTrue(Files.notExists(sdkDir));

      SdkLoader.unpack(plugin.getResource(SdkLoader.NESTED_JAR), sdkDir, RecordingLog.SILENT);
      Files.write(sdkDir.resolve("notes.txt"), new byte[0]);
      assertEquals(1, SdkLoader.purge(sdkDir));
      assertEquals(Collections.singletonList("notes.txt"),
          Files.list(sdkDir).map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toList()));
      assertEquals(0, SdkLoader.purge(tmp.resolve("absent")));
    }
  }

  /** An outer jar holding {@code inner} as the nested SDK jar, with the test class path as parent. */
  private URLClassLoader pluginLoader(byte[] inner) throws IOException {
    Path outer = tmp.resolve("plugin-" + System.nanoTime() + ".jar");
    try (OutputStream out = Files.newOutputStream(outer); JarOutputStream jar = new JarOutputStream(out)) {
      jar.putNextEntry(new JarEntry(SdkLoader.NESTED_JAR));
      jar.write(inner);
      jar.closeEntry();
    }
    return new URLClassLoader(new URL[] {outer.toUri().toURL()}, getClass().getClassLoader());
  }

  /** A jar with one class, nested.Factory, compiled here against this module's AwsSourceFactory. */
  private byte[] innerJarWithFactory() throws IOException {
    Path src = Files.createDirectories(tmp.resolve("src/nested"));
    Files.write(src.resolve("Factory.java"), ("package nested;\n"
        + "import dev.codeartifact.core.flow.*;\n"
        + "import dev.codeartifact.core.network.*;\n"
        + "import dev.codeartifact.core.token.*;\n"
        + "public class Factory implements AwsSourceFactory {\n"
        + "  public TokenSource create(NetworkSettings s, BuildLog l) {\n"
        + "    return r -> new AuthorizationToken(\"from-nested-jar\", java.time.Instant.now().plusSeconds(3600));\n"
        + "  }\n"
        + "}\n").getBytes(StandardCharsets.UTF_8));
    Path classes = Files.createDirectories(tmp.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
        src.resolve("Factory.java").toString());
    assertEquals(0, rc);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(bytes)) {
      jar.putNextEntry(new JarEntry("nested/Factory.class"));
      jar.write(Files.readAllBytes(classes.resolve("nested/Factory.class")));
      jar.closeEntry();
    }
    return bytes.toByteArray();
  }
}
