package dev.codeartifact.maven;

import static dev.codeartifact.maven.TestBuilds.ACME_RELEASES;
import static dev.codeartifact.maven.TestBuilds.CENTRAL;
import static dev.codeartifact.maven.TestBuilds.project;
import static dev.codeartifact.maven.TestBuilds.readOnlyRepoSession;
import static dev.codeartifact.maven.TestBuilds.repo;
import static dev.codeartifact.maven.TestBuilds.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeartifact.core.flow.Configuration;
import dev.codeartifact.core.flow.InvalidParameterException;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.Mojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugin.testing.AbstractMojoTestCase;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The goal's wiring. The descriptor checks read the plugin.xml that maven-plugin-plugin generated into
 * target/classes (the file Maven itself reads); execute() runs on a mojo built directly with a real
 * session. One test also drives the Maven Plugin Testing Harness (JUnit 3 style) by hand from JUnit 5.
 */
class AuthenticateMojoTest {
  /** Maven's Log interface, recording lines by level. */
  static final class CapturingLog implements Log {
    final List<String> lines = new ArrayList<>();

    private void add(String level, CharSequence content, Throwable error) {
      lines.add(level + " " + (content == null ? "" : content) + (error == null ? "" : " " + error));
    }

    @Override public boolean isDebugEnabled() { return true; }
    @Override public void debug(CharSequence c) { add("DEBUG", c, null); }
    @Override public void debug(CharSequence c, Throwable e) { add("DEBUG", c, e); }
    @Override public void debug(Throwable e) { add("DEBUG", null, e); }
    @Override public boolean isInfoEnabled() { return true; }
    @Override public void info(CharSequence c) { add("INFO", c, null); }
    @Override public void info(CharSequence c, Throwable e) { add("INFO", c, e); }
    @Override public void info(Throwable e) { add("INFO", null, e); }
    @Override public boolean isWarnEnabled() { return true; }
    @Override public void warn(CharSequence c) { add("WARN", c, null); }
    @Override public void warn(CharSequence c, Throwable e) { add("WARN", c, e); }
    @Override public void warn(Throwable e) { add("WARN", null, e); }
    @Override public boolean isErrorEnabled() { return true; }
    @Override public void error(CharSequence c) { add("ERROR", c, null); }
    @Override public void error(CharSequence c, Throwable e) { add("ERROR", c, e); }
    @Override public void error(Throwable e) { add("ERROR", null, e); }
  }

  final CapturingLog log = new CapturingLog();

  @BeforeEach
  @AfterEach
  void reset() {
    System.clearProperty("dev.codeartifact.applied");
  }

  static Path pluginXml() {
    return Paths.get(System.getProperty("basedir", "."), "target", "classes", "META-INF", "maven", "plugin.xml");
  }

