package dev.codeartifact.core.repository;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Which {@code <mirror>} of the settings serves a repository, by the rules of Maven's mirror selector
 * ({@code DefaultMirrorSelector}): a mirror whose {@code mirrorOf} is exactly the repository id wins; else
 * the first whose pattern matches ({@code *}, {@code external:*}, {@code external:http:*}, comma lists,
 * {@code !id} exclusions). Needed where Maven has not applied mirrors yet (the core extension), because
 * the {@code <server>} that counts is the mirror's.
 */
public final class Mirrors {
  /** A mirror as the settings declare it. */
  public static final class Mirror {
    final String id;
    final String url;
    final String mirrorOf;

    public Mirror(String id, String url, String mirrorOf) {
      this.id = id;
      this.url = url;
      this.mirrorOf = mirrorOf;
    }

    public String id() {
      return id;
    }

    public String url() {
      return url;
    }
  }

  private Mirrors() {}

  /** The mirror of the repository {@code id} at {@code url}, or null when none applies. */
  public static Mirror select(String id, String url, List<Mirror> mirrors) {
    if (id == null || mirrors == null) {
      return null;
    }
    for (Mirror m : mirrors) {
      if (m.mirrorOf != null && id.equals(m.mirrorOf.trim())) {
        return m;
      }
    }
    for (Mirror m : mirrors) {
      if (m.mirrorOf != null && matches(m.mirrorOf.trim(), id, url)) {
        return m;
      }
    }
    return null;
  }

  static boolean matches(String pattern, String id, String url) {
    if ("*".equals(pattern) || pattern.equals(id)) {
      return true;
    }
    boolean result = false;
    for (String part : pattern.split(",")) {
      String p = part.trim();
      if (p.length() > 1 && p.startsWith("!")) {
        if (p.substring(1).equals(id)) {
          return false;
        }
      } else if (p.equals(id)) {
        return true;
      } else if ("external:*".equals(p) && isExternal(url)) {
        result = true; // a later "!id" may still exclude it
      } else if ("external:http:*".equals(p) && isExternal(url) && "http".equals(scheme(url))) {
        result = true;
      } else if ("*".equals(p)) {
        result = true;
      }
    }
    return result;
  }

  private static boolean isExternal(String url) {
    String host = host(url);
    return !"file".equals(scheme(url)) && !"localhost".equals(host) && !"127.0.0.1".equals(host);
  }

  private static String scheme(String url) {
    URI uri = uri(url);
    return uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
  }

  private static String host(String url) {
    URI uri = uri(url);
    return uri == null || uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
  }

  /** Null for what is not a URI: such a repository is neither external nor plain http. */
  private static URI uri(String url) {
    if (url == null) {
      return null;
    }
    try {
      return new URI(url.trim());
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
