package dev.codeartifact.core.settings;

import dev.codeartifact.core.flow.CodeArtifactException;
import dev.codeartifact.core.util.SafeXml;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a settings file with the JDK's StAX parser into a small tree that knows where each element and
 * comment sits in the text, so the editor can splice a few characters and leave the rest byte for byte.
 * The parser never fetches a DTD or an external entity and does not expand entity references. Parser
 * messages are never passed on, only line and column: they can quote the file, which holds secrets.
 *
 * <p>Positions come from the parser's line and column after each event (its
 * {@code getCharacterOffset()} drifts on some files, e.g. {@code no-namespace.xml} and
 * {@code one-line-servers.xml} of the test corpus); the {@code <} of a tag is then the last one before
 * its {@code >}, since attribute values cannot hold a {@code <}. Every position is checked against the
 * text; a mismatch refuses the edit instead of guessing.
 */
final class SettingsXml {
  private static final Pattern EXTERNAL_SUBSET = Pattern.compile("<!DOCTYPE\\s+[^\\s\\[>]+\\s+(SYSTEM|PUBLIC)\\s");

  private SettingsXml() {}

  /** A child of an element that the editor cares about: an element or a comment. */
  abstract static class Node {
    /** Index of the {@code <} that opens this node. */
    int start;
    /** Index just after the {@code >} that closes this node. */
    int end;
  }

  static final class Comment extends Node {
    String text;
  }

  static final class Element extends Node {
    String qname;
    String prefix;
    String localName;
    /** Index just after the {@code >} of the start tag (equals {@link #end} when self-closing). */
    int openEnd;
    /** Index of the {@code <} of the end tag, -1 when self-closing. */
    int closeStart = -1;
    boolean selfClosing;
    /** The character data inside, as a parser reports it (entity references kept as {@code &name;}). */
    String text;
    final List<Node> children = new ArrayList<>();

    List<Element> elements(String local) {
      List<Element> out = new ArrayList<>();
      for (Node n : children) {
        if (n instanceof Element && (local == null || ((Element) n).localName.equals(local))) {
          out.add((Element) n);
        }
      }
      return out;
    }

    Element first(String local) {
      List<Element> all = elements(local);
      return all.isEmpty() ? null : all.get(0);
    }

    /** {@code p:name} for a new element of the same namespace prefix as this one. */
    String prefixed(String local) {
      return prefix.isEmpty() ? local : prefix + ":" + local;
    }

    boolean managed() {
      for (Node n : children) {
        if (n instanceof Comment && SettingsEditor.isMarker(((Comment) n).text)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Parses {@code xml} and returns its root element; on failure throws with one line naming
   * {@code label} and the position only.
   *
   * @param what a short phrase for the message, e.g. {@code "is not well-formed XML"}
   */
  static Element parse(String xml, String label, String what) throws CodeArtifactException {
    // Lone CR line ends: the parser's columns go wrong after them, so it reads a copy in which each is
    // an LF, as XML normalizes it anyway; positions are the same in both texts.
    String s = xml.replaceAll("\r(?!\n)", "\n");
    List<Integer> lineStarts = new ArrayList<>();
    lineStarts.add(0);
    for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) {
      lineStarts.add(i + 1);
    }
    Deque<Element> open = new ArrayDeque<>();
    StringBuilder text = new StringBuilder();
    List<Integer> textStarts = new ArrayList<>();
    Element root = null;
    boolean externalSubset = false;
    XMLStreamReader r = null;
    try {
      r = SafeXml.settingsParser().createXMLStreamReader(new StringReader(s));
      while (r.hasNext()) {
        int event = r.next();
        Location l = r.getLocation();
        int at = l.getLineNumber() < 1 || l.getLineNumber() > lineStarts.size() ? -1
            : lineStarts.get(l.getLineNumber() - 1) + l.getColumnNumber() - 1;
        if (event == XMLStreamConstants.DTD) {
          // Entities may be declared in an external subset, which is never read: a reference is then no error.
          externalSubset = EXTERNAL_SUBSET.matcher(r.getText()).lookingAt();
        } else if (event == XMLStreamConstants.START_ELEMENT) {
          Element el = new Element();
          el.prefix = r.getPrefix() == null ? "" : r.getPrefix();
          el.localName = r.getLocalName();
          el.qname = el.prefixed(el.localName);
          el.openEnd = at;
          el.start = at > 0 ? s.lastIndexOf('<', at - 1) : -1;
          check(s, at, el.start, "<" + el.qname, label, l);
          if (open.isEmpty()) {
            root = el;
          } else {
            open.peek().children.add(el);
          }
          open.push(el);
          textStarts.add(text.length());
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          Element el = open.pop();
          el.end = at;
          el.selfClosing = at == el.openEnd;
          el.closeStart = el.selfClosing ? -1 : s.lastIndexOf('<', at - 1);
          check(s, at, el.selfClosing ? el.start : el.closeStart, (el.selfClosing ? "<" : "</") + el.qname,
              label, l);
          el.text = text.substring(textStarts.remove(textStarts.size() - 1));
        } else if (event == XMLStreamConstants.COMMENT && !open.isEmpty()) {
          Comment c = new Comment();
          c.text = r.getText();
          c.end = at;
          c.start = at >= 3 && s.startsWith("-->", at - 3) ? s.lastIndexOf("<!--", at - 3) : -1;
          check(s, at, c.start, "<!--", label, l);
          open.peek().children.add(c);
        } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
          if (r.getText() == null && !externalSubset) { // undeclared: not well-formed, yet this parser reads on
            throw new XMLStreamException("undeclared entity", l);
          }
          text.append('&').append(r.getLocalName()).append(';');
        } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
            || event == XMLStreamConstants.SPACE) {
          text.append(r.getText());
        }
      }
    } catch (XMLStreamException e) {
      Location l = e.getLocation();
      String where = l != null && l.getLineNumber() > 0
          ? " (line " + l.getLineNumber() + ", column " + l.getColumnNumber() + ")" : "";
      // The parser's message is deliberately dropped: it can quote the file, which holds secrets.
      throw new CodeArtifactException(label + " " + what + where);
    } finally {
      close(r);
    }
    if (root == null) {
      throw new CodeArtifactException(label + " " + what);
    }
    return root;
  }

  /** Refuses a position that does not point just after a {@code >} closing markup that starts with {@code head}. */
  private static void check(String s, int end, int start, String head, String label, Location l)
      throws CodeArtifactException {
    boolean ok = start >= 0 && end > start && end <= s.length() && s.charAt(end - 1) == '>'
        && s.startsWith(head, start)
        && (head.equals("<!--") || " \t\r\n/>".indexOf(s.charAt(start + head.length())) >= 0);
    if (!ok) {
      throw new CodeArtifactException(label + " could not be read for editing (line " + l.getLineNumber()
          + ", column " + l.getColumnNumber() + "); left unchanged");
    }
  }

  private static void close(XMLStreamReader r) {
    try {
      if (r != null) {
        r.close();
      }
    } catch (XMLStreamException e) {
      // nothing left to release
    }
  }
}
