package dev.codeartifact.core.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MirrorsTest {
  @Test
  void exactIdBeatsAnEarlierWildcard() {
    List<Mirrors.Mirror> mirrors = List.of(new Mirrors.Mirror("all", "https://all/", "*"),
        new Mirrors.Mirror("exact", "https://exact/", "central"));
    assertEquals("exact", Mirrors.select("central", "https://repo.maven.apache.org/maven2", mirrors).id());
    assertEquals("all", Mirrors.select("other", "https://other/", mirrors).id());
  }

  @ParameterizedTest(name = "{0} matches {1} at {2}: {3}")
  @CsvSource({
      "*, a, https://a/, true",
      "'a,b', b, https://b/, true",
      "'a,b', c, https://c/, false",
      "'*,!a', a, https://a/, false",
      "'*,!a', b, https://b/, true",
      "external:*, a, https://a.example/, true",
      "external:*, a, http://localhost:8080/, false",
      "external:*, a, file:///tmp/repo, false",
      "external:http:*, a, http://a.example/, true",
      "external:http:*, a, https://a.example/, false",
      "external:http:*, a, http://127.0.0.1:9/, false",
      "external:dummy-never-matches:*, a, http://a.example/, false"
  })
  void patterns(String pattern, String id, String url, boolean matches) {
    assertEquals(matches, Mirrors.matches(pattern, id, url));
  }

  @Test
  void noMirror() {
    assertNull(Mirrors.select("a", "https://a/", List.of(new Mirrors.Mirror("m", "https://m/", "b"))));
    assertNull(Mirrors.select("a", "https://a/", List.of()));
  }
}
