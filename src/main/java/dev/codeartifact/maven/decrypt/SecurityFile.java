package dev.codeartifact.maven.decrypt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Maven 3's {@code settings-security.xml}: its sec-dispatcher reads that file before it looks at a
 * password's {@code type}, and when the file is missing decrypts nothing (Maven logs that at debug level
 * and sends the password as written). An empty {@code <settingsSecurity/>} is all a CodeArtifact password
 * needs; it does not change how any other password is treated (without the file none decrypts at all).
 */
final class SecurityFile {
  static final String PROPERTY = "settings.security";
  static final String CONTENT = "<settingsSecurity/>\n";

  private SecurityFile() {}

  /** Where Maven 3 looks: {@code -Dsettings.security}, else {@code ~/.m2/settings-security.xml}. */
  static Path location() {
    String p = System.getProperty(PROPERTY);
    if (p == null || p.trim().isEmpty()) {
      return Paths.get(System.getProperty("user.home"), ".m2", "settings-security.xml");
    }
    p = p.trim();
    return p.startsWith("~") ? Paths.get(System.getProperty("user.home") + p.substring(1)) : Paths.get(p);
  }

  /**
   * Creates an empty security file at {@link #location()} when there is none.
   *
   * @return the file created, or null when one existed
   */
  static Path ensure() throws IOException {
    Path file = location().toAbsolutePath();
    if (Files.exists(file)) {
      return null;
    }
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    try {
      Files.write(file, CONTENT.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW);
    } catch (FileAlreadyExistsException e) {
      return null;
    }
    try {
      // It may later hold the master password: owner-only from the start.
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system
    }
    return file;
  }

  /** The one line that says why the file appeared. */
  static String createdLine(Path file) {
    return "Created " + file + " (an empty <settingsSecurity/>): Maven 3 decrypts no settings.xml password"
        + " while that file is missing, and the CodeArtifact passwords need decrypting";
  }
}
