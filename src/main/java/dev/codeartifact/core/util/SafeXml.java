package dev.codeartifact.core.util;

import dev.codeartifact.core.flow.CodeArtifactException;
import java.io.ByteArrayInputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;

/**
 * The only place that creates an XML parser, so there is one place to check that none fetches a DTD or an
 * external entity. (The root POM is read with Maven's own reader.) A settings file may declare entities,
 * which {@link #settingsParser()} must read unexpanded so the editor can splice the text byte for byte.
 */
public final class SafeXml {
  private SafeXml() {}

  /**
   * StAX for a settings file: the JDK's own parser, DTD parsed (so declared entities are known) but no
   * external entity read and no reference expanded; every fetch it might attempt gets an empty stream.
   */
  public static XMLInputFactory settingsParser() throws CodeArtifactException {
    XMLInputFactory f;
    try {
      // The JDK's own parser even when another StAX implementation is on the class path: positions are
      // read the way this parser reports them. XMLInputFactory.newDefaultFactory() is Java 9+.
      f = (XMLInputFactory) XMLInputFactory.class.getMethod("newDefaultFactory").invoke(null);
    } catch (ReflectiveOperationException e) {
      f = XMLInputFactory.newInstance();
    }
    try {
      f.setProperty(XMLInputFactory.SUPPORT_DTD, true); // parsed, so declared entities are known
      f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
      f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
      f.setXMLResolver((publicId, systemId, base, ns) -> new ByteArrayInputStream(new byte[0]));
    } catch (IllegalArgumentException e) {
      throw new CodeArtifactException("the JDK XML parser cannot be configured safely", e);
    }
    try {
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    } catch (IllegalArgumentException e) {
      // a parser without this property: the resolver above already refuses every fetch
    }
    return f;
  }
}
