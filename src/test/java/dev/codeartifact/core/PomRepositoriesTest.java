package dev.codeartifact.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXException;

class PomRepositoriesTest {
  @TempDir
  Path dir;

  private static List<String> read(String xml) throws Exception {
    return PomRepositories.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).stream()
        .map(e -> e.kind() + " " + e.id() + " " + e.url()).collect(Collectors.toList());
  }

  @Test
  void readsRepositoriesPluginRepositoriesAndDistribution() throws Exception {
    String pom = "<?xml version=\"1.0\"?>\n"
        + "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
        + "  <parent><groupId>g</groupId><artifactId>p</artifactId><version>1</version></parent>\n"
        + "  <repositories>\n"
        + "    <repository><id>ca</id><url> https://d-111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/r/ </url></repository>\n"
        + "    <repository><id>interpolated</id><url>${repo.url}/maven/r/</url></repository>\n"
        + "    <repository><url>https://no-id.example/</url></repository>\n"
        + "  </repositories>\n"
        + "  <pluginRepositories><pluginRepository><id>plugins</id><url>https://p.example/</url></pluginRepository></pluginRepositories>\n"
        + "  <distributionManagement>\n"
        + "    <repository><id>rel</id><url>https://rel.example/</url></repository>\n"
        + "    <snapshotRepository><id>snap</id><url>https://snap.example/</url></snapshotRepository>\n"
        + "    <site><id>site</id><url>scp://site/</url></site>\n"
        + "  </distributionManagement>\n"
        + "  <profiles><profile><id>x</id><repositories><repository><id>inprofile</id><url>https://x/</url></repository></repositories></profile></profiles>\n"
        + "  <build><plugins><plugin><configuration><repositories><repository><id>nested</id><url>https://n/</url></repository></repositories></configuration></plugin></plugins></build>\n"
        + "</project>\n";
    assertEquals(List.of(
        "REPOSITORY ca https://d-111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/r/",
        "PLUGIN_REPOSITORY plugins https://p.example/",
        "DISTRIBUTION rel https://rel.example/",
        "DISTRIBUTION snap https://snap.example/"), read(pom));
  }

  @Test
  void worksWithoutNamespace() throws Exception {
    assertEquals(List.of("REPOSITORY a https://a/"),
        read("<project><repositories><repository><id>a</id><url>https://a/</url></repository></repositories></project>"));
    assertEquals(List.of(), read("<settings><repositories><repository><id>a</id><url>https://a/</url></repository></repositories></settings>"));
  }

  @Test
  void refusesDoctypeAndExternalEntities() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "https://leaked/");
    String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE project [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
        + "<project><repositories><repository><id>a</id><url>&x;</url></repository></repositories></project>";
    assertThrows(SAXException.class, () -> read(xxe));
    String bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE project [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>\n"
        + "<project><repositories><repository><id>a</id><url>&b;</url></repository></repositories></project>";
    assertThrows(SAXException.class, () -> read(bomb));
    // Through the file entry point: no exception, no entries, a debug line at most.
    Path pom = Files.writeString(dir.resolve("pom.xml"), xxe);
    assertTrue(PomRepositories.read(pom, BuildLog.SILENT).isEmpty());
  }

  @Test
  void missingOrBrokenFileGivesNothing() throws Exception {
    assertTrue(PomRepositories.read(dir.resolve("absent.xml"), BuildLog.SILENT).isEmpty());
    assertTrue(PomRepositories.read(null, BuildLog.SILENT).isEmpty());
    Path broken = Files.writeString(dir.resolve("broken.xml"), "<project><repositories>");
    assertTrue(PomRepositories.read(broken, BuildLog.SILENT).isEmpty());
  }
}
