package dev.codeartifact.core.aws;

import java.util.regex.Pattern;

/**
 * A copy of an SDK failure that is safe to keep as the cause of our exceptions (Maven prints causes with
 * {@code -e}): same class name and stack trace, and every message with long token-like runs masked. An
 * SDK message may quote a response body (a JSON parser quotes the text it choked on), and a body may hold
 * a token, so no SDK message reaches a log unmasked.
 */
final class Redacted extends Exception {
  private static final long serialVersionUID = 1L;
  /** CodeArtifact tokens are ~1,200+ characters of base64url; no message we want to keep has such runs. */
  private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9_\\-+/=.%]{48,}");
  static final int MAX_MESSAGE = 500;

  private final String type;

  private Redacted(String type, String message) {
    super(message);
    this.type = type;
  }

  /** {@code text} with token-like runs replaced by {@code ****}, line breaks flattened, length capped. */
  static String mask(String text) {
    if (text == null) {
      return null;
    }
    String s = TOKEN_LIKE.matcher(text).replaceAll("****").replaceAll("[\\r\\n]+", " ");
    return s.length() > MAX_MESSAGE ? s.substring(0, MAX_MESSAGE) + "..." : s;
  }

  /** The chain of {@code t} with masked messages; null for null. */
  static Throwable of(Throwable t) {
    return copy(t, 0);
  }

  private static Throwable copy(Throwable t, int depth) {
    if (t == null || depth > 20) {
      return null;
    }
    Redacted r = new Redacted(t.getClass().getName(), mask(t.getMessage()));
    r.setStackTrace(t.getStackTrace());
    Throwable cause = t.getCause() == t ? null : copy(t.getCause(), depth + 1);
    if (cause != null) {
      r.initCause(cause);
    }
    return r;
  }

  @Override
  public String toString() {
    String m = getMessage();
    return m == null ? type : type + ": " + m;
  }
}
