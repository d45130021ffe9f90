package dev.codeartifact.maven.decrypt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.settings.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecryptSupportSpyTest {
  @TempDir
  Path dir;

  @AfterEach
  void clear() {
    System.clearProperty(SecurityFile.PROPERTY);
  }

  private static MavenExecutionRequest request(String password) {
    MavenExecutionRequest r = new DefaultMavenExecutionRequest();
    Server s = new Server();
    s.setId("codeartifact");
    s.setPassword(password);
    r.addServer(s);
    return r;
  }

  @Test
  void maven3CreatesTheEmptySecurityFileItNeeds() throws Exception {
    Path file = dir.resolve("m2/settings-security.xml");
    System.setProperty(SecurityFile.PROPERTY, file.toString());
    new DecryptSupportSpy().check(request("{[type=codeartifact]domain=d1}"), false);
    assertEquals("<settingsSecurity/>\n", new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void anExistingSecurityFileIsLeftAlone() throws Exception {
    Path file = dir.resolve("settings-security.xml");
    Files.write(file, "<settingsSecurity><master>{x}</master></settingsSecurity>".getBytes(StandardCharsets.UTF_8));
    System.setProperty(SecurityFile.PROPERTY, file.toString());
    new DecryptSupportSpy().check(request("{[type=codeartifact]domain=d1}"), false);
    assertNull(SecurityFile.ensure());
    assertEquals("<settingsSecurity><master>{x}</master></settingsSecurity>",
        new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
  }

  @Test
  void noFileWithoutACodeArtifactPasswordNorOnMaven4() {
    Path file = dir.resolve("settings-security.xml");
    System.setProperty(SecurityFile.PROPERTY, file.toString());
    new DecryptSupportSpy().check(request("{jSMOWnoPFgsHVpMvz5VrIt5kRbzGpI8u+9EF1iFQyJQ=}"), false);
    new DecryptSupportSpy().check(request("{[name=codeartifact,version=1]domain=d1}"), false);
    new DecryptSupportSpy().check(request("{[type=codeartifact]domain=d1}"), true);
    assertFalse(Files.exists(file));
  }
}
