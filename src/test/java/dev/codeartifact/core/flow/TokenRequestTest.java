package dev.codeartifact.core.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenRequestTest {
  static final String DOMAIN_ALLOWED = "a domain name is 2 to 50 characters: lowercase letters, digits and hyphens,"
      + " starting with a letter and not ending with a hyphen";
  static final String OWNER_ALLOWED = "the domain owner is an AWS account id of exactly 12 digits";
  static final String DURATION_ALLOWED =
      "0 (expire with the caller's role session) or a number of seconds from 900 to 43200";
  static final String REGION_ALLOWED = "an AWS region name such as us-east-1 or us-gov-west-1";
  static final String ENDPOINT_ALLOWED = "an absolute http(s) URL such as https://codeartifact.us-east-1.amazonaws.com";

  static void assertInvalid(InvalidParameterException e, String parameter, String value, String allowed) {
    assertEquals(parameter, e.parameter(), "parameter");
    assertEquals(value, e.value(), "value");
    assertEquals(allowed, e.allowed(), "allowed");
    assertEquals("Invalid " + parameter + " '" + value + "': " + allowed, e.getMessage());
  }

  /** A builder's setter, as the tests below give it a value. */
  interface Setter {
    TokenRequest.Builder set(TokenRequest.Builder builder, String value) throws InvalidParameterException;
  }

  /** The setter refuses {@code value}, naming the parameter, the value and what is allowed. */
  static void assertRefused(Setter setter, String parameter, String value, String allowed) {
    InvalidParameterException e =
        assertThrows(InvalidParameterException.class, () -> setter.set(TokenRequest.builder(), value), value);
    assertInvalid(e, parameter, value, allowed);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ab", "my-domain", "my-domain-2", "a1", "a-b-c-9", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwx"})
  void validDomains(String domain) throws Exception {
    assertEquals(domain, TokenRequest.builder().domain(domain).build().domain());
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "1domain", "domain-", "-domain", "My-Domain", "my_domain", "my.domain", "my domain",
      "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxy", "dömain"})
  void invalidDomains(String domain) {
    assertRefused(TokenRequest.Builder::domain, "codeartifact.domain", domain, DOMAIN_ALLOWED);
  }

  @Test
  void domainIsTrimmedAndRequired() throws Exception {
    assertEquals("my-domain", TokenRequest.builder().domain("  my-domain\t").build().domain());
    InvalidParameterException e =
        assertThrows(InvalidParameterException.class, () -> TokenRequest.builder().domain("   ").build());
    assertInvalid(e, "codeartifact.domain", "",
        "the CodeArtifact domain is required: set <domain> or -Dcodeartifact.domain");
  }

  @Test
  void ownerIsTwelveDigits() throws Exception {
    assertEquals("000011112222", TokenRequest.builder().domain("d1").domainOwner("000011112222").build().domainOwner());
    assertNull(TokenRequest.builder().domain("d1").domainOwner(" ").build().domainOwner());
    for (String bad : new String[] {"11112222333", "1111222233334", "11112222333a", "1111-2222-3333", "-11112222333",
        "１１１１２２２２３３３３"}) {
      assertRefused(TokenRequest.Builder::domainOwner, "codeartifact.domainOwner", bad, OWNER_ALLOWED);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "900", "3600", "43200", " 900 "})
  void validDurations(String duration) throws Exception {
    assertEquals(Integer.valueOf(duration.trim()),
        TokenRequest.builder().domain("d1").durationSeconds(duration).build().durationSeconds());
  }

  @ParameterizedTest
  @ValueSource(strings = {"899", "43201", "-1", "1", "abc", "1e3", "900.0", "99999999999", "0x384"})
  void invalidDurations(String duration) {
    assertRefused(TokenRequest.Builder::durationSeconds, "codeartifact.durationSeconds", duration, DURATION_ALLOWED);
  }

  @Test
  void absentDurationIsNotSent() throws Exception {
    assertNull(TokenRequest.builder().domain("d1").durationSeconds(null).build().durationSeconds());
    assertNull(TokenRequest.builder().domain("d1").durationSeconds("").build().durationSeconds());
  }

  @ParameterizedTest
  @ValueSource(strings = {"us-east-1", "us-gov-west-1", "ap-southeast-2", "cn-north-1", "eu-central-2", "il-central-1"})
  void validRegions(String region) throws Exception {
    assertEquals(region, TokenRequest.builder().domain("d1").region(region).build().region());
  }

  @ParameterizedTest
  @ValueSource(strings = {"US-EAST-1", "us-east", "useast1", "us_east_1", "us-east-1a", "x", "us-east-1/"})
  void invalidRegions(String region) {
    assertRefused(TokenRequest.Builder::region, "codeartifact.region", region, REGION_ALLOWED);
  }

  @Test
  void endpoints() throws Exception {
    assertEquals(URI.create("http://127.0.0.1:8080"),
        TokenRequest.builder().domain("d1").endpoint("http://127.0.0.1:8080").build().endpoint());
    assertEquals("codeartifact.us-east-1.amazonaws.com",
        TokenRequest.builder().domain("d1").endpoint(" HTTPS://codeartifact.us-east-1.amazonaws.com ").build().endpoint()
            .getHost());
    for (String bad : new String[] {"codeartifact.us-east-1.amazonaws.com", "ftp://host/", "https://", "http:/x",
        "https://exa mple.com", "file:///etc/passwd"}) {
      assertRefused(TokenRequest.Builder::endpoint, "codeartifact.endpoint", bad, ENDPOINT_ALLOWED);
    }
  }

  @Test
  void profiles() throws Exception {
    assertEquals("sso-dev@corp", TokenRequest.builder().domain("d1").profile("sso-dev@corp").build().profile());
    assertRefused(TokenRequest.Builder::profile, "codeartifact.profile", "has space",
        "the name of a profile in ~/.aws/config or ~/.aws/credentials");
  }

  @Test
  void equalityCoversEveryField() throws Exception {
    TokenRequest.Builder template = TokenRequest.builder().domain("d1").domainOwner("111122223333")
        .region("us-east-1").durationSeconds("900").profile("p").endpoint("http://localhost:1");
    TokenRequest base = template.build();
    assertEquals(base, template.copy().build());
    assertEquals(base.hashCode(), template.copy().build().hashCode());
    assertNotEquals(base, template.copy().domain("d2").build());
    assertNotEquals(base, template.copy().domainOwner("111122223334").build());
    assertNotEquals(base, template.copy().region("us-east-2").build());
    assertNotEquals(base, template.copy().durationSeconds("0").build());
    assertNotEquals(base, template.copy().profile("q").build());
    assertNotEquals(base, template.copy().endpoint("http://localhost:2").build());
  }

  @Test
  void copyIsIndependent() throws Exception {
    TokenRequest.Builder template = TokenRequest.builder().region("us-east-1");
    TokenRequest.Builder copy = template.copy().domain("d1").region("eu-west-1");
    assertEquals("eu-west-1", copy.build().region());
    assertEquals("us-east-1", template.domain("d2").build().region());
  }

  @Test
  void describeNamesDefaults() throws Exception {
    assertEquals("domain d1 (owner caller's account, region from the AWS region chain)",
        TokenRequest.builder().domain("d1").build().describe());
    assertEquals("domain d1 (owner 111122223333, region us-gov-west-1)",
        TokenRequest.builder().domain("d1").domainOwner("111122223333").region("us-gov-west-1").build().describe());
  }
}
