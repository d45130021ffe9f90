package dev.codeartifact.core.settings;

import dev.codeartifact.core.CodeArtifactException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The JDK's DOM parser, configured so that no DTD, external entity or schema is ever fetched (XXE-safe),
 * used to refuse a file that is not well-formed and to check an edit. Parser messages are never passed
 * on, only line and column, because they can quote the document and the document holds secrets.
 */
final class SettingsDom {
  private SettingsDom() {}

  /** What the editor needs to know about one {@code <server>}; the password is never printed. */
  static final class Server {
    final String id;
    final List<String> usernames = new ArrayList<>();
    final List<String> passwords = new ArrayList<>();
    final boolean managed;
    /** Text of the whole element, to tell that an untouched server stayed the same. */
    final String fingerprint;

    Server(String id, boolean managed, String fingerprint) {
      this.id = id;
      this.managed = managed;
      this.fingerprint = fingerprint;
    }

    @Override
    public String toString() {
      return "server " + id;
    }
  }

  private static DocumentBuilder builder() throws CodeArtifactException {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setValidating(false);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      feature(f, "http://xml.org/sax/features/external-general-entities", false);
      feature(f, "http://xml.org/sax/features/external-parameter-entities", false);
      feature(f, "http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      try {
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      } catch (IllegalArgumentException e) {
        // a parser without these properties: the features above already turn external loading off
      }
      DocumentBuilder b = f.newDocumentBuilder();
      b.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
      b.setErrorHandler(new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
          // ignored
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      });
      return b;
    } catch (ParserConfigurationException e) {
      throw new CodeArtifactException("the JDK XML parser cannot be configured safely: " + e.getMessage(), e);
    }
  }

  private static void feature(DocumentBuilderFactory f, String name, boolean value) {
    try {
      f.setFeature(name, value);
    } catch (ParserConfigurationException e) {
      // not supported by this parser: the other settings still apply
    }
  }

  /**
   * Parses {@code xml}; on failure throws with one line naming {@code label} and the position only.
   *
   * @param what a short phrase for the message, e.g. {@code "is not well-formed XML"}
   */
  static Document parse(String xml, String label, String what) throws CodeArtifactException {
    DocumentBuilder b = builder();
    try {
      return b.parse(new InputSource(new StringReader(xml)));
    } catch (SAXParseException e) {
      String where = e.getLineNumber() > 0
          ? " (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ")" : "";
      // The parser's message is deliberately dropped: it can quote the file, which holds secrets.
      throw new CodeArtifactException(label + " " + what + where);
    } catch (SAXException | IOException e) {
      throw new CodeArtifactException(label + " " + what);
    }
  }

  static List<Element> childElements(Node parent, String localName) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeType() == Node.ELEMENT_NODE && localName.equals(localName(n))) {
        out.add((Element) n);
      }
    }
    return out;
  }

  static String localName(Node n) {
    String l = n.getLocalName();
    return l != null ? l : n.getNodeName();
  }

  /** Every {@code <server>} of {@code <settings><servers>}, in document order. */
  static List<Server> servers(Document doc) {
    List<Server> out = new ArrayList<>();
    for (Element servers : childElements(doc.getDocumentElement(), "servers")) {
      for (Element server : childElements(servers, "server")) {
        List<Element> ids = childElements(server, "id");
        String id = ids.isEmpty() ? null : ids.get(0).getTextContent().trim();
        boolean managed = false;
        for (Node n = server.getFirstChild(); n != null; n = n.getNextSibling()) {
          if (n.getNodeType() == Node.COMMENT_NODE && SettingsEditor.isMarker(n.getNodeValue())) {
            managed = true;
          }
        }
        Server s = new Server(id, managed, server.getTextContent());
        for (Element u : childElements(server, "username")) {
          s.usernames.add(u.getTextContent().trim());
        }
        for (Element p : childElements(server, "password")) {
          s.passwords.add(p.getTextContent().trim());
        }
        out.add(s);
      }
    }
    return out;
  }

  /** Local name and text of every child of the root other than {@code <servers>}: must not change. */
  static List<String> otherSections(Document doc) {
    List<String> out = new ArrayList<>();
    Element root = doc.getDocumentElement();
    for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeType() == Node.ELEMENT_NODE && !"servers".equals(localName(n))) {
        out.add(localName(n) + "=" + n.getTextContent());
      }
    }
    return out;
  }
}
