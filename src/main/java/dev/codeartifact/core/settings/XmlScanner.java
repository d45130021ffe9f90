package dev.codeartifact.core.settings;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A small, lenient XML tokenizer that records where each element and comment sits in the text, so the
 * editor can change a few characters and leave the rest byte for byte. It understands comments, CDATA,
 * processing instructions and a DOCTYPE (with an internal subset), so markup inside any of those is
 * never mistaken for an element. It does not check well-formedness beyond tag nesting: the editor runs
 * a real XML parser first.
 */
final class XmlScanner {
  private XmlScanner() {}

  /** The text could not be tokenized; {@link #offset} is a character index, never content. */
  static final class SyntaxException extends Exception {
    private static final long serialVersionUID = 1L;
    final int offset;

    SyntaxException(int offset) {
      super("XML syntax error at character " + offset);
      this.offset = offset;
    }
  }

  /** A child of an element that the editor cares about: an element or a comment. */
  abstract static class Node {
    /** Index of the {@code <} that opens this node. */
    int start;
    /** Index just after the {@code >} that closes this node. */
    int end;
  }

  static final class Comment extends Node {
    /** The text between {@code <!--} and {@code -->}. */
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
    Element parent;
    final List<Node> children = new ArrayList<>();

    List<Element> elements(String local) {
      List<Element> out = new ArrayList<>();
      for (Node n : children) {
        if (n instanceof Element && ((Element) n).localName.equals(local)) {
          out.add((Element) n);
        }
      }
      return out;
    }

    Element first(String local) {
      for (Node n : children) {
        if (n instanceof Element && ((Element) n).localName.equals(local)) {
          return (Element) n;
        }
      }
      return null;
    }

    List<Element> childElements() {
      List<Element> out = new ArrayList<>();
      for (Node n : children) {
        if (n instanceof Element) {
          out.add((Element) n);
        }
      }
      return out;
    }

    /** {@code <p:name} for a new element of the same namespace prefix as this one. */
    String prefixed(String local) {
      return prefix.isEmpty() ? local : prefix + ":" + local;
    }
  }

  /** Tokenizes {@code s} and returns its root element. */
  static Element parse(String s) throws SyntaxException {
    Deque<Element> stack = new ArrayDeque<>();
    Element root = null;
    int n = s.length();
    int i = 0;
    while (true) {
      int lt = s.indexOf('<', i);
      if (lt < 0) {
        break;
      }
      if (s.startsWith("<!--", lt)) {
        int e = s.indexOf("-->", lt + 4);
        if (e < 0) {
          throw new SyntaxException(lt);
        }
        if (!stack.isEmpty()) {
          Comment c = new Comment();
          c.start = lt;
          c.end = e + 3;
          c.text = s.substring(lt + 4, e);
          stack.peek().children.add(c);
        }
        i = e + 3;
      } else if (s.startsWith("<![CDATA[", lt)) {
        int e = s.indexOf("]]>", lt + 9);
        if (e < 0) {
          throw new SyntaxException(lt);
        }
        i = e + 3;
      } else if (s.startsWith("<?", lt)) {
        int e = s.indexOf("?>", lt + 2);
        if (e < 0) {
          throw new SyntaxException(lt);
        }
        i = e + 2;
      } else if (s.startsWith("<!", lt)) {
        i = skipDeclaration(s, lt);
      } else if (s.startsWith("</", lt)) {
        int nameEnd = scanName(s, lt + 2);
        String name = s.substring(lt + 2, nameEnd);
        int gt = s.indexOf('>', nameEnd);
        if (gt < 0 || stack.isEmpty() || !stack.peek().qname.equals(name)) {
          throw new SyntaxException(lt);
        }
        Element el = stack.pop();
        el.closeStart = lt;
        el.end = gt + 1;
        i = gt + 1;
      } else {
        int nameEnd = scanName(s, lt + 1);
        if (nameEnd == lt + 1) {
          throw new SyntaxException(lt);
        }
        int gt = scanTagEnd(s, nameEnd);
        Element el = new Element();
        el.qname = s.substring(lt + 1, nameEnd);
        int colon = el.qname.indexOf(':');
        el.prefix = colon < 0 ? "" : el.qname.substring(0, colon);
        el.localName = colon < 0 ? el.qname : el.qname.substring(colon + 1);
        el.start = lt;
        el.openEnd = gt + 1;
        el.selfClosing = s.charAt(gt - 1) == '/';
        if (stack.isEmpty()) {
          if (root != null) {
            throw new SyntaxException(lt);
          }
          root = el;
        } else {
          el.parent = stack.peek();
          el.parent.children.add(el);
        }
        if (el.selfClosing) {
          el.end = gt + 1;
        } else {
          stack.push(el);
        }
        i = gt + 1;
      }
      if (i > n) {
        throw new SyntaxException(n);
      }
    }
    if (root == null || !stack.isEmpty()) {
      throw new SyntaxException(n);
    }
    return root;
  }

