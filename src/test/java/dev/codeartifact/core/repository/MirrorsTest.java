package dev.codeartifact.core.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MirrorsTest {
  @Test
  void exactIdBeatsAnEarlierWildcard() {
    List<Mirrors.Mirror> mirrors = List.of(new Mirrors.Mirror("all", "https://all/", "*"),
        new Mirrors.Mirror("exact", "https://exact/", "central"));
    assertEquals("exact", Mirrors.select("central", "https://repo.maven.apache.org/maven2", mirrors).id());
    assertEquals("all", Mirrors.select("other", "https://other/", mirrors).id());
  }

  @Test
  void patterns() {
    assertTrue(Mirrors.matches("*", "a", "https://a/"));
    assertTrue(Mirrors.matches("a,b", "b", "https://b/"));
    assertFalse(Mirrors.matches("a,b", "c", "https://c/"));
    assertFalse(Mirrors.matches("*,!a", "a", "https://a/"));
    assertTrue(Mirrors.matches("*,!a", "b", "https://b/"));
    assertTrue(Mirrors.matches("external:*", "a", "https://a.example/"));
    assertFalse(Mirrors.matches("external:*", "a", "http://localhost:8080/"));
    assertFalse(Mirrors.matches("external:*", "a", "file:///tmp/repo"));
    assertTrue(Mirrors.matches("external:http:*", "a", "http://a.example/"));
    assertFalse(Mirrors.matches("external:http:*", "a", "https://a.example/"));
    assertFalse(Mirrors.matches("external:http:*", "a", "http://127.0.0.1:9/"));
    assertFalse(Mirrors.matches("external:dummy-never-matches:*", "a", "http://a.example/"));
  }

  @Test
  void noMirror() {
    assertNull(Mirrors.select("a", "https://a/", List.of(new Mirrors.Mirror("m", "https://m/", "b"))));
    assertNull(Mirrors.select("a", "https://a/", List.of()));
  }
}
