package dev.codeartifact.core.settings;

import dev.codeartifact.core.flow.CodeArtifactException;
import dev.codeartifact.core.settings.SettingsXml.Comment;
import dev.codeartifact.core.settings.SettingsXml.Element;
import dev.codeartifact.core.settings.SettingsXml.Node;
import dev.codeartifact.core.util.SecureFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits the {@code <server>} entries of a Maven {@code settings.xml} in place, so that tools which do
 * not run this plugin (IDEs) can authenticate with a CodeArtifact token.
 *
 * <p>The edit is textual: the JDK's XML parser reads the file and reports where each element sits
 * ({@link SettingsXml}), so a {@code <server>} inside a comment, CDATA or a processing instruction is not
 * a server, and only the characters that must change are replaced. Everything else, including comments,
 * indentation, line endings, a byte order mark, other servers and their encrypted passwords, stays byte
 * for byte. New lines use the file's line ending and indentation.
 *
 * <p>Entries this class adds carry a marker comment as their first child,
 * {@code <!-- managed by codeartifact-maven-plugin: token expires 2026-11-28T14:00:00Z -->}; only such
 * entries are ever removed. A server the user wrote keeps no marker even when its credentials are
 * overwritten on request, so {@link #removeServers} leaves it alone and reports it as unmanaged.
 *
 * <p>Every edit is checked before it is returned or written: the result must parse (with a parser that
 * never fetches DTDs or external entities) and must show exactly the requested credentials, the other
 * servers and sections unchanged. No message or {@code toString} ever contains a password.
 */
public final class SettingsEditor {
  /** The username CodeArtifact expects with a token. */
  public static final String DEFAULT_USERNAME = "aws";

  /** Text every marker comment starts with (after leading blanks). */
  public static final String MARKER = "managed by codeartifact-maven-plugin";

  /** Maven server ids, loosely. */
  private static final Pattern SERVER_ID = Pattern.compile("[A-Za-z0-9_.\\-]+");

  private static final Pattern ENCODING_DECL =
      Pattern.compile("^<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._\\-]*)[\"']");

  private static final String NAMESPACE = "http://maven.apache.org/SETTINGS/1.0.0";

  private SettingsEditor() {}

  /** What an edit did. Holds the new text, which contains secrets: never printed by {@link #toString}. */
  public static final class Result {
    private final String content;
    private final boolean changed;
    private final List<String> added;
    private final List<String> updated;
    private final List<String> removed;
    private final List<String> unmanaged;
    private final List<String> notFound;
    private final Path file;
    private final Path backup;

    Result(String content, boolean changed, List<String> added, List<String> updated, List<String> removed,
        List<String> unmanaged, List<String> notFound, Path file, Path backup) {
      this.content = content;
      this.changed = changed;
      this.added = Collections.unmodifiableList(new ArrayList<>(added));
      this.updated = Collections.unmodifiableList(new ArrayList<>(updated));
      this.removed = Collections.unmodifiableList(new ArrayList<>(removed));
      this.unmanaged = Collections.unmodifiableList(new ArrayList<>(unmanaged));
      this.notFound = Collections.unmodifiableList(new ArrayList<>(notFound));
      this.file = file;
      this.backup = backup;
    }

    Result withFile(Path newFile, Path newBackup, boolean written) {
      return new Result(content, written, added, updated, removed, unmanaged, notFound, newFile, newBackup);
    }

    /** The edited settings text (without byte order mark). Contains tokens: do not log it. */
    public String content() {
      return content;
    }

    /** Whether the text changed (for the file-level methods: whether the file was written). */
    public boolean changed() {
      return changed;
    }

    /** Ids for which a new {@code <server>} was appended. */
    public List<String> added() {
      return added;
    }

    /** Ids whose existing {@code <server>} got the new username and password. */
    public List<String> updated() {
      return updated;
    }

    /** Ids whose marked {@code <server>} was removed. */
    public List<String> removed() {
      return removed;
    }

    /**
     * Ids of servers the user wrote (no marker). After an upsert: the subset of {@link #updated()} whose
     * credentials were overwritten although the entry is not ours (logout will not remove it). After a
     * remove: ids that were asked for but left alone because they are not ours.
     */
    public List<String> unmanaged() {
      return unmanaged;
    }

    /** After a remove: ids asked for that have no server entry at all. */
    public List<String> notFound() {
      return notFound;
    }

    /** The file edited, after following a symbolic link; null for the string-level methods. */
    public Path file() {
      return file;
    }

    /** The backup of the previous content, or null when none was written. */
    public Path backup() {
      return backup;
    }

    @Override
    public String toString() {
      return "SettingsEditor.Result{file=" + file + ", changed=" + changed + ", added=" + added
          + ", updated=" + updated + ", removed=" + removed + ", unmanaged=" + unmanaged
          + ", notFound=" + notFound + ", backup=" + backup + "}";
    }
  }

  // ------------------------------------------------------------------------------------------------
  // Public API: text level

  /** {@link #upsertServers(String, Map, String, Instant)} with a marker that names no expiry. */
  public static Result upsertServers(String xml, Map<String, String> idToPassword, String username)
      throws CodeArtifactException {
    return upsertServers(xml, idToPassword, username, null);
  }

  /**
   * Sets username and password of the servers {@code idToPassword} names (in its iteration order):
   * an existing {@code <server>} with that id keeps everything but its {@code <username>} and
   * {@code <password>} text (missing ones are inserted after {@code <id>}); a missing one is appended,
   * marked as ours, at the end of {@code <servers>} (which is created before {@code </settings>} if
   * absent).
   *
   * @param expiration written into the marker of our entries; null for none
   */
  public static Result upsertServers(String xml, Map<String, String> idToPassword, String username,
      Instant expiration) throws CodeArtifactException {
    return upsert(xml, idToPassword, username, expiration, "settings content");
  }

  /**
   * Removes the marked {@code <server>} entries with these ids (all marked entries when {@code ids} is
   * empty), each with its marker and the line it was on. Unmarked servers are left alone and reported
   * in {@link Result#unmanaged()}. A {@code <servers>} element emptied by this removal is removed too.
   */
  public static Result removeServers(String xml, Set<String> ids) throws CodeArtifactException {
    return remove(xml, ids, "settings content");
  }

  /** A minimal settings file, lines ending with {@code \n}. */
  public static String newSettings() {
    return newSettings("\n");
  }

  /** A minimal settings file with the standard namespace header, lines ending with {@code lineSeparator}. */
  public static String newSettings(String lineSeparator) {
    String nl = lineSeparator;
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + nl
        + "<settings xmlns=\"" + NAMESPACE + "\"" + nl
        + "          xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"" + nl
        + "          xsi:schemaLocation=\"" + NAMESPACE + " https://maven.apache.org/xsd/settings-1.0.0.xsd\">"
        + nl
        + "</settings>" + nl;
  }

  /** Whether {@code id} is acceptable as a server id ({@code [A-Za-z0-9_.-]+}). */
  public static boolean isValidServerId(String id) {
    return id != null && SERVER_ID.matcher(id).matches();
  }

  /** The backup written next to {@code settingsFile}: its name plus {@code .codeartifact.bak}. */
  public static Path backupFile(Path settingsFile) {
    return settingsFile.resolveSibling(settingsFile.getFileName() + ".codeartifact.bak");
  }

  // ------------------------------------------------------------------------------------------------
  // Public API: file level

  /**
   * Writes the servers into {@code settingsFile}: creates it (and its folders, 0700) when missing,
   * refuses a file that is not well-formed, keeps a 0600 backup of the previous content
   * ({@link #backupFile}) and replaces the file atomically with a 0600 one. Does not write when nothing
   * changes. A symbolic link is followed and its target edited.
   */
  public static Result login(Path settingsFile, Map<String, String> idToPassword, String username,
      Instant expiration) throws CodeArtifactException {
    checkCredentials(idToPassword, username);
    Path file = target(settingsFile);
    String label = "settings file " + file;
    Loaded loaded = load(file, label);
    if (loaded == null) {
      Result r = upsert(newSettings(System.lineSeparator()), idToPassword, username, expiration, label);
      write(file, null, null, r.content().getBytes(StandardCharsets.UTF_8), label);
      return r.withFile(file, null, true);
    }
    Result r = upsert(loaded.text, idToPassword, username, expiration, label);
    return commit(file, loaded, r, label);
  }

  /**
   * Removes our servers with these ids (all of ours when empty) from {@code settingsFile}, with the same
   * checks, backup and atomic write as {@link #login}. A missing file is left missing.
   */
  public static Result logout(Path settingsFile, Set<String> ids) throws CodeArtifactException {
    checkIds(ids);
    Path file = target(settingsFile);
    String label = "settings file " + file;
    Loaded loaded = load(file, label);
    if (loaded == null) {
      List<String> none = Collections.emptyList();
      return new Result(null, false, none, none, none, none, new ArrayList<>(ids), file, null);
    }
    Result r = remove(loaded.text, ids, label);
    return commit(file, loaded, r, label);
  }

  // ------------------------------------------------------------------------------------------------
  // Editing

  /** One replacement of {@code [start, end)} by {@code text}. */
  private static final class Edit {
    final int start;
    final int end;
    final String text;

    Edit(int start, int end, String text) {
      this.start = start;
      this.end = end;
      this.text = text;
    }
  }

  /** The tokenized document plus the layout conventions new text follows. */
  private static final class Layout {
    final String s;
    final Element root;
    final String nl;
    final String unit;

    Layout(String s, Element root) {
      this.s = s;
      this.root = root;
      this.nl = detectLineSeparator(s);
      this.unit = detectIndentUnit(s, root);
    }
  }

  private static Result upsert(String xml, Map<String, String> idToPassword, String username,
      Instant expiration, String label) throws CodeArtifactException {
    checkCredentials(idToPassword, username);
    Layout d = layout(xml, label);
    String marker = marker(expiration);

    List<Element> serversElements = d.root.elements("servers");
    Map<String, List<Element>> existing = new LinkedHashMap<>();
    for (Element servers : serversElements) {
      for (Element server : servers.elements("server")) {
        String id = idOf(server);
        if (id != null) {
          existing.computeIfAbsent(id, k -> new ArrayList<>()).add(server);
        }
      }
    }

    List<Edit> edits = new ArrayList<>();
    List<String> added = new ArrayList<>();
    List<String> updated = new ArrayList<>();
    List<String> unmanaged = new ArrayList<>();
    for (Map.Entry<String, String> e : idToPassword.entrySet()) {
      List<Element> matches = existing.get(e.getKey());
      if (matches == null) {
        added.add(e.getKey());
        continue;
      }
      updated.add(e.getKey());
      boolean ours = true;
      for (Element server : matches) {
        ours &= updateServer(d, server, username, e.getValue(), marker, edits);
      }
      if (!ours) {
        unmanaged.add(e.getKey());
      }
    }
    if (!added.isEmpty()) {
      edits.add(appendServers(d, serversElements.isEmpty() ? null : serversElements.get(0), added,
          idToPassword, username, marker));
    }
    String result = apply(d.s, edits);
    verifyUpsert(d.root, result, idToPassword, username, added, label);
    List<String> none = Collections.emptyList();
    return new Result(result, !result.equals(xml), added, updated, none, unmanaged, none, null, null);
  }

  /** Adds the edits for one existing server; returns whether it carries our marker. */
  private static boolean updateServer(Layout d, Element server, String username, String password,
      String marker, List<Edit> edits) {
    boolean ours = false;
    for (Node n : server.children) {
      if (n instanceof Comment && isMarker(((Comment) n).text)) {
        ours = true;
        String replacement = "<!--" + marker + "-->";
        if (!d.s.substring(n.start, n.end).equals(replacement)) {
          edits.add(new Edit(n.start, n.end, replacement));
        }
      }
    }
    List<Element> usernames = server.elements("username");
    List<Element> passwords = server.elements("password");
    for (Element u : usernames) {
      edits.add(setText(d.s, u, escape(username)));
    }
    for (Element p : passwords) {
      edits.add(setText(d.s, p, escape(password)));
    }
    Element id = server.first("id");
    if (usernames.isEmpty()) {
      String indent = lineIndent(d.s, id.start);
      String text = child(d, indent, server.prefixed("username"), escape(username));
      if (passwords.isEmpty()) {
        text += child(d, indent, server.prefixed("password"), escape(password));
      }
      edits.add(new Edit(id.end, id.end, text));
    } else if (passwords.isEmpty()) {
      Element after = usernames.get(usernames.size() - 1);
      String indent = lineIndent(d.s, after.start);
      edits.add(new Edit(after.end, after.end, child(d, indent, server.prefixed("password"), escape(password))));
    }
    return ours;
  }

  /** A new sibling element placed after another: on its own line when the other is, else inline. */
  private static String child(Layout d, String indent, String qname, String escapedValue) {
    return (indent == null ? "" : d.nl + indent) + "<" + qname + ">" + escapedValue + "</" + qname + ">";
  }

  private static Edit setText(String s, Element el, String escapedValue) {
    if (el.selfClosing) {
      return new Edit(el.start, el.end, openTag(s, el) + escapedValue + "</" + el.qname + ">");
    }
    return new Edit(el.openEnd, el.closeStart, escapedValue);
  }

  /** The start tag of a self-closing element without its slash: {@code <a x="1"/>} becomes {@code <a x="1">}. */
  private static String openTag(String s, Element el) {
    String tag = s.substring(el.start, el.openEnd - 2);
    int end = tag.length();
    while (end > 0 && Character.isWhitespace(tag.charAt(end - 1))) {
      end--;
    }
    return tag.substring(0, end) + ">";
  }

  /** Appends the new servers to {@code servers}, or to a new {@code <servers>} at the end of the root when null. */
  private static Edit appendServers(Layout d, Element servers, List<String> ids, Map<String, String> passwords,
      String username, String marker) {
    Element parent = servers != null ? servers : d.root;
    String childIndent = null;
    String serverIndent = null;
    String innerUnit = null;
    for (Element c : parent.elements(null)) {
      String ci = lineIndent(d.s, c.start);
      if (ci != null) {
        childIndent = ci;
        serverIndent = ci;
        for (Element g : servers != null ? c.elements(null) : Collections.<Element>emptyList()) {
          String gi = lineIndent(d.s, g.start);
          if (gi != null && gi.length() > ci.length() && gi.startsWith(ci)) {
            innerUnit = gi.substring(ci.length());
            break;
          }
        }
      }
    }
    if (servers == null) {
      childIndent = childIndent != null ? childIndent : orEmpty(lineIndent(d.s, parent.start)) + d.unit;
      serverIndent = childIndent + d.unit;
    } else if (serverIndent == null) {
      serverIndent = orEmpty(lineIndent(d.s, servers.start)) + d.unit;
    }
    String inner = serverIndent + (innerUnit == null ? d.unit : innerUnit);
    StringBuilder block = new StringBuilder();
    StringBuilder inline = new StringBuilder();
    for (String id : ids) {
      block.append(block.length() > 0 ? d.nl : "")
          .append(serverBlock(parent, d.nl, serverIndent, inner, id, username, passwords.get(id), marker));
      inline.append(serverBlock(parent, "", "", "", id, username, passwords.get(id), marker));
    }
    if (servers != null) {
      return insertInto(d, servers, block.toString(), inline.toString());
    }
    String q = parent.prefixed("servers");
    return insertInto(d, parent, childIndent + "<" + q + ">" + d.nl + block + d.nl + childIndent + "</" + q + ">",
        "<" + q + ">" + inline + "</" + q + ">");
  }

  /** A new marked server, its lines separated by {@code nl} (empty for one line). */
  private static String serverBlock(Element prefixSource, String nl, String indent, String inner, String id,
      String username, String password, String marker) {
    String server = prefixSource.prefixed("server");
    StringBuilder sb = new StringBuilder(indent).append('<').append(server).append('>');
    for (String line : new String[] {"<!--" + marker + "-->", element(prefixSource.prefixed("id"), escape(id)),
        element(prefixSource.prefixed("username"), escape(username)),
        element(prefixSource.prefixed("password"), escape(password))}) {
      sb.append(nl).append(inner).append(line);
    }
    return sb.append(nl).append(indent).append("</").append(server).append('>').toString();
  }

  private static String element(String qname, String escapedValue) {
    return "<" + qname + ">" + escapedValue + "</" + qname + ">";
  }

  /**
   * Places new children at the end of {@code parent}: {@code block} (already indented, may span lines)
   * on a new line before the whitespace that precedes the end tag, or {@code inline} when the parent is
   * written on one line.
   */
  private static Edit insertInto(Layout d, Element parent, String block, String inline) {
    String s = d.s;
    String parentIndent = lineIndent(s, parent.start);
    if (parent.selfClosing) {
      String open = openTag(s, parent);
      String close = "</" + parent.qname + ">";
      if (parentIndent == null) {
        return new Edit(parent.start, parent.end, open + inline + close);
      }
      return new Edit(parent.start, parent.end, open + d.nl + block + d.nl + parentIndent + close);
    }
    int p = parent.closeStart;
    while (p > parent.openEnd && isBlank(s, p - 1, p)) {
      p--;
    }
    if (hasLineBreak(s, p, parent.closeStart)) {
      return new Edit(p, p, d.nl + block);
    }
    if (!hasLineBreak(s, parent.start, parent.closeStart)) {
      return new Edit(parent.closeStart, parent.closeStart, inline);
    }
    return new Edit(parent.closeStart, parent.closeStart, d.nl + block + d.nl + orEmpty(parentIndent));
  }

  private static Result remove(String xml, Set<String> ids, String label) throws CodeArtifactException {
    checkIds(ids);
    Layout d = layout(xml, label);
    Set<String> removed = new LinkedHashSet<>();
    Set<String> unmanaged = new LinkedHashSet<>();
    List<Edit> edits = new ArrayList<>();
    for (Element servers : d.root.elements("servers")) {
      List<Element> gone = new ArrayList<>();
      for (Element server : servers.elements("server")) {
        String id = idOf(server);
        boolean wanted = ids.isEmpty() || (id != null && ids.contains(id));
        if (!wanted) {
          continue;
        }
        if (server.managed()) {
          gone.add(server);
          removed.add(id == null ? "" : id);
        } else if (!ids.isEmpty()) {
          unmanaged.add(id);
        }
      }
      if (gone.isEmpty()) {
        continue;
      }
      if (emptiedBy(d.s, servers, gone)) {
        edits.add(removal(d.s, servers));
      } else {
        for (Element server : gone) {
          edits.add(removal(d.s, server));
        }
      }
    }
    List<String> notFound = new ArrayList<>();
    for (String id : ids) {
      if (!removed.contains(id) && !unmanaged.contains(id)) {
        notFound.add(id);
      }
    }
    String result = apply(d.s, edits);
    verifyRemove(d.root, result, ids, label);
    List<String> none = Collections.emptyList();
    return new Result(result, !result.equals(xml), none, none, new ArrayList<>(removed),
        new ArrayList<>(unmanaged), notFound, null, null);
  }

  /**
   * Whether removing {@code gone} leaves a multi-line {@code servers} with nothing but whitespace, in
   * which case the element goes too (this undoes creating it; a one-line element is left as is).
   */
  private static boolean emptiedBy(String s, Element servers, List<Element> gone) {
    if (servers.selfClosing || !hasLineBreak(s, servers.openEnd, servers.closeStart)) {
      return false;
    }
    int i = servers.openEnd;
    for (Node n : servers.children) {
      if (!gone.contains(n)) {
        return false;
      }
      if (!isBlank(s, i, n.start)) {
        return false;
      }
      i = n.end;
    }
    return isBlank(s, i, servers.closeStart);
  }

  /** The range to delete for an element: whole lines when it stands alone on its lines. */
  private static Edit removal(String s, Element el) {
    int n = s.length();
    int ls = el.start;
    while (ls > 0 && (s.charAt(ls - 1) == ' ' || s.charAt(ls - 1) == '\t')) {
      ls--;
    }
    boolean startsLine = ls == 0 || s.charAt(ls - 1) == '\n' || s.charAt(ls - 1) == '\r';
    int le = el.end;
    while (le < n && (s.charAt(le) == ' ' || s.charAt(le) == '\t')) {
      le++;
    }
    boolean endsLine = le == n || s.charAt(le) == '\r' || s.charAt(le) == '\n';
    if (!startsLine || !endsLine) {
      return new Edit(el.start, el.end, "");
    }
    if (le < n) {
      le += s.startsWith("\r\n", le) ? 2 : 1;
      return new Edit(ls, le, "");
    }
    if (ls > 0 && s.charAt(ls - 1) == '\n') {
      ls--;
    }
    if (ls > 0 && s.charAt(ls - 1) == '\r') {
      ls--;
    }
    return new Edit(ls, le, "");
  }

  private static String apply(String s, List<Edit> edits) {
    List<Edit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt((Edit e) -> e.start).thenComparingInt(e -> e.end));
    StringBuilder sb = new StringBuilder(s.length() + 512);
    int at = 0;
    for (Edit e : sorted) {
      if (e.start < at) {
        throw new IllegalStateException("overlapping settings edits");
      }
      sb.append(s, at, e.start).append(e.text);
      at = e.end;
    }
    return sb.append(s, at, s.length()).toString();
  }

  // ------------------------------------------------------------------------------------------------
  // Self-checks: run on every result before it is returned or written

  private static final String UNSAFE = "could not be edited safely; left unchanged";

  private static void verifyUpsert(Element before, String result, Map<String, String> idToPassword,
      String username, List<String> added, String label) throws CodeArtifactException {
    List<Element> was = servers(before);
    List<Element> is = servers(reread(before, result, label));
    for (Map.Entry<String, String> e : idToPassword.entrySet()) {
      String id = e.getKey();
      int count = 0;
      for (Element s : is) {
        if (id.equals(idOf(s))) {
          count++;
          if (!texts(s.elements("username")).equals(Collections.singleton(username))
              || !texts(s.elements("password")).equals(Collections.singleton(e.getValue()))) {
            throw new CodeArtifactException(label + " " + UNSAFE + " (server '" + id + "' would not hold"
                + " the new credentials)");
          }
          if (added.contains(id) && !s.managed()) {
            throw new CodeArtifactException(label + " " + UNSAFE + " (server '" + id + "' lacks its marker)");
          }
        }
      }
      int expected = added.contains(id) ? 1 : fingerprints(was, Collections.singleton(id), true).size();
      if (count != expected) {
        throw new CodeArtifactException(label + " " + UNSAFE + " (server '" + id + "' would appear "
            + count + " times)");
      }
    }
    if (!fingerprints(was, idToPassword.keySet(), false).equals(fingerprints(is, idToPassword.keySet(), false))) {
      throw new CodeArtifactException(label + " " + UNSAFE + " (other servers would change)");
    }
  }

  private static void verifyRemove(Element before, String result, Set<String> ids, String label)
      throws CodeArtifactException {
    List<Element> is = servers(reread(before, result, label));
    List<String> expected = new ArrayList<>();
    for (Element s : servers(before)) {
      String id = idOf(s);
      boolean wanted = ids.isEmpty() || (id != null && ids.contains(id));
      if (!(wanted && s.managed())) {
        expected.add(s.text);
      }
    }
    if (!expected.equals(fingerprints(is, Collections.<String>emptySet(), false))) {
      throw new CodeArtifactException(label + " " + UNSAFE + " (servers other than ours would change)");
    }
  }

  /** Parses the edited text and checks that the root's other children kept their text. */
  private static Element reread(Element before, String result, String label) throws CodeArtifactException {
    Element after = SettingsXml.parse(result, label, "would not be well-formed XML after the edit; left unchanged");
    if (!otherSections(before).equals(otherSections(after))) {
      throw new CodeArtifactException(label + " " + UNSAFE + " (other sections would change)");
    }
    return after;
  }

  /** Every {@code <server>} of {@code <settings><servers>}, in document order. */
  private static List<Element> servers(Element root) {
    List<Element> out = new ArrayList<>();
    for (Element servers : root.elements("servers")) {
      out.addAll(servers.elements("server"));
    }
    return out;
  }

  /** Local name and text of every child of the root other than {@code <servers>}: must not change. */
  private static List<String> otherSections(Element root) {
    List<String> out = new ArrayList<>();
    for (Element e : root.elements(null)) {
      if (!e.localName.equals("servers")) {
        out.add(e.localName + "=" + e.text);
      }
    }
    return out;
  }

  /** The distinct trimmed texts of these elements. */
  private static Set<String> texts(List<Element> elements) {
    Set<String> out = new LinkedHashSet<>();
    for (Element e : elements) {
      out.add(e.text.trim());
    }
    return out;
  }

  /**
   * The text of each server whose id is in {@code ids} (when {@code in}) or not (when not {@code in}, a
   * server without id included), to tell that an untouched server stayed the same.
   */
  private static List<String> fingerprints(List<Element> servers, Set<String> ids, boolean in) {
    List<String> out = new ArrayList<>();
    for (Element s : servers) {
      String id = idOf(s);
      if (in == (id != null && ids.contains(id))) {
        out.add(s.text);
      }
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------------
  // Helpers

  private static Layout layout(String xml, String label) throws CodeArtifactException {
    Element root = SettingsXml.parse(xml, label, "is not well-formed XML");
    if (!root.localName.equals("settings")) {
      throw new CodeArtifactException(label + " is not a Maven settings file (its root element is <"
          + root.qname + ">, not <settings>); left unchanged");
    }
    return new Layout(xml, root);
  }

  static boolean isMarker(String commentText) {
    return commentText != null && commentText.trim().startsWith(MARKER);
  }

  /** The marker comment's text, blanks included: {@code " managed by ...: token expires <instant> "}. */
  static String marker(Instant expiration) {
    if (expiration == null) {
      return " " + MARKER + " ";
    }
    return " " + MARKER + ": token expires " + expiration.truncatedTo(ChronoUnit.SECONDS) + " ";
  }

  private static String idOf(Element server) {
    Element id = server.first("id");
    return id == null ? null : id.text.trim();
  }

  /** Escapes the five XML special characters. */
  static String escape(String value) {
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&apos;");
  }

  /** The blanks between the start of the line and {@code pos}, or null when other text precedes it. */
  static String lineIndent(String s, int pos) {
    int i = pos;
    while (i > 0 && (s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\t')) {
      i--;
    }
    if (i == 0 || s.charAt(i - 1) == '\n' || s.charAt(i - 1) == '\r') {
      return s.substring(i, pos);
    }
    return null;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static boolean isBlank(String s, int from, int to) {
    return s.substring(from, to).matches("[ \t\r\n]*");
  }

  private static boolean hasLineBreak(String s, int from, int to) {
    return s.substring(from, to).matches("(?s).*[\r\n].*");
  }

  /** The file's line ending, from its first line break; {@code \n} when it has none. */
  static String detectLineSeparator(String s) {
    int i = s.indexOf('\n');
    if (i > 0 && s.charAt(i - 1) == '\r') {
      return "\r\n";
    }
    if (i < 0 && s.indexOf('\r') >= 0) {
      return "\r";
    }
    return "\n";
  }

  /**
   * The file's indentation step: the extra indentation of the first element (breadth first) that sits on
   * its own line below a parent on its own line; else a tab if the file indents with tabs, else two
   * spaces (the Maven default).
   */
  static String detectIndentUnit(String s, Element root) {
    List<Element> queue = new ArrayList<>();
    queue.add(root);
    boolean tabs = false;
    for (int q = 0; q < queue.size(); q++) {
      Element el = queue.get(q);
      String pi = lineIndent(s, el.start);
      for (Element c : el.elements(null)) {
        String ci = lineIndent(s, c.start);
        if (ci != null && pi != null && ci.length() > pi.length() && ci.startsWith(pi)) {
          return ci.substring(pi.length());
        }
        if (ci != null && ci.startsWith("\t")) {
          tabs = true;
        }
        queue.add(c);
      }
    }
    return tabs ? "\t" : "  ";
  }

  private static void checkIds(Set<String> ids) throws CodeArtifactException {
    if (ids == null) {
      throw new CodeArtifactException("no server ids given");
    }
    for (String id : ids) {
      checkId(id);
    }
  }

  private static void checkId(String id) throws CodeArtifactException {
    if (!isValidServerId(id)) {
      throw new CodeArtifactException("invalid server id '" + printable(id)
          + "': use only letters, digits, '.', '-' and '_'");
    }
  }

  private static String printable(String id) {
    if (id == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < id.length() && i < 80; i++) {
      char c = id.charAt(i);
      sb.append(Character.isISOControl(c) ? '?' : c);
    }
    return id.length() > 80 ? sb + "..." : sb.toString();
  }

  private static void checkCredentials(Map<String, String> idToPassword, String username)
      throws CodeArtifactException {
    if (idToPassword == null) {
      throw new CodeArtifactException("no servers given");
    }
    checkValue(username, "the username");
    for (Map.Entry<String, String> e : idToPassword.entrySet()) {
      checkId(e.getKey());
      checkValue(e.getValue(), "the password for server '" + e.getKey() + "'");
    }
  }

  /** Rejects values Maven could not read back as given; the message never contains the value. */
  private static void checkValue(String value, String what) throws CodeArtifactException {
    if (value == null || value.isEmpty()) {
      throw new CodeArtifactException(what + " is empty");
    }
    if (!value.trim().equals(value)) {
      throw new CodeArtifactException(what + " starts or ends with whitespace, which Maven would drop");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean surrogateOk = Character.isHighSurrogate(c)
          ? i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))
          : !Character.isLowSurrogate(c) || (i > 0 && Character.isHighSurrogate(value.charAt(i - 1)));
      if (Character.isISOControl(c) || c == '\uFFFE' || c == '\uFFFF' || !surrogateOk) {
        throw new CodeArtifactException(what + " contains a character XML cannot hold");
      }
    }
  }

  // ------------------------------------------------------------------------------------------------
  // Files

  /** The decoded content of an existing settings file. */
  private static final class Loaded {
    final byte[] bytes;
    final byte[] bom;
    final Charset charset;
    final String text;

    Loaded(byte[] bytes, byte[] bom, Charset charset, String text) {
      this.bytes = bytes;
      this.bom = bom;
      this.charset = charset;
      this.text = text;
    }
  }

  private static Path target(Path settingsFile) throws CodeArtifactException {
    Path abs = settingsFile.toAbsolutePath();
    try {
      if (Files.isSymbolicLink(abs)) {
        if (Files.exists(abs)) {
          return abs.toRealPath();
        }
        return abs.resolveSibling(Files.readSymbolicLink(abs)).normalize();
      }
    } catch (IOException e) {
      throw new CodeArtifactException("cannot resolve the link " + abs + ": " + e.getMessage(), e);
    }
    return abs;
  }

  /** Reads and decodes {@code file}; null when it is missing or holds nothing but blanks. */
  private static Loaded load(Path file, String label) throws CodeArtifactException {
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw new CodeArtifactException(label + " is a directory");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new CodeArtifactException("cannot read " + label + ": " + e.getMessage(), e);
    }
    Loaded loaded = decode(bytes, label);
    return loaded.text.trim().isEmpty() ? null : loaded;
  }

  private static Loaded decode(byte[] bytes, String label) throws CodeArtifactException {
    byte[] bom = new byte[0];
    Charset charset = null;
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      bom = Arrays.copyOf(bytes, 3);
      charset = StandardCharsets.UTF_8;
    } else if (startsWith(bytes, 0xFE, 0xFF)) {
      bom = Arrays.copyOf(bytes, 2);
      charset = StandardCharsets.UTF_16BE;
    } else if (startsWith(bytes, 0xFF, 0xFE)) {
      bom = Arrays.copyOf(bytes, 2);
      charset = StandardCharsets.UTF_16LE;
    } else {
      String head = new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.ISO_8859_1);
      Matcher m = ENCODING_DECL.matcher(head);
      charset = StandardCharsets.UTF_8;
      if (m.find()) {
        try {
          charset = Charset.forName(m.group(1));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
          throw new CodeArtifactException(label + " declares the unsupported encoding '" + m.group(1)
              + "'; left unchanged");
        }
      }
    }
    try {
      String text = charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, bom.length, bytes.length - bom.length))
          .toString();
      return new Loaded(bytes, bom, charset, text);
    } catch (CharacterCodingException e) {
      throw new CodeArtifactException(label + " is not valid " + charset.name() + "; left unchanged");
    }
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] encode(Loaded loaded, String text, String label) throws CodeArtifactException {
    try {
      ByteBuffer buf = loaded.charset.newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(CharBuffer.wrap(text));
      byte[] out = new byte[loaded.bom.length + buf.remaining()];
      System.arraycopy(loaded.bom, 0, out, 0, loaded.bom.length);
      buf.get(out, loaded.bom.length, buf.remaining());
      return out;
    } catch (CharacterCodingException e) {
      throw new CodeArtifactException(label + " cannot hold the new entries in its encoding "
          + loaded.charset.name() + "; left unchanged");
    }
  }

  private static Result commit(Path file, Loaded loaded, Result r, String label) throws CodeArtifactException {
    if (!r.changed()) {
      return r.withFile(file, null, false);
    }
    byte[] bytes = encode(loaded, r.content(), label);
    Path backup = backupFile(file);
    write(file, loaded.bytes, backup, bytes, label);
    return r.withFile(file, backup, true);
  }

  /**
   * Writes {@code content} atomically (0600). When {@code original} is given, first checks that the file
   * still holds it (someone else may have saved it meanwhile) and saves it to {@code backup} (0600).
   */
  private static void write(Path file, byte[] original, Path backup, byte[] content, String label)
      throws CodeArtifactException {
    try {
      if (original != null) {
        byte[] now;
        try {
          now = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
          now = null;
        }
        if (now == null || !Arrays.equals(now, original)) {
          throw new CodeArtifactException(label + " changed while it was being edited; left as is, run again");
        }
        SecureFiles.writeAtomically(backup, original);
      } else {
        Path parent = file.getParent();
        if (parent != null) {
          SecureFiles.createPrivateDirectories(parent);
        }
      }
      SecureFiles.writeAtomically(file, content);
    } catch (IOException e) {
      throw new CodeArtifactException("cannot write " + label + ": " + e, e);
    }
  }
}
