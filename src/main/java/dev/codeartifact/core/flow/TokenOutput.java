package dev.codeartifact.core.flow;

import dev.codeartifact.core.token.AuthorizationToken;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Renders a token the way {@code aws codeartifact get-authorization-token} prints it, so scripts written
 * for the AWS CLI keep working: {@code --output json} (4-space indented, the CLI v2 default) or
 * {@code --output text} (tab-separated), optionally narrowed to one field as with
 * {@code --query authorizationToken}. The expiration is ISO 8601 in UTC ({@code 2026-11-28T14:00:00+00:00}).
 *
 * <p>The rendered text contains the token: it goes only where the user asked (stdout, a 0600 file).
 */
public final class TokenOutput {
  /** User property choosing the format. */
  public static final String OUTPUT = "codeartifact.output";
  /** User property choosing one field. */
  public static final String QUERY = "codeartifact.query";

  public static final String TOKEN_FIELD = "authorizationToken";
  public static final String EXPIRATION_FIELD = "expiration";

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** Output formats, as the AWS CLI names them. */
  public enum Format {
    JSON, TEXT
  }

  private final Format format;
  private final String query;

  private TokenOutput(Format format, String query) {
    this.format = format;
    this.query = query;
  }

  /**
   * Validates the two user inputs: {@code output} {@code json} (default when blank) or {@code text},
   * case-insensitive; {@code query} blank, {@code authorizationToken} or {@code expiration} (exact, like
   * the CLI's JMESPath field names).
   */
  public static TokenOutput of(String output, String query) throws InvalidParameterException {
    String o = output == null ? "" : output.trim();
    Format format;
    if (o.isEmpty() || o.equalsIgnoreCase("json")) {
      format = Format.JSON;
    } else if (o.equalsIgnoreCase("text")) {
      format = Format.TEXT;
    } else {
      throw new InvalidParameterException(OUTPUT, o, "json or text");
    }
    String q = query == null ? "" : query.trim();
    if (q.isEmpty()) {
      q = null;
    } else if (!q.equals(TOKEN_FIELD) && !q.equals(EXPIRATION_FIELD)) {
      throw new InvalidParameterException(QUERY, q, TOKEN_FIELD + " or " + EXPIRATION_FIELD
          + " (one field of the result; leave it out for both)");
    }
    return new TokenOutput(format, q);
  }

  public Format format() {
    return format;
  }

  /** The selected field, or null for both. */
  public String query() {
    return query;
  }

  /** Whether the rendered text holds the token (false only for a query of the expiration). */
  public boolean containsToken() {
    return !EXPIRATION_FIELD.equals(query);
  }

  /** The text to print, ending with one line break ({@code \n}). */
  public String render(AuthorizationToken token) {
    String expiration = timestamp(token.expiration());
    if (format == Format.TEXT) {
      if (TOKEN_FIELD.equals(query)) {
        return token.secret() + "\n";
      }
      if (EXPIRATION_FIELD.equals(query)) {
        return expiration + "\n";
      }
      return token.secret() + "\t" + expiration + "\n";
    }
    if (TOKEN_FIELD.equals(query)) {
      return jsonString(token.secret()) + "\n";
    }
    if (EXPIRATION_FIELD.equals(query)) {
      return jsonString(expiration) + "\n";
    }
    return "{\n"
        + "    " + jsonString(TOKEN_FIELD) + ": " + jsonString(token.secret()) + ",\n"
        + "    " + jsonString(EXPIRATION_FIELD) + ": " + jsonString(expiration) + "\n"
        + "}\n";
  }

  /**
   * ISO 8601 in UTC with an explicit {@code +00:00} offset, like the AWS CLI v2; fractions of a second
   * only when there are any (as microseconds, as Python prints them).
   */
  public static String timestamp(Instant instant) {
    Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
    String s = SECONDS.format(micros);
    int nanos = micros.getNano();
    if (nanos != 0) {
      s += String.format(Locale.ROOT, ".%06d", nanos / 1000);
    }
    return s + "+00:00";
  }

  /** Characters JSON writes as a two-character escape, and the letter after the backslash for each. */
  private static final String SHORT_ESCAPED = "\"\\\n\r\t\b\f";
  private static final String SHORT_ESCAPES = "\"\\nrtbf";

  /** A JSON string literal: quotes, backslash and control characters escaped; other characters as is. */
  public static String jsonString(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 2);
    sb.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      int escape = SHORT_ESCAPED.indexOf(c);
      if (escape >= 0) {
        sb.append('\\').append(SHORT_ESCAPES.charAt(escape));
      } else if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  @Override
  public String toString() {
    return "TokenOutput[" + format + (query == null ? "" : ", query " + query) + "]";
  }
}