  static Element authenticateMojo() throws Exception {
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pluginXml().toFile());
    NodeList mojos = doc.getElementsByTagName("mojo");
    for (int i = 0; i < mojos.getLength(); i++) {
      Element mojo = (Element) mojos.item(i);
      if ("authenticate".equals(child(mojo, "goal").getTextContent())) {
        return mojo;
      }
    }
    throw new AssertionError("no authenticate goal in " + pluginXml());
  }

  static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element && n.getNodeName().equals(name)) {
        return (Element) n;
      }
    }
    return null;
  }

  static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element) {
        out.add((Element) n);
      }
    }
    return out;
  }

  @Test
  void descriptorBindsToInitializeThreadSafeAggregator() throws Exception {
    Element mojo = authenticateMojo();
    assertEquals("initialize", child(mojo, "phase").getTextContent());
    assertEquals("true", child(mojo, "threadSafe").getTextContent());
    assertEquals("true", child(mojo, "aggregator").getTextContent());
    assertEquals("dev.codeartifact.maven.AuthenticateMojo", child(mojo, "implementation").getTextContent());
    assertEquals("false", child(mojo, "requiresOnline").getTextContent());
    Element deps = child(mojo, "requiresDependencyResolution");
    assertTrue(deps == null, "the goal itself must not require dependency resolution (it would 401 first)");
  }

  @Test
  void descriptorParametersAreTheUserProperties() throws Exception {
    Element mojo = authenticateMojo();
    Map<String, Element> config = new HashMap<>();
    for (Element e : children(child(mojo, "configuration"))) {
      config.put(e.getNodeName(), e);
    }
    // every property the core knows is a parameter of the goal, bound to the same user property
    for (String property : Configuration.PROPERTIES) {
      String name = property.substring("codeartifact.".length());
      Element e = config.get(name);
      assertNotNull(e, "no parameter <" + name + ">");
      assertEquals("${" + property + "}", e.getTextContent(), name);
    }
    // and every codeartifact.* parameter is one the core (and so the build extension) reads
    for (Map.Entry<String, Element> e : config.entrySet()) {
      String text = e.getValue().getTextContent();
      if (text.startsWith("${codeartifact.")) {
        assertTrue(Configuration.PROPERTIES.contains(text.substring(2, text.length() - 1)),
            e.getKey() + " -> " + text + " is not in Configuration.PROPERTIES");
      }
    }
    assertEquals("true", config.get("cache").getAttribute("default-value"));
    assertEquals("true", config.get("failOnError").getAttribute("default-value"));
    assertEquals("false", config.get("tokenFromEnvironment").getAttribute("default-value"));
    assertEquals("false", config.get("skip").getAttribute("default-value"));
    assertEquals("${codeartifact.skip}", config.get("skip").getTextContent());
    assertEquals("", config.get("domain").getAttribute("default-value"), "domain has no default: discovery");
    assertEquals("${session}", config.get("session").getAttribute("default-value"));
    for (Element p : children(child(mojo, "parameters"))) {
      if ("session".equals(child(p, "name").getTextContent())) {
        assertEquals("false", child(p, "editable").getTextContent(), "session is read-only");
        assertEquals("true", child(p, "required").getTextContent());
      }
    }
  }

  AuthenticateMojo mojo(MavenSession session) {
    AuthenticateMojo mojo = new AuthenticateMojo();
    mojo.setLog(log);
    mojo.session = session;
    // what Maven injects from the defaults
    mojo.cache = "true";
    mojo.failOnError = "true";
    mojo.tokenFromEnvironment = "false";
    return mojo;
  }

  MavenSession codeArtifactBuild(DefaultMavenExecutionRequest request) {
    MavenProject p = project("app", "1.0", List.of(repo("releases", ACME_RELEASES)), List.of(repo("central", CENTRAL)));
    return session(request, readOnlyRepoSession(), p);
  }

  @Test
  void skipDoesNothingNotEvenValidate() throws Exception {
    DefaultMavenExecutionRequest request = TestBuilds.request();
    AuthenticateMojo mojo = mojo(codeArtifactBuild(request));
    mojo.skip = true;
    mojo.domainOwner = "123";
    mojo.execute();
    assertEquals(List.of("INFO Skipping CodeArtifact authentication (codeartifact.skip)"), log.lines);
    assertTrue(request.getServers().isEmpty());
  }

  @Test
  void invalidOwnerFailsWithTheElementAndTheProperty() {
    AuthenticateMojo mojo = mojo(codeArtifactBuild(TestBuilds.request()));
    mojo.domainOwner = "123";
    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
    assertEquals("Invalid <domainOwner> (codeartifact.domainOwner) '123': the domain owner is an AWS account id of"
        + " exactly 12 digits", e.getMessage());
    assertInstanceOf(InvalidParameterException.class, e.getCause());
  }

  @Test
  void invalidDurationAndDomainMessages() {
    AuthenticateMojo mojo = mojo(codeArtifactBuild(TestBuilds.request()));
    mojo.durationSeconds = "899";
    assertEquals("Invalid <durationSeconds> (codeartifact.durationSeconds) '899': 0 (expire with the caller's role"
        + " session) or a number of seconds from 900 to 43200",
        assertThrows(MojoExecutionException.class, mojo::execute).getMessage());
    mojo.durationSeconds = null;
    mojo.domain = "My_Domain";
    assertTrue(assertThrows(MojoExecutionException.class, mojo::execute).getMessage()
        .startsWith("Invalid <domain> (codeartifact.domain) 'My_Domain': "));
    mojo.domain = null;
    mojo.serverIds = "releases";
    assertTrue(assertThrows(MojoExecutionException.class, mojo::execute).getMessage()
        .startsWith("Invalid <serverIds> (codeartifact.serverIds) 'releases': "));
  }

  @Test
  void nothingFoundWarns() throws Exception {
    DefaultMavenExecutionRequest request = TestBuilds.request();
    MavenProject p = project("app", "1.0", List.of(repo("central", CENTRAL)), List.of(repo("central", CENTRAL)));
    AuthenticateMojo mojo = mojo(session(request, readOnlyRepoSession(), p));
    mojo.execute();
    assertEquals(List.of("WARN No CodeArtifact repository in this build and no codeartifact.serverIds: nothing to"
        + " authenticate (set codeartifact.domain and codeartifact.serverIds, or use CodeArtifact repository URLs)"),
        log.lines);
    assertTrue(request.getServers().isEmpty());
  }

  @Test
  void offlineWarnsOnce() throws Exception {
    DefaultMavenExecutionRequest request = TestBuilds.request();
    request.setOffline(true);
    mojo(codeArtifactBuild(request)).execute();
    assertEquals(List.of("WARN Offline build (-o): not requesting a CodeArtifact token; repositories that need one"
        + " will fail"), log.lines);
    assertTrue(request.getServers().isEmpty());
  }

  /** Drives the JUnit 3 style harness from JUnit 5: its setUp builds a Plexus container with this plugin's descriptor. */
  static final class Harness extends AbstractMojoTestCase {
    void start() throws Exception {
      setUp();
    }

    void stop() throws Exception {
      tearDown();
    }

    Mojo lookup(String goal, File pom) throws Exception {
      return lookupMojo(goal, pom);
    }
  }

  @Test
  void harnessConfiguresTheMojoFromAPom(@TempDir Path dir) throws Exception {
    Path pom = dir.resolve("pom.xml");
    Files.write(pom, ("<project><modelVersion>4.0.0</modelVersion><groupId>t</groupId><artifactId>t</artifactId>"
        + "<version>1</version><build><plugins><plugin><groupId>dev.codeartifact</groupId>"
        + "<artifactId>codeartifact-maven-plugin</artifactId><configuration><domain>acme</domain>"
        + "<domainOwner>123</domainOwner><durationSeconds>900</durationSeconds><skip>true</skip>"
        + "</configuration></plugin></plugins></build></project>").getBytes(StandardCharsets.UTF_8));
    Harness harness = new Harness();
    harness.start();
    try {
      Mojo found = harness.lookup("authenticate", pom.toFile());
      AuthenticateMojo mojo = assertInstanceOf(AuthenticateMojo.class, found);
      assertEquals("acme", mojo.domain);
      assertEquals("123", mojo.domainOwner);
      assertEquals("900", mojo.durationSeconds);
      assertTrue(mojo.skip);
      mojo.setLog(log);
      mojo.skip = false;
      mojo.session = codeArtifactBuild(TestBuilds.request());
      assertEquals("Invalid <domainOwner> (codeartifact.domainOwner) '123': the domain owner is an AWS account id"
          + " of exactly 12 digits", assertThrows(MojoExecutionException.class, mojo::execute).getMessage());
    } finally {
      harness.stop();
    }
  }
}
