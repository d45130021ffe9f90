package dev.codeartifact.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The repositories a {@code pom.xml} names directly, read without building a Maven model: for the core
 * extension, which runs before Maven has read any POM. Looks at the project's own {@code <repositories>},
 * {@code <pluginRepositories>} and {@code <distributionManagement>} (not profiles, not the parent).
 * URLs holding an unresolved {@code ${...}} are skipped: nothing interpolates them this early.
 *
 * <p>The parser ({@link SafeXml#pomParser}) refuses DOCTYPEs and external entities (a POM has neither), so
 * reading an untrusted file makes no network or file access.
 */
public final class PomRepositories {
  /** Where an entry came from; distribution repositories are not subject to mirrors. */
  public enum Kind { REPOSITORY, PLUGIN_REPOSITORY, DISTRIBUTION }

  /** One {@code <repository>}-like entry: id and URL as written. */
  public static final class Entry {
    private final Kind kind;
    private final String id;
    private final String url;

    Entry(Kind kind, String id, String url) {
      this.kind = kind;
      this.id = id;
      this.url = url;
    }

    public Kind kind() {
      return kind;
    }

    public String id() {
      return id;
    }

    public String url() {
      return url;
    }

    @Override
    public String toString() {
      return kind + " " + id + " (" + url + ")";
    }
  }

  private PomRepositories() {}

  /**
   * The entries of {@code pom}; an empty list when the file is missing. A file that is not a readable POM
   * gives an empty list too: Maven itself reports that problem a moment later, in its own words.
   */
  public static List<Entry> read(Path pom, BuildLog log) {
    if (pom == null || !Files.isRegularFile(pom)) {
      return Collections.emptyList();
    }
    try (InputStream in = Files.newInputStream(pom)) {
      return read(in);
    } catch (IOException | SAXException | ParserConfigurationException | RuntimeException e) {
      log.debug("Could not read the repositories of " + pom + ": " + e.getClass().getSimpleName());
      return Collections.emptyList();
    }
  }

  static List<Entry> read(InputStream in) throws IOException, SAXException, ParserConfigurationException {
    Document doc = SafeXml.pomParser().parse(in);
    Element project = doc.getDocumentElement();
    List<Entry> out = new ArrayList<>();
    if (project == null || !"project".equals(localName(project))) {
      return out;
    }
    collect(child(project, "repositories"), "repository", Kind.REPOSITORY, out);
    collect(child(project, "pluginRepositories"), "pluginRepository", Kind.PLUGIN_REPOSITORY, out);
    Element dm = child(project, "distributionManagement");
    if (dm != null) {
      add(child(dm, "repository"), Kind.DISTRIBUTION, out);
      add(child(dm, "snapshotRepository"), Kind.DISTRIBUTION, out);
    }
    return out;
  }

  private static void collect(Element list, String itemName, Kind kind, List<Entry> out) {
    if (list == null) {
      return;
    }
    for (Node n = list.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element && itemName.equals(localName(n))) {
        add((Element) n, kind, out);
      }
    }
  }

  private static void add(Element repo, Kind kind, List<Entry> out) {
    if (repo == null) {
      return;
    }
    String id = text(child(repo, "id"));
    String url = text(child(repo, "url"));
    if (id == null || url == null || id.contains("${") || url.contains("${")) {
      return;
    }
    out.add(new Entry(kind, id, url));
  }

  private static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element && name.equals(localName(n))) {
        return (Element) n;
      }
    }
    return null;
  }

  private static String localName(Node n) {
    return n.getLocalName() != null ? n.getLocalName() : n.getNodeName();
  }

  private static String text(Element e) {
    if (e == null) {
      return null;
    }
    String t = e.getTextContent();
    return t == null || t.trim().isEmpty() ? null : t.trim();
  }
}
