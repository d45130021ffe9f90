package dev.codeartifact.core.settings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.codeartifact.core.flow.CodeArtifactException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

class SettingsEditorTest {
  private static final String MAIN = "codeartifact";
  private static final String SNAPSHOTS = "codeartifact-snapshots";
  private static final String TOKEN = "eyJ2ZXIiOjEsImlzdSI6MTcwMDAwMDAwMH0.tok&<>\"'en/+=";
  private static final String TOKEN2 = "second-token-AAAA";
  private static final Instant EXPIRY = Instant.parse("2026-11-28T14:00:00.123Z");
  private static final String MARKER =
      "<!-- managed by codeartifact-maven-plugin: token expires 2026-11-28T14:00:00Z -->";

  /** Files in which only new servers are added (remove restores them byte for byte). */
  static Stream<String> corpus() {
    return Stream.of("maven-default.xml", "comments.xml", "cdata-password.xml", "encrypted.xml",
        "no-namespace.xml", "crlf.xml", "bom-utf8.xml", "no-servers.xml", "tabs.xml", "four-spaces.xml",
        "non-ascii-comments.xml", "prefixed.xml", "no-trailing-newline.xml", "one-line-servers.xml");
  }

  static Stream<String> allCorpus() {
    return Stream.concat(corpus(), Stream.of("existing-server.xml", "servers-self-closing.xml"));
  }

