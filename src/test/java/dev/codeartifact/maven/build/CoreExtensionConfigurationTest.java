package dev.codeartifact.maven.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeartifact.core.flow.BuildLog;
import dev.codeartifact.core.flow.Configuration;
import dev.codeartifact.core.flow.RecordingLog;
import dev.codeartifact.core.flow.TokenPlanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.maven.artifact.repository.ArtifactRepositoryPolicy;
import org.apache.maven.artifact.repository.MavenArtifactRepository;
import org.apache.maven.artifact.repository.layout.DefaultRepositoryLayout;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.model.Activation;
import org.apache.maven.model.Profile;
import org.apache.maven.model.Repository;
import org.apache.maven.settings.Mirror;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoreExtensionConfigurationTest {
  private static final String CA = "https://corp-111122223333.d.codeartifact.eu-west-1.amazonaws.com/maven/";

  @TempDir
  Path dir;

  private static Profile profile(String id, boolean activeByDefault, String... keyValues) {
    Profile p = new Profile();
    p.setId(id);
    if (activeByDefault) {
      Activation a = new Activation();
      a.setActiveByDefault(true);
      p.setActivation(a);
    }
    Properties props = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      props.setProperty(keyValues[i], keyValues[i + 1]);
    }
    p.setProperties(props);
    return p;
  }

  private static List<String> ids(List<Profile> profiles) {
    return profiles.stream().map(Profile::getId).collect(Collectors.toList());
  }

  @Test
  void explicitlyActiveSettingsProfilesOnly() {
    MavenExecutionRequest r = new DefaultMavenExecutionRequest();
    r.addProfile(profile("dflt", true, Configuration.DOMAIN, "from-default"));
    r.addProfile(profile("ca", false, Configuration.DOMAIN, "from-ca", Configuration.REGION, "eu-west-1"));
    r.addProfile(profile("other", false, Configuration.DOMAIN, "from-other"));
    r.addActiveProfile("ca");
    assertEquals(List.of("ca"), ids(CoreExtensionConfiguration.activeSettingsProfiles(r)));
    CoreExtensionConfiguration c = CoreExtensionConfiguration.of(r);
    assertEquals("from-ca", c.configuration.get(Configuration.DOMAIN));
    assertEquals("eu-west-1", c.configuration.get(Configuration.REGION));
    assertEquals("settings profile ca", c.sources.get(Configuration.DOMAIN));
  }

  @Test
  void activeByDefaultWhenNoneIsExplicitAndDeactivationWins() {
    MavenExecutionRequest r = new DefaultMavenExecutionRequest();
    r.addProfile(profile("dflt", true, Configuration.DOMAIN, "from-default"));
    r.addProfile(profile("off", false, Configuration.DOMAIN, "from-off"));
    assertEquals("from-default", CoreExtensionConfiguration.of(r).configuration.get(Configuration.DOMAIN));

    r.addInactiveProfile("dflt");
    assertNull(CoreExtensionConfiguration.of(r).configuration.get(Configuration.DOMAIN));

    MavenExecutionRequest r2 = new DefaultMavenExecutionRequest();
    r2.addProfile(profile("dflt", true, Configuration.DOMAIN, "from-default"));
    r2.addProfile(profile("off", false, Configuration.DOMAIN, "from-off"));
    r2.addActiveProfile("off");
    r2.addInactiveProfile("off");
    // "off" is deactivated, so no profile is explicitly active: the default one steps in.
    assertEquals(List.of("dflt"), ids(CoreExtensionConfiguration.activeSettingsProfiles(r2)));
  }

  @Test
  void userPropertiesThenSystemPropertiesThenSettingsProfiles() {
    MavenExecutionRequest r = new DefaultMavenExecutionRequest();
    r.addProfile(profile("ca", false, Configuration.DOMAIN, "p", Configuration.REGION, "p-region",
        Configuration.DURATION, "900", "unrelated", "x"));
    r.addActiveProfile("ca");
    Properties user = new Properties();
    user.setProperty(Configuration.DOMAIN, "u");
    user.setProperty(Configuration.PROFILE, "  ");
    r.setUserProperties(user);
    Properties sys = new Properties();
    sys.setProperty(Configuration.DOMAIN, "s");
    sys.setProperty(Configuration.REGION, "s-region");
    r.setSystemProperties(sys);
    CoreExtensionConfiguration c = CoreExtensionConfiguration.of(r);
    assertEquals("u", c.configuration.get(Configuration.DOMAIN));
    assertEquals("s-region", c.configuration.get(Configuration.REGION));
    assertEquals("900", c.configuration.get(Configuration.DURATION));
    assertNull(c.configuration.get(Configuration.PROFILE));
    assertEquals(CoreExtensionConfiguration.USER, c.sources.get(Configuration.DOMAIN));
    assertEquals(CoreExtensionConfiguration.SYSTEM, c.sources.get(Configuration.REGION));
    assertEquals(List.of(Configuration.DOMAIN, Configuration.DURATION, Configuration.REGION),
        c.configuration.setProperties());
  }

  @Test
  void repositoriesByServerIdAfterMirroring() throws Exception {
    Path pom = Files.writeString(dir.resolve("pom.xml"), "<project>"
        + "<repositories><repository><id>pom-repo</id><url>" + CA + "pom-repo/</url></repository>"
        + "<repository><id>skipped</id><url>${ca}/maven/x/</url></repository></repositories>"
        + "<pluginRepositories><pluginRepository><id>internal</id><url>https://nexus.example/</url></pluginRepository></pluginRepositories>"
        + "<distributionManagement><repository><id>releases</id><url>" + CA + "releases/</url></repository></distributionManagement>"
        + "</project>");
    MavenExecutionRequest r = new DefaultMavenExecutionRequest();
    r.setPom(pom.toFile());
    Mirror m = new Mirror();
    m.setId("ca-mirror");
    m.setMirrorOf("*,!internal");
    m.setUrl(CA + "mirror/");
    r.addMirror(m);
    Profile p = profile("ca", false);
    Repository settingsRepo = new Repository();
    settingsRepo.setId("settings-repo");
    settingsRepo.setUrl("https://settings.example/");
    p.addRepository(settingsRepo);
    r.addProfile(p);
    r.addActiveProfile("ca");
    ArtifactRepositoryPolicy policy = new ArtifactRepositoryPolicy();
    r.addRemoteRepository(new MavenArtifactRepository("central", "https://repo.maven.apache.org/maven2",
        new DefaultRepositoryLayout(), policy, policy));
    List<String> found = new ArrayList<>();
    for (TokenPlanner.Repository repo : CoreExtensionConfiguration.repositories(r, RecordingLog.SILENT)) {
      found.add(repo.toString());
    }
    assertEquals(List.of(
        "ca-mirror (" + CA + "mirror/)",
        "internal (https://nexus.example/)",
        "releases (" + CA + "releases/)"), found);
  }

  private List<String> pomRepositories(String pom) throws Exception {
    MavenExecutionRequest r = new DefaultMavenExecutionRequest();
    r.setPom(Files.writeString(dir.resolve("pom.xml"), pom).toFile());
    return CoreExtensionConfiguration.repositories(r, RecordingLog.SILENT).stream().map(Object::toString)
        .collect(Collectors.toList());
  }

  @Test
  void rootPomOwnRepositoriesOnlyAsWritten() throws Exception {
    assertEquals(List.of(
        "ca (" + CA + "r/)",
        "plugins (https://p.example/)",
        "rel (https://rel.example/)",
        "snap (https://snap.example/)"), pomRepositories("<?xml version=\"1.0\"?>\n"
        + "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
        + "  <parent><groupId>g</groupId><artifactId>p</artifactId><version>1</version></parent>\n"
        + "  <repositories>\n"
        + "    <repository><id> ca </id><url> " + CA + "r/ </url></repository>\n"
        + "    <repository><id>${id}</id><url>https://interpolated-id.example/</url></repository>\n"
        + "    <repository><url>https://no-id.example/</url></repository>\n"
        + "    <repository><id> </id><url>https://blank-id.example/</url></repository>\n"
        + "  </repositories>\n"
        + "  <pluginRepositories><pluginRepository><id>plugins</id><url>https://p.example/</url></pluginRepository></pluginRepositories>\n"
        + "  <distributionManagement>\n"
        + "    <repository><id>rel</id><url>https://rel.example/</url></repository>\n"
        + "    <snapshotRepository><id>snap</id><url>https://snap.example/</url></snapshotRepository>\n"
        + "    <site><id>site</id><url>scp://site/</url></site>\n"
        + "  </distributionManagement>\n"
        + "  <profiles><profile><id>x</id><repositories><repository><id>inprofile</id><url>https://x/</url></repository></repositories></profile></profiles>\n"
        + "  <build><plugins><plugin><configuration><repositories><repository><id>nested</id><url>https://n/</url></repository></repositories></configuration></plugin></plugins></build>\n"
        + "</project>\n"));
  }

  @Test
  void rootPomWithExternalEntityOrBrokenGivesNothing() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), CA + "leaked/");
    assertEquals(List.of(), pomRepositories("<?xml version=\"1.0\"?>\n<!DOCTYPE project [<!ENTITY x SYSTEM \""
        + secret.toUri() + "\">]>\n<project><repositories><repository><id>a</id><url>&x;</url></repository></repositories></project>"));
    assertEquals(List.of(), pomRepositories("<project><repositories>"));
    MavenExecutionRequest absent = new DefaultMavenExecutionRequest();
    absent.setPom(dir.resolve("absent.xml").toFile());
    assertEquals(List.of(), CoreExtensionConfiguration.repositories(absent, RecordingLog.SILENT));
  }

  @Test
  void rootPomFromMultiModuleDirectory() throws Exception {
    Files.writeString(dir.resolve("pom.xml"), "<project/>");
    MavenExecutionRequest r = new DefaultMavenExecutionRequest();
    r.setMultiModuleProjectDirectory(dir.toFile());
    assertEquals(dir.resolve("pom.xml"), CoreExtensionConfiguration.rootPom(r));
  }
}
