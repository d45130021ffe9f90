package dev.codeartifact.core.flow;

import static dev.codeartifact.core.flow.TokenRequestTest.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigurationTest {
  static Configuration config(String... keyValues) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return Configuration.of(m);
  }

  @Test
  void blankValuesAreUnsetAndValuesTrimmed() {
    Configuration c = config(Configuration.DOMAIN, "  d1 ", Configuration.REGION, "   ", Configuration.PROFILE, null);
    assertEquals("d1", c.get(Configuration.DOMAIN));
    assertTrue(c.isSet(Configuration.DOMAIN));
    assertFalse(c.isSet(Configuration.REGION));
    assertFalse(c.isSet(Configuration.PROFILE));
    assertEquals(List.of(Configuration.DOMAIN), c.setProperties());
    assertEquals("Configuration[codeartifact.domain]", c.toString());
  }

  @Test
  void toStringNeverShowsValues() {
    Configuration c = config(Configuration.PROFILE, "secret-looking-value");
    assertFalse(c.toString().contains("secret-looking-value"));
  }

  @ParameterizedTest
  @CsvSource({"true,true", "TRUE,true", "True,true", "false,false", "FALSE,false", "' false ',false"})
  void booleans(String value, boolean expected) throws Exception {
    assertEquals(expected, config(Configuration.FAIL_ON_ERROR, value).bool(Configuration.FAIL_ON_ERROR, !expected));
  }

  @Test
  void booleanDefaults() throws Exception {
    assertTrue(config().bool(Configuration.FAIL_ON_ERROR, true));
    assertFalse(config().bool(Configuration.CACHE, false));
    assertFalse(config().skip());
    assertTrue(config(Configuration.SKIP, "true").skip());
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "no", "1", "0", "on", "tru", "falsee"})
  void invalidBooleans(String value) {
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> config(Configuration.SKIP, value).skip());
    assertInvalid(e, "codeartifact.skip", value, "true or false");
  }

  @Test
  void serverIds() throws Exception {
    assertEquals(List.of(), List.copyOf(config().serverIds()));
    assertEquals(List.of("a", "b.c", "d_e-1"),
        List.copyOf(config(Configuration.SERVER_IDS, " a, b.c\td_e-1 ,,a ").serverIds()));
    assertEquals(List.of("central"), List.copyOf(config(Configuration.SERVER_IDS, ",central,").serverIds()));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"a;b | a;b", "a,b/c | b/c", "é | é"})
  void invalidServerIds(String value, String culprit) {
    // (An unresolved ${...} is no server id either: it counts as unset, see unresolvedValuesCountAsUnset.)
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> config(Configuration.SERVER_IDS, value).serverIds());
    assertInvalid(e, "codeartifact.serverIds", value,
        "a comma-separated list of server ids (letters, digits, '.', '_' and '-'); '" + culprit + "' is not one");
  }

  @Test
  void templateCarriesEveryValidatedField() throws Exception {
    TokenRequest r = config(Configuration.DOMAIN, "d1", Configuration.DOMAIN_OWNER, "111122223333",
        Configuration.REGION, "us-gov-west-1", Configuration.DURATION, "0", Configuration.PROFILE, "dev",
        Configuration.ENDPOINT, "http://127.0.0.1:9").tokenRequestTemplate().build();
    assertEquals("d1", r.domain());
    assertEquals("111122223333", r.domainOwner());
    assertEquals("us-gov-west-1", r.region());
    assertEquals(Integer.valueOf(0), r.durationSeconds());
    assertEquals("dev", r.profile());
    assertEquals("http://127.0.0.1:9", r.endpoint().toString());
  }

  @Test
  void templateWithoutDomainIsFineUntilBuilt() throws Exception {
    TokenRequest.Builder b = config(Configuration.REGION, "us-east-1").tokenRequestTemplate();
    assertEquals("us-east-1", b.copy().domain("d1").build().region());
    assertThrows(InvalidParameterException.class, b::build);
  }

  @Test
  void templateReportsEachBadField() {
    Object[][] cases = {
        {Configuration.DOMAIN, "Bad_Domain", TokenRequestTest.DOMAIN_ALLOWED},
        {Configuration.DOMAIN_OWNER, "123", TokenRequestTest.OWNER_ALLOWED},
        {Configuration.DURATION, "899", TokenRequestTest.DURATION_ALLOWED},
        {Configuration.DURATION, "43201", TokenRequestTest.DURATION_ALLOWED},
        {Configuration.DURATION, "1e3", TokenRequestTest.DURATION_ALLOWED},
        {Configuration.DURATION, "abc", TokenRequestTest.DURATION_ALLOWED},
        {Configuration.DURATION, "-1", TokenRequestTest.DURATION_ALLOWED},
        {Configuration.REGION, "moon-1", TokenRequestTest.REGION_ALLOWED},
        {Configuration.ENDPOINT, "codeartifact.example", TokenRequestTest.ENDPOINT_ALLOWED},
    };
    for (Object[] c : cases) {
      InvalidParameterException e = assertThrows(InvalidParameterException.class,
          () -> config((String) c[0], (String) c[1]).tokenRequestTemplate(), Arrays.toString(c));
      assertInvalid(e, (String) c[0], (String) c[1], (String) c[2]);
    }
  }

  @Test
  void durationBoundariesThroughConfiguration() throws Exception {
    assertEquals(Integer.valueOf(900),
        config(Configuration.DURATION, "900").tokenRequestTemplate().domain("d1").build().durationSeconds());
    assertEquals(Integer.valueOf(43200),
        config(Configuration.DURATION, "43200").tokenRequestTemplate().domain("d1").build().durationSeconds());
    assertNull(config().tokenRequestTemplate().domain("d1").build().durationSeconds());
  }

  @Test
  void everyPropertyIsListedOnce() {
    assertEquals(Configuration.PROPERTIES.size(), new java.util.HashSet<>(Configuration.PROPERTIES).size());
    for (String p : Configuration.PROPERTIES) {
      assertTrue(p.startsWith("codeartifact."), p);
    }
  }

  @Test
  void unresolvedValuesCountAsUnsetAndAreKeptForTheirWarning() throws Exception {
    Map<String, String> values = new java.util.HashMap<>();
    values.put(Configuration.SERVER_IDS, "ok,${env.X}");
    values.put(Configuration.DOMAIN, " ${ca.domain} ");
    values.put(Configuration.REGION, "eu-west-1");
    Configuration c = Configuration.of(values);
    assertEquals(null, c.get(Configuration.SERVER_IDS));
    assertEquals(null, c.get(Configuration.DOMAIN));
    assertEquals("eu-west-1", c.get(Configuration.REGION));
    assertEquals("${ca.domain}", c.unresolved().get(Configuration.DOMAIN));
    assertEquals("ok,${env.X}", c.unresolved().get(Configuration.SERVER_IDS));
    // In layers, the next layer speaks for an unresolved value; only when none does is it kept.
    Configuration layered = new Configuration.Layers()
        .offer(Configuration.DOMAIN, "${ca.domain}", "plugin configuration")
        .offer(Configuration.DOMAIN, "corp", "user property")
        .offer(Configuration.REGION, "${r}", "plugin configuration")
        .configuration();
    assertEquals("corp", layered.get(Configuration.DOMAIN));
    assertEquals(null, layered.get(Configuration.REGION));
    assertEquals(java.util.Collections.singletonMap(Configuration.REGION, "${r}"), layered.unresolved());
  }
}