  private static Map<String, String> tokens() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(MAIN, TOKEN);
    m.put(SNAPSHOTS, TOKEN2);
    return m;
  }

  // ---------------------------------------------------------------------------------------------
  // Corpus

  @ParameterizedTest
  @MethodSource("allCorpus")
  void upsertGivesWellFormedSettingsWithTheRequestedCredentials(String name) throws Exception {
    String original = resource(name);
    SettingsEditor.Result r = SettingsEditor.upsertServers(original, tokens(), "aws", EXPIRY);

    assertTrue(r.changed());
    Document doc = parse(r.content());
    assertArrayEquals(new String[] {"aws", TOKEN}, credentials(doc, MAIN));
    assertArrayEquals(new String[] {"aws", TOKEN2}, credentials(doc, SNAPSHOTS));
    assertFalse(r.toString().contains(TOKEN), "toString must not leak");
    assertFalse(r.toString().contains(TOKEN2), "toString must not leak");
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void addingOnlyInsertsLinesAndRemoveRestoresTheOriginal(String name) throws Exception {
    String original = resource(name);
    SettingsEditor.Result r = SettingsEditor.upsertServers(original, tokens(), "aws", EXPIRY);
    assertEquals(Arrays.asList(MAIN, SNAPSHOTS), r.added());
    assertEquals(Collections.emptyList(), r.updated());

    // (a) nothing of the original is removed or changed: every original line survives in order and
    // the lines that appear are only our servers (whole lines or, for one-line files, inside a line).
    List<String> before = lines(original);
    List<String> after = lines(r.content());
    Diff diff = diff(before, after);
    if (!name.equals("one-line-servers.xml")) {
      assertEquals(Collections.emptyList(), diff.removed, name + ": no original line may change");
      for (String line : diff.added) {
        assertTrue(isOurLine(line), name + ": unexpected added line: " + line.replace(TOKEN, "***"));
      }
    }
    assertEquals(2, count(r.content(), "managed by codeartifact-maven-plugin"));
    assertTrue(r.content().contains(MARKER), name);

    // Line endings: the file's own.
    if (original.contains("\r\n")) {
      assertFalse(r.content().replace("\r\n", "").contains("\n"), name + ": bare LF inserted in a CRLF file");
    } else {
      assertFalse(r.content().contains("\r"), name + ": CR inserted in an LF file");
    }

    // (c) remove brings back the original byte for byte, by id and as "all of ours".
    SettingsEditor.Result back = SettingsEditor.removeServers(r.content(), new LinkedHashSet<>(tokens().keySet()));
    assertEquals(original, back.content(), name);
    assertEquals(Arrays.asList(MAIN, SNAPSHOTS), back.removed());
    assertEquals(original, SettingsEditor.removeServers(r.content(), Collections.<String>emptySet()).content(), name);
  }

  @Test
  void commentedOutServerWithTheSameIdIsNotAServer() throws Exception {
    String original = resource("comments.xml");
    String commented = original.substring(original.indexOf("<!-- The old way"), original.indexOf("-->\n    <server>") + 3);
    SettingsEditor.Result r = SettingsEditor.upsertServers(original, tokens(), "aws", EXPIRY);
    assertEquals(Arrays.asList(MAIN, SNAPSHOTS), r.added());
    assertTrue(r.content().contains(commented));
    assertTrue(r.content().contains("<!-- <server><id>codeartifact-snapshots</id></server> -->"));
    assertTrue(r.content().contains("<?some-tool keep=\"this <server> too\"?>"));
    // The mirror with id "codeartifact" is not a server either.
    assertTrue(r.content().contains("<mirror>\n      <id>codeartifact</id>"));
  }

  /**
   * The server block the editor adds for codeartifact (user aws, password t): at {@code indent}, its children
   * one {@code step} deeper, every line ending in {@code eol}, every element name prefixed with {@code prefix}.
   */
  private static String managedServer(String indent, String step, String eol, String prefix) {
    String child = indent + step;
    return indent + "<" + prefix + "server>" + eol
        + child + "<!-- managed by codeartifact-maven-plugin -->" + eol
        + child + "<" + prefix + "id>codeartifact</" + prefix + "id>" + eol
        + child + "<" + prefix + "username>aws</" + prefix + "username>" + eol
        + child + "<" + prefix + "password>t</" + prefix + "password>" + eol
        + indent + "</" + prefix + "server>" + eol;
  }

  @Test
  void newServersFollowTheFilesIndentation() throws Exception {
    String four = SettingsEditor.upsertServers(resource("four-spaces.xml"), single(MAIN, "t"), "aws", null).content();
    assertTrue(four.contains("        </server>\n" + managedServer("        ", "    ", "\n", "") + "    </servers>\n"),
        four);

    String tabs = SettingsEditor.upsertServers(resource("tabs.xml"), single(MAIN, "t"), "aws", null).content();
    assertTrue(tabs.contains("\t\t</server>\n" + managedServer("\t\t", "\t", "\n", "") + "\t</servers>\n"), tabs);

    String crlf = SettingsEditor.upsertServers(resource("crlf.xml"), single(MAIN, "t"), "aws", null).content();
    assertTrue(crlf.contains("    </server>\r\n" + managedServer("    ", "  ", "\r\n", "") + "  </servers>\r\n"), crlf);

    String prefixed = SettingsEditor.upsertServers(resource("prefixed.xml"), single(MAIN, "t"), "aws", null).content();
    assertTrue(prefixed.contains(managedServer("    ", "  ", "\n", "s:") + "  </s:servers>"), prefixed);
  }

  @Test
  void missingServersElementIsCreatedBeforeTheEndOfSettings() throws Exception {
    String original = resource("no-servers.xml");
    String result = SettingsEditor.upsertServers(original, single(MAIN, "t"), "aws", null).content();
    assertEquals(original.replace("  </profiles>\n</settings>",
        "  </profiles>\n  <servers>\n" + managedServer("    ", "  ", "\n", "") + "  </servers>\n</settings>"), result);
  }

  @Test
  void selfClosingServersIsExpandedAndRemovedWhenEmptiedAgain() throws Exception {
    String original = resource("servers-self-closing.xml");
    SettingsEditor.Result r = SettingsEditor.upsertServers(original, tokens(), "aws", EXPIRY);
    assertTrue(r.content().contains("  <servers>\n    <server>\n      " + MARKER + "\n"), r.content());
    assertTrue(r.content().contains("    </server>\n  </servers>\n  <mirrors/>\n"));
    diffOutside(original, r.content(), "  <servers/>\n", "  <mirrors/>");
    // Removing our servers removes the then-empty <servers> too: semantically the same as <servers/>.
    String back = SettingsEditor.removeServers(r.content(), Collections.<String>emptySet()).content();
    assertEquals(original.replace("  <servers/>\n", ""), back);
  }

  @Test
  void existingServerKeepsEverythingButUsernameAndPassword() throws Exception {
    String original = resource("existing-server.xml");
    SettingsEditor.Result r = SettingsEditor.upsertServers(original, tokens(), "aws", EXPIRY);
    assertEquals(Collections.singletonList(SNAPSHOTS), r.added());
    assertEquals(Collections.singletonList(MAIN), r.updated());
    assertEquals(Collections.singletonList(MAIN), r.unmanaged(), "a server the user wrote is reported");

    // Byte for byte outside the touched server (up to the appended one).
    int[] was = serverRange(original, MAIN);
    int[] is = serverRange(r.content(), MAIN);
    assertEquals(original.substring(0, was[0]), r.content().substring(0, is[0]));
    String tail = r.content().substring(is[1]);
    String addedServer = tail.substring(tail.indexOf("\n    <server>\n      " + MARKER), tail.indexOf("  </servers>") - 1);
    assertEquals(original.substring(was[1]), tail.replace(addedServer, ""));

    // Inside the server: only the username and password text changed.
    String oldServer = original.substring(was[0], was[1]);
    String newServer = r.content().substring(is[0], is[1]);
    assertEquals(oldServer
            .replace("<username>olduser</username>", "<username>aws</username>")
            .replace("<password>{COQLCE6DU6GtcS5P=}</password>", "<password>" + escaped(TOKEN) + "</password>"),
        newServer);
    assertFalse(newServer.contains("managed by"), "a user's server is not marked as ours");

    // Logout removes our entry only and reports the user's one.
    SettingsEditor.Result out = SettingsEditor.removeServers(r.content(), new LinkedHashSet<>(tokens().keySet()));
    assertEquals(Collections.singletonList(SNAPSHOTS), out.removed());
    assertEquals(Collections.singletonList(MAIN), out.unmanaged());
    assertEquals(r.content().replace(addedServer, ""), out.content());
  }

  @Test
  void missingUsernameAndPasswordAreInsertedAfterId() throws Exception {
    String original = "<settings>\n  <servers>\n    <server>\n      <id>codeartifact</id>\n"
        + "      <configuration><timeout>5</timeout></configuration>\n    </server>\n  </servers>\n</settings>\n";
    String result = SettingsEditor.upsertServers(original, single(MAIN, "t"), "aws", null).content();
    assertEquals("<settings>\n  <servers>\n    <server>\n      <id>codeartifact</id>\n"
        + "      <username>aws</username>\n      <password>t</password>\n"
        + "      <configuration><timeout>5</timeout></configuration>\n    </server>\n  </servers>\n</settings>\n",
        result);

    String onlyUser = original.replace("<id>codeartifact</id>\n", "<id>codeartifact</id>\n      <username/>\n");
    assertEquals("<settings>\n  <servers>\n    <server>\n      <id>codeartifact</id>\n"
        + "      <username>aws</username>\n      <password>t</password>\n"
        + "      <configuration><timeout>5</timeout></configuration>\n    </server>\n  </servers>\n</settings>\n",
        SettingsEditor.upsertServers(onlyUser, single(MAIN, "t"), "aws", null).content());

    String inline = "<settings><servers><server><id>codeartifact</id><password>old</password></server></servers></settings>";
    assertEquals("<settings><servers><server><id>codeartifact</id><username>aws</username><password>t</password>"
        + "</server></servers></settings>", SettingsEditor.upsertServers(inline, single(MAIN, "t"), "aws", null).content());
  }

  @Test
  void secondLoginUpdatesOurEntriesAndTheirMarker() throws Exception {
    String original = resource("comments.xml");
    String first = SettingsEditor.upsertServers(original, tokens(), "aws", EXPIRY).content();
    Map<String, String> next = new LinkedHashMap<>();
    next.put(MAIN, "renewed-1");
    next.put(SNAPSHOTS, "renewed-2");
    SettingsEditor.Result second = SettingsEditor.upsertServers(first, next, "aws", Instant.parse("2026-11-29T02:00:00Z"));
    assertEquals(Collections.emptyList(), second.added());
    assertEquals(Arrays.asList(MAIN, SNAPSHOTS), second.updated());
    assertEquals(Collections.emptyList(), second.unmanaged());
    assertEquals(first.replace(escaped(TOKEN), "renewed-1").replace(TOKEN2, "renewed-2")
        .replace("2026-11-28T14:00:00Z", "2026-11-29T02:00:00Z"), second.content());
    assertEquals(original, SettingsEditor.removeServers(second.content(), Collections.<String>emptySet()).content());

    SettingsEditor.Result same = SettingsEditor.upsertServers(second.content(), next, "aws", Instant.parse("2026-11-29T02:00:00Z"));
    assertFalse(same.changed());
  }

  @Test
  void specialCharactersAreEscaped() throws Exception {
    String result = SettingsEditor.upsertServers(SettingsEditor.newSettings(), single(MAIN, "a&b<c>d\"e'f"),
        "u&<>", null).content();
    assertTrue(result.contains("<password>a&amp;b&lt;c&gt;d&quot;e&apos;f</password>"), result);
    assertTrue(result.contains("<username>u&amp;&lt;&gt;</username>"), result);
    assertArrayEquals(new String[] {"u&<>", "a&b<c>d\"e'f"}, credentials(parse(result), MAIN));
  }

  @Test
  void removeLeavesUnmarkedServersAndReportsUnknownIds() throws Exception {
    String original = resource("encrypted.xml");
    Set<String> ids = new LinkedHashSet<>(Arrays.asList("releases", "nope"));
    SettingsEditor.Result r = SettingsEditor.removeServers(original, ids);
    assertFalse(r.changed());
    assertEquals(original, r.content());
    assertEquals(Collections.singletonList("releases"), r.unmanaged());
    assertEquals(Collections.singletonList("nope"), r.notFound());
    assertEquals(Collections.emptyList(), r.removed());
  }

  @Test
  void invalidIdsAndValuesAreRejectedWithoutEchoingSecrets() {
    for (String bad : Arrays.asList("bad id", "a/b", "", "x<y")) {
      CodeArtifactException e = assertThrows(CodeArtifactException.class,
          () -> SettingsEditor.upsertServers(SettingsEditor.newSettings(), single(bad, "t"), "aws", null));
      assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
    CodeArtifactException e = assertThrows(CodeArtifactException.class,
        () -> SettingsEditor.removeServers(SettingsEditor.newSettings(), Collections.singleton("a b")));
    assertTrue(e.getMessage().contains("'a b'"));

    String secret = "top\u0001secret";
    e = assertThrows(CodeArtifactException.class,
        () -> SettingsEditor.upsertServers(SettingsEditor.newSettings(), single(MAIN, secret), "aws", null));
    assertFalse(e.getMessage().contains("secret"), e.getMessage());
    assertTrue(e.getMessage().contains(MAIN), e.getMessage());
    e = assertThrows(CodeArtifactException.class,
        () -> SettingsEditor.upsertServers(SettingsEditor.newSettings(), single(MAIN, " padded "), "aws", null));
    assertFalse(e.getMessage().contains("padded"), e.getMessage());
  }

  @Test
  void rootOtherThanSettingsIsRefused() {
    CodeArtifactException e = assertThrows(CodeArtifactException.class,
        () -> SettingsEditor.upsertServers("<project><servers/></project>", single(MAIN, "t"), "aws", null));
    assertTrue(e.getMessage().contains("not a Maven settings file"), e.getMessage());
  }

  @Test
  void newSettingsIsWellFormedWithTheStandardHeader() throws Exception {
    String s = SettingsEditor.newSettings();
    Document doc = parse(s);
    assertEquals("settings", doc.getDocumentElement().getLocalName());
    assertEquals("http://maven.apache.org/SETTINGS/1.0.0", doc.getDocumentElement().getNamespaceURI());
    assertTrue(s.contains("xsi:schemaLocation="));
    assertFalse(SettingsEditor.newSettings("\r\n").replace("\r\n", "").contains("\n"));
  }

  // ---------------------------------------------------------------------------------------------
  // Files

  @Test
  void loginCreatesAMissingFileAndLogoutLeavesAnEmptySettings(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("home/.m2/settings.xml");
    SettingsEditor.Result r = SettingsEditor.login(file, tokens(), "aws", EXPIRY);
    assertTrue(r.changed());
    assertNull(r.backup());
    assertEquals(Arrays.asList(MAIN, SNAPSHOTS), r.added());
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    assertArrayEquals(new String[] {"aws", TOKEN}, credentials(parse(text), MAIN));
    assertPrivate(file);
    if (posix(dir)) {
      assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    }

    SettingsEditor.Result out = SettingsEditor.logout(file, Collections.<String>emptySet());
    assertEquals(Arrays.asList(MAIN, SNAPSHOTS), out.removed());
    assertEquals(SettingsEditor.newSettings(System.lineSeparator()),
        new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    assertEquals(SettingsEditor.backupFile(file), out.backup());
  }

  @Test
  void loginKeepsAPrivateBackupAndWritesAPrivateFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("settings.xml");
    byte[] original = resourceBytes("existing-server.xml");
    Files.write(file, original);
    if (posix(dir)) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
    SettingsEditor.Result r = SettingsEditor.login(file, tokens(), "aws", EXPIRY);
    Path backup = dir.resolve("settings.xml.codeartifact.bak");
    assertEquals(backup, r.backup());
    assertArrayEquals(original, Files.readAllBytes(backup));
    assertPrivate(file);
    assertPrivate(backup);
    assertEquals(r.content(), new String(Files.readAllBytes(file), StandardCharsets.UTF_8));

    // Same values again: nothing is written.
    long modified = Files.getLastModifiedTime(file).toMillis();
    SettingsEditor.Result again = SettingsEditor.login(file, tokens(), "aws", EXPIRY);
    assertFalse(again.changed());
    assertNull(again.backup());
    assertEquals(modified, Files.getLastModifiedTime(file).toMillis());
  }

  @Test
  void bomCrlfAndCharsetSurviveARoundTrip(@TempDir Path dir) throws Exception {
    for (String name : Arrays.asList("bom-utf8.xml", "crlf.xml", "non-ascii-comments.xml")) {
      Path file = dir.resolve(name);
      byte[] original = resourceBytes(name);
      Files.write(file, original);
      SettingsEditor.login(file, tokens(), "aws", EXPIRY);
      byte[] edited = Files.readAllBytes(file);
      if (name.startsWith("bom")) {
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(edited, 3));
        assertTrue(new String(edited, StandardCharsets.UTF_8).contains("café"));
      }
      SettingsEditor.Result out = SettingsEditor.logout(file, new LinkedHashSet<>(tokens().keySet()));
      assertEquals(Arrays.asList(MAIN, SNAPSHOTS), out.removed());
      assertArrayEquals(original, Files.readAllBytes(file), name);
    }

    // A declared single-byte encoding is honoured.
    String latin = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<settings>\n  <!-- caf\u00e9 -->\n</settings>\n";
    byte[] latinBytes = latin.getBytes(StandardCharsets.ISO_8859_1);
    Path file = dir.resolve("latin.xml");
    Files.write(file, latinBytes);
    SettingsEditor.login(file, single(MAIN, "t"), "aws", null);
    byte[] edited = Files.readAllBytes(file);
    assertTrue(new String(edited, StandardCharsets.ISO_8859_1).contains("<!-- caf\u00e9 -->"));
    SettingsEditor.logout(file, Collections.singleton(MAIN));
    assertArrayEquals(latinBytes, Files.readAllBytes(file));
  }

  @Test
  void malformedFileIsLeftUntouchedWithAOneLineError(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("settings.xml");
    String broken = "<settings>\n  <servers>\n    <server>\n      <id>x</id>\n"
        + "      <password>super-secret-value&bad</password>\n    </server>\n</settings>\n";
    Files.write(file, broken.getBytes(StandardCharsets.UTF_8));
    CodeArtifactException e = assertThrows(CodeArtifactException.class,
        () -> SettingsEditor.login(file, tokens(), "aws", EXPIRY));
    String msg = e.getMessage();
    assertTrue(msg.contains(file.toString()), msg);
    assertTrue(msg.matches(".*\\(line \\d+, column \\d+\\).*"), msg);
    assertFalse(msg.contains("super-secret"), msg);
    assertFalse(msg.contains("\n"), msg);
    assertFalse(msg.contains(TOKEN), msg);
    assertEquals(broken, new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    assertFalse(Files.exists(SettingsEditor.backupFile(file)));

    CodeArtifactException e2 = assertThrows(CodeArtifactException.class,
        () -> SettingsEditor.logout(file, Collections.<String>emptySet()));
    assertTrue(e2.getMessage().contains("not well-formed"), e2.getMessage());
  }

  /**
   * A settings file with a DOCTYPE declaring external entities (a local file, and an external DTD, a general
   * and a parameter entity on a local listener) is edited like any other: the server is added after the
   * DOCTYPE (not in the comment inside it), the declarations and references stay as written, and neither the
   * edit nor its check fetches anything.
   */
  @Test
  void externalEntitiesAreNeverResolved(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.write(secret, "XXE-SECRET-CONTENT".getBytes(StandardCharsets.UTF_8));
    AtomicInteger fetches = new AtomicInteger();
    try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread accept = new Thread(() -> {
        try {
          while (true) {
            try (Socket s = listener.accept()) {
              fetches.incrementAndGet();
              // answer like a web server (an empty document), so a parser that fetches goes on parsing
              BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                  StandardCharsets.ISO_8859_1));
              for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                // the request is not needed
              }
              s.getOutputStream().write("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n"
                  .getBytes(StandardCharsets.ISO_8859_1));
            }
          }
        } catch (IOException closed) {
          // the test is over
        }
      }, "xxe-listener");
      accept.setDaemon(true);
      accept.start();
      String base = "http://127.0.0.1:" + listener.getLocalPort();
      Path file = dir.resolve("settings.xml");
      String doctype = "<?xml version=\"1.0\"?>\n<!DOCTYPE settings SYSTEM \"" + base + "/settings.dtd\" [\n"
          + "  <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">\n"
          + "  <!ENTITY net SYSTEM \"" + base + "/entity\">\n"
          + "  <!ENTITY % param SYSTEM \"" + base + "/param\">\n"
          + "  %param;\n"
          + "  <!-- <servers><server><id>codeartifact</id></server></servers> -->\n]>\n";
      String xml = doctype
          + "<settings>\n  <localRepository>&xxe;</localRepository>\n  <offline>&net;</offline>\n</settings>\n";
      Files.write(file, xml.getBytes(StandardCharsets.UTF_8));
      SettingsEditor.Result r;
      try {
        r = SettingsEditor.login(file, single(MAIN, "t"), "aws", null);
      } catch (CodeArtifactException e) {
        assertFalse(e.getMessage().contains("XXE-SECRET"), "the error quotes the external entity");
        throw new AssertionError("a settings file with a DOCTYPE was refused: " + e.getMessage(), e);
      }
      assertEquals(Collections.singletonList(MAIN), r.added());
      String written = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      assertFalse(written.contains("XXE-SECRET"));
      assertEquals(doctype
          + "<settings>\n  <localRepository>&xxe;</localRepository>\n  <offline>&net;</offline>\n"
          + "  <servers>\n" + managedServer("    ", "  ", "\n", "") + "  </servers>\n</settings>\n", written);
      // a fetch started by the parser would have connected by now; give a late one a moment anyway
      Thread.sleep(200);
      assertEquals(0, fetches.get(), "the DTD or an external entity was fetched");
    }
  }

  @Test
  void aSymbolicLinkIsFollowed(@TempDir Path dir) throws Exception {
    assumeTrue(posix(dir), "the file system of the temporary folder has no POSIX symbolic links");
    Path real = dir.resolve("dotfiles/settings.xml");
    Files.createDirectories(real.getParent());
    Files.write(real, resourceBytes("no-namespace.xml"));
    Path link = dir.resolve("settings.xml");
    Files.createSymbolicLink(link, real);
    SettingsEditor.Result r = SettingsEditor.login(link, single(MAIN, "t"), "aws", null);
    assertTrue(Files.isSymbolicLink(link));
    assertEquals(real.toRealPath(), r.file());
    assertTrue(new String(Files.readAllBytes(real), StandardCharsets.UTF_8).contains("<id>codeartifact</id>"));
  }

  @Test
  void logoutOfAMissingFileDoesNothing(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("settings.xml");
    SettingsEditor.Result r = SettingsEditor.logout(file, Collections.singleton(MAIN));
    assertFalse(r.changed());
    assertEquals(Collections.singletonList(MAIN), r.notFound());
    assertFalse(Files.exists(file));
  }

  // Cases the StAX parser needs help with (see SettingsXml).

  @Test
  void loneCarriageReturnLineEndsAreKept() throws Exception {
    String original = resource("no-namespace.xml").replace("\n", "\r");
    SettingsEditor.Result r = SettingsEditor.upsertServers(original, single(MAIN, "t"), "aws", null);
    assertTrue(r.content().contains("    </server>\r" + managedServer("    ", "  ", "\r", "")
        + "  </servers>\r</settings>\r"), r.content());
    assertFalse(r.content().contains("\n"));
    assertEquals(original, SettingsEditor.removeServers(r.content(), Collections.<String>emptySet()).content());
  }

  @Test
  void undeclaredEntityIsNotWellFormed() {
    CodeArtifactException e = assertThrows(CodeArtifactException.class, () -> SettingsEditor.upsertServers(
        "<settings>\n  <offline>&nope;</offline>\n</settings>\n", single(MAIN, "t"), "aws", null));
    assertEquals("settings content is not well-formed XML (line 2, column 18)", e.getMessage());
  }

  @Test
  void noDtdOrEntityIsFetched(@TempDir Path dir) throws Exception {
    java.util.concurrent.atomic.AtomicInteger fetches = new java.util.concurrent.atomic.AtomicInteger();
    try (java.net.ServerSocket listener = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      Thread answer = new Thread(() -> {
        while (true) {
          try (java.net.Socket c = listener.accept()) {
            fetches.incrementAndGet();
            c.getOutputStream().write("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
          } catch (IOException e) {
            return;
          }
        }
      });
      answer.setDaemon(true);
      answer.start();
      String url = "http://127.0.0.1:" + listener.getLocalPort() + "/x";
      Path file = dir.resolve("settings.xml");
      Files.write(file, ("<!DOCTYPE settings SYSTEM \"" + url + "\" [\n  <!ENTITY % p SYSTEM \"" + url + "\">\n  %p;\n"
          + "  <!ENTITY e SYSTEM \"" + url + "\">\n]>\n<settings>\n  <offline>&e;</offline>\n</settings>\n")
          .getBytes(StandardCharsets.UTF_8));
      SettingsEditor.Result r = SettingsEditor.login(file, single(MAIN, "t"), "aws", null);
      assertEquals(Collections.singletonList(MAIN), r.added());
    }
    assertEquals(0, fetches.get(), "fetches at the listener");
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private static Map<String, String> single(String id, String password) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(id, password);
    return m;
  }

  private static byte[] resourceBytes(String name) throws IOException {
    try (InputStream in = SettingsEditorTest.class.getResourceAsStream("/settings-corpus/" + name)) {
      assertNotNull(in, name);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    }
  }

  /** The fixture as text, without a byte order mark. Checks the fixture kept its CRLF/BOM. */
  private static String resource(String name) throws IOException {
    byte[] bytes = resourceBytes(name);
    String s = new String(bytes, StandardCharsets.UTF_8);
    if (name.startsWith("crlf")) {
      assertTrue(s.contains("\r\n"), "fixture lost its CRLF line endings (git conversion?)");
    }
    if (name.startsWith("bom")) {
      assertEquals('\uFEFF', s.charAt(0), "fixture lost its byte order mark");
    }
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  /** {username, password} of the one server with this id; fails when there is not exactly one. */
  private static String[] credentials(Document doc, String id) {
    List<String[]> found = new ArrayList<>();
    for (Element servers : children(doc.getDocumentElement(), "servers")) {
      for (Element server : children(servers, "server")) {
        if (id.equals(children(server, "id").get(0).getTextContent().trim())) {
          List<Element> u = children(server, "username");
          List<Element> p = children(server, "password");
          assertEquals(1, u.size());
          assertEquals(1, p.size());
          found.add(new String[] {u.get(0).getTextContent().trim(), p.get(0).getTextContent().trim()});
        }
      }
    }
    assertEquals(1, found.size(), "servers with id " + id);
    return found.get(0);
  }

  private static List<Element> children(Node parent, String local) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element && local.equals(n.getLocalName())) {
        out.add((Element) n);
      }
    }
    return out;
  }

  private static String escaped(String v) {
    return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&apos;");
  }

  private static int count(String s, String needle) {
    int c = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
      c++;
    }
    return c;
  }

  /** Lines including their terminators, so CRLF and a missing final newline count. */
  private static List<String> lines(String s) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        out.add(s.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < s.length()) {
      out.add(s.substring(start));
    }
    return out;
  }

  private static final Pattern OUR_PIECES = Pattern.compile(
      "<!-- managed by codeartifact-maven-plugin(: token expires [0-9TZ:\\-]+)? -->"
          + "|</?(s:)?servers?>"
          + "|<(s:)?(id|username|password)>[^<]*</(s:)?(id|username|password)>");

  /** Whether a line consists only of blanks and pieces of our servers. */
  private static boolean isOurLine(String line) {
    Matcher m = OUR_PIECES.matcher(line);
    return m.replaceAll("").trim().isEmpty();
  }

  private static final class Diff {
    final List<String> removed = new ArrayList<>();
    final List<String> added = new ArrayList<>();
  }

  /** Line diff by longest common subsequence (the files are small). */
  private static Diff diff(List<String> a, List<String> b) {
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    Diff d = new Diff();
    int i = 0;
    int j = 0;
    while (i < a.size() && j < b.size()) {
      if (a.get(i).equals(b.get(j))) {
        i++;
        j++;
      } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
        d.removed.add(a.get(i++));
      } else {
        d.added.add(b.get(j++));
      }
    }
    while (i < a.size()) {
      d.removed.add(a.get(i++));
    }
    while (j < b.size()) {
      d.added.add(b.get(j++));
    }
    return d;
  }

  /** Asserts that {@code after} equals {@code before} with only {@code replaced} swapped, before {@code anchor}. */
  private static void diffOutside(String before, String after, String replaced, String anchor) {
    int a = before.indexOf(replaced);
    assertEquals(before.substring(0, a), after.substring(0, a));
    assertEquals(before.substring(before.indexOf(anchor)), after.substring(after.indexOf(anchor)));
  }

  /**
   * [start, end) of the real (not commented-out) {@code <server>} with this id, found independently of
   * the editor: comments blanked out, then a regular expression.
   */
  private static int[] serverRange(String s, String id) {
    StringBuilder blank = new StringBuilder(s);
    Matcher c = Pattern.compile("<!--.*?-->", Pattern.DOTALL).matcher(s);
    while (c.find()) {
      for (int i = c.start(); i < c.end(); i++) {
        blank.setCharAt(i, ' ');
      }
    }
    Matcher m = Pattern.compile("<server>\\s*<id>" + Pattern.quote(id) + "</id>.*?</server>", Pattern.DOTALL)
        .matcher(blank);
    assertTrue(m.find(), "server " + id);
    int[] range = {m.start(), m.end()};
    assertFalse(m.find(), "one server " + id);
    return range;
  }

  private static boolean posix(Path dir) {
    return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static void assertPrivate(Path file) throws IOException {
    if (posix(file.getParent())) {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
      assertEquals("rw-------", PosixFilePermissions.toString(perms), file.toString());
    }
  }
}
