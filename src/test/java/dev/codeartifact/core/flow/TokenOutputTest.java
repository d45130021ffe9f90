package dev.codeartifact.core.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeartifact.core.token.AuthorizationToken;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenOutputTest {
  private static final Instant EXPIRES = Instant.parse("2026-11-28T14:00:00Z");
  private static final AuthorizationToken TOKEN = new AuthorizationToken("eyJ2ZXIiOjEsImlzdSI6MTcwMH0.abc-_", EXPIRES);

  private static String render(String output, String query, AuthorizationToken token) throws Exception {
    return TokenOutput.of(output, query).render(token);
  }

  @Test
  void jsonByDefaultLikeTheAwsCli() throws Exception {
    String expected = "{\n"
        + "    \"authorizationToken\": \"eyJ2ZXIiOjEsImlzdSI6MTcwMH0.abc-_\",\n"
        + "    \"expiration\": \"2026-11-28T14:00:00+00:00\"\n"
        + "}\n";
    assertEquals(expected, render(null, null, TOKEN));
    assertEquals(expected, render("", " ", TOKEN));
    assertEquals(expected, render("JSON", null, TOKEN));
  }

  @Test
  void textIsTabSeparated() throws Exception {
    assertEquals("eyJ2ZXIiOjEsImlzdSI6MTcwMH0.abc-_\t2026-11-28T14:00:00+00:00\n", render("text", null, TOKEN));
  }

  @Test
  void queryWithTextGivesTheBareValue() throws Exception {
    assertEquals("eyJ2ZXIiOjEsImlzdSI6MTcwMH0.abc-_\n", render("text", "authorizationToken", TOKEN));
    assertEquals("2026-11-28T14:00:00+00:00\n", render("text", "expiration", TOKEN));
  }

  @Test
  void queryWithJsonGivesAJsonString() throws Exception {
    assertEquals("\"eyJ2ZXIiOjEsImlzdSI6MTcwMH0.abc-_\"\n", render("json", "authorizationToken", TOKEN));
    assertEquals("\"2026-11-28T14:00:00+00:00\"\n", render("json", "expiration", TOKEN));
  }

  @Test
  void containsTokenUnlessOnlyTheExpirationIsAsked() throws Exception {
    assertTrue(TokenOutput.of("json", null).containsToken());
    assertTrue(TokenOutput.of("text", "authorizationToken").containsToken());
    assertFalse(TokenOutput.of("text", "expiration").containsToken());
  }

  @Test
  void jsonEscapesQuotesBackslashesAndControlCharacters() throws Exception {
    AuthorizationToken odd = new AuthorizationToken("a\"b\\c\nd\te\u0001f/é\u2028", EXPIRES);
    String json = render("json", null, odd);
    assertTrue(json.contains("\"authorizationToken\": \"a\\\"b\\\\c\\nd\\te\\u0001f/é\\u2028\","), json);
    assertEquals("\"\\b\\f\\r\\u007f\"", TokenOutput.jsonString("\b\f\r\u007f"));
  }

  @Test
  void textDoesNotEscape() throws Exception {
    AuthorizationToken odd = new AuthorizationToken("a\"b\\c", EXPIRES);
    assertEquals("a\"b\\c\n", render("text", "authorizationToken", odd));
  }

  @Test
  void timestampsAreUtcWithOffsetAndMicrosecondsOnlyWhenPresent() {
    assertEquals("2026-11-28T14:00:00+00:00", TokenOutput.timestamp(EXPIRES));
    assertEquals("2026-11-28T14:00:00.250000+00:00", TokenOutput.timestamp(Instant.parse("2026-11-28T14:00:00.25Z")));
    assertEquals("2026-01-02T03:04:05.000001+00:00",
        TokenOutput.timestamp(Instant.parse("2026-01-02T03:04:05.000001999Z")));
  }

  @Test
  void badOutputNamesParameterValueAndAllowedValues() {
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> TokenOutput.of("yaml", null));
    assertEquals("codeartifact.output", e.parameter());
    assertEquals("yaml", e.value());
    assertEquals("json or text", e.allowed());
  }

  @Test
  void badQueryNamesTheFields() {
    InvalidParameterException e =
        assertThrows(InvalidParameterException.class, () -> TokenOutput.of("text", "token"));
    assertEquals("codeartifact.query", e.parameter());
    assertEquals("token", e.value());
    assertTrue(e.allowed().startsWith("authorizationToken or expiration"));
    // Field names are exact, as in the AWS CLI's --query.
    assertThrows(InvalidParameterException.class, () -> TokenOutput.of("text", "AuthorizationToken"));
  }

  @Test
  void toStringHasNoSecret() throws Exception {
    assertFalse(TokenOutput.of("text", null).toString().contains(TOKEN.secret()));
  }
}