  private static boolean isNameEnd(char c) {
    return c == '>' || c == '/' || Character.isWhitespace(c);
  }

  private static int scanName(String s, int from) {
    int i = from;
    while (i < s.length() && !isNameEnd(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Index of the {@code >} closing a start tag whose attributes begin at {@code from}. */
  static int scanTagEnd(String s, int from) throws SyntaxException {
    int i = from;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"' || c == '\'') {
        int q = s.indexOf(c, i + 1);
        if (q < 0) {
          throw new SyntaxException(i);
        }
        i = q + 1;
      } else if (c == '>') {
        return i;
      } else if (c == '<') {
        throw new SyntaxException(i);
      } else {
        i++;
      }
    }
    throw new SyntaxException(from);
  }

  /** Skips {@code <!DOCTYPE ...>} including an internal subset; returns the index after it. */
  private static int skipDeclaration(String s, int lt) throws SyntaxException {
    int depth = 0;
    int i = lt + 2;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"' || c == '\'') {
        int q = s.indexOf(c, i + 1);
        if (q < 0) {
          throw new SyntaxException(i);
        }
        i = q + 1;
      } else if (depth > 0 && s.startsWith("<!--", i)) {
        int e = s.indexOf("-->", i + 4);
        if (e < 0) {
          throw new SyntaxException(i);
        }
        i = e + 3;
      } else if (depth > 0 && s.startsWith("<?", i)) {
        int e = s.indexOf("?>", i + 2);
        if (e < 0) {
          throw new SyntaxException(i);
        }
        i = e + 2;
      } else if (c == '[') {
        depth++;
        i++;
      } else if (c == ']') {
        depth--;
        i++;
      } else if (c == '>' && depth <= 0) {
        return i + 1;
      } else {
        i++;
      }
    }
    throw new SyntaxException(lt);
  }

  /**
   * The character data of an element as an XML parser reports it: text with the predefined and
   * numeric entity references decoded, CDATA sections verbatim, comments and processing instructions
   * dropped, nested elements' text included.
   */
  static String textContent(String s, Element el) throws SyntaxException {
    if (el.selfClosing) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    int i = el.openEnd;
    int end = el.closeStart;
    while (i < end) {
      char c = s.charAt(i);
      if (c == '<') {
        if (s.startsWith("<!--", i)) {
          i = s.indexOf("-->", i + 4) + 3;
        } else if (s.startsWith("<![CDATA[", i)) {
          int e = s.indexOf("]]>", i + 9);
          sb.append(s, i + 9, e);
          i = e + 3;
        } else if (s.startsWith("<?", i)) {
          i = s.indexOf("?>", i + 2) + 2;
        } else {
          i = scanTagEnd(s, i + 1) + 1;
        }
        if (i <= 2) {
          throw new SyntaxException(end);
        }
      } else if (c == '&') {
        int semi = s.indexOf(';', i);
        if (semi < 0 || semi > end) {
          throw new SyntaxException(i);
        }
        sb.append(decodeEntity(s.substring(i + 1, semi)));
        i = semi + 1;
      } else {
        sb.append(c);
        i++;
      }
    }
    return sb.toString();
  }

  private static String decodeEntity(String name) {
    switch (name) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return "\"";
      case "apos":
        return "'";
      default:
        try {
          if (name.startsWith("#x") || name.startsWith("#X")) {
            return new String(Character.toChars(Integer.parseInt(name.substring(2), 16)));
          }
          if (name.startsWith("#")) {
            return new String(Character.toChars(Integer.parseInt(name.substring(1))));
          }
        } catch (IllegalArgumentException e) {
          // fall through: keep the reference as written
        }
        return "&" + name + ";";
    }
  }
}
