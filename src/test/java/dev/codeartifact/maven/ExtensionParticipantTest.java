package dev.codeartifact.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codeartifact.core.flow.BuildLog;
import dev.codeartifact.core.flow.Configuration;
import dev.codeartifact.core.flow.RecordingLog;
import dev.codeartifact.maven.build.MavenBuild;
import dev.codeartifact.maven.build.PomConfiguration;
import java.io.File;
import java.util.Arrays;
import org.apache.maven.MavenExecutionException;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

/** Where the build extension takes its configuration from, in what order. */
class ExtensionParticipantTest {

  private static Xpp3Dom dom(String... nameValues) {
    Xpp3Dom dom = new Xpp3Dom("configuration");
    for (int i = 0; i < nameValues.length; i += 2) {
      Xpp3Dom child = new Xpp3Dom(nameValues[i]);
      child.setValue(nameValues[i + 1]);
      dom.addChild(child);
    }
    return dom;
  }

  private static MavenSession session(DefaultMavenExecutionRequest request, Xpp3Dom pluginConfig,
      Xpp3Dom executionConfig, String executionGoal) {
    MavenProject project = new MavenProject();
    project.getProperties().setProperty(Configuration.REGION, "eu-west-1");
    project.getProperties().setProperty(Configuration.PROFILE, "from-project");
    Plugin plugin = new Plugin();
    plugin.setGroupId("dev.codeartifact");
    plugin.setArtifactId("codeartifact-maven-plugin");
    plugin.setConfiguration(pluginConfig);
    if (executionConfig != null) {
      PluginExecution execution = new PluginExecution();
      execution.setGoals(Arrays.asList(executionGoal));
      execution.setConfiguration(executionConfig);
      plugin.addExecution(execution);
    }
    project.getBuild().addPlugin(plugin);
    return TestBuilds.session(request, null, new MavenProject(), project);
  }

  @Test
  void pluginThenExecutionThenPropertiesWithManyElements() {
    // More elements than the JDK's reflection inflation threshold, in one DOM.
    Xpp3Dom plugin = dom("domain", "corp", "domainOwner", "111122223333", "durationSeconds", "3600",
        "serverIds", "a,b", "cache", "false", "connectTimeout", "5", "readTimeout", "7", "fips", "false",
        "dualstack", "false", "failOnError", "true", "unknownElement", "x", "endpoint", "${not.resolved}",
        "skip", " ", "domain", "second-of-a-repeated-element");
    Xpp3Dom execution = dom("domain", "from-execution", "profile", "from-execution");
    DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
    request.getUserProperties().setProperty(Configuration.DURATION, "7200");
    request.getUserProperties().setProperty(Configuration.ENDPOINT, "https://from-user-property.example");

    Configuration c = PomConfiguration.of(session(request, plugin, execution, "authenticate"), RecordingLog.SILENT);

    assertEquals("from-execution", c.get(Configuration.DOMAIN));
    assertEquals("from-execution", c.get(Configuration.PROFILE));
    assertEquals("111122223333", c.get(Configuration.DOMAIN_OWNER));
    assertEquals("3600", c.get(Configuration.DURATION), "the POM's configuration wins over -D");
    assertEquals("a,b", c.get(Configuration.SERVER_IDS));
    assertEquals("7", c.get(Configuration.READ_TIMEOUT));
    assertEquals("https://from-user-property.example", c.get(Configuration.ENDPOINT),
        "an unresolved ${...} counts as unset");
    assertNull(c.get(Configuration.SKIP), "a blank value counts as unset");
    assertEquals("eu-west-1", c.get(Configuration.REGION), "project properties come last");
  }

  @Test
  void executionOfAnotherGoalIsNotRead() {
    Configuration c = PomConfiguration.of(session(new DefaultMavenExecutionRequest(),
        dom("domain", "corp"), dom("domain", "for-token-goal"), "token"), RecordingLog.SILENT);
    assertEquals("corp", c.get(Configuration.DOMAIN));
  }

  @Test
  void emptyOrMissingConfiguration() {
    Configuration c = PomConfiguration.of(session(new DefaultMavenExecutionRequest(), dom(),
        null, null), RecordingLog.SILENT);
    assertNull(c.get(Configuration.DOMAIN));
    c = PomConfiguration.of(session(new DefaultMavenExecutionRequest(), null, null, null), RecordingLog.SILENT);
    assertEquals("from-project", c.get(Configuration.PROFILE));
  }

  @Test
  void withoutAPluginDeclarationTheTopLevelProjectsPropertiesCount() {
    // <build><extensions> or .mvn/extensions.xml: no <plugin>, configuration by properties.
    MavenProject top = new MavenProject();
    top.getProperties().setProperty(Configuration.DOMAIN, "from-top-level");
    top.setExecutionRoot(true);
    MavenProject module = new MavenProject();
    module.getProperties().setProperty(Configuration.DOMAIN, "from-module");
    DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
    assertEquals("from-top-level", PomConfiguration.of(
        TestBuilds.session(request, null, module, top), RecordingLog.SILENT).get(Configuration.DOMAIN));
    request.getUserProperties().setProperty(Configuration.DOMAIN, "from-user-property");
    assertEquals("from-user-property", PomConfiguration.of(
        TestBuilds.session(request, null, module, top), RecordingLog.SILENT).get(Configuration.DOMAIN));
  }

  @Test
  void afterSessionStartThrowsOnlyTheFailureOfItsOwnRequest() throws Exception {
    DefaultMavenExecutionRequest failed = new DefaultMavenExecutionRequest();
    failed.setPom(new File("pom.xml"));
    DefaultMavenExecutionRequest other = new DefaultMavenExecutionRequest();
    MavenBuild.notes(failed).failure("Invalid codeartifact.domain 'x'");
    new ExtensionParticipant().afterSessionStart(TestBuilds.session(other, null));
    MavenExecutionException e = assertThrows(MavenExecutionException.class,
        () -> new ExtensionParticipant().afterSessionStart(TestBuilds.session(failed, null)));
    assertEquals("Invalid codeartifact.domain 'x'", e.getMessage());
    assertEquals(new File("pom.xml"), e.getPomFile());
  }
}
