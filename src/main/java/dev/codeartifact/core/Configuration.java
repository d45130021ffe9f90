package dev.codeartifact.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The plugin's settings as the user wrote them, keyed by user-property name ({@code codeartifact.domain}
 * ...), whichever front end they came from: mojo parameters, the plugin's POM configuration, {@code -D},
 * {@code .mvn/maven.config} or settings profiles. Validation happens in {@link #tokenRequestTemplate()}
 * and the typed getters, each failure naming the property, the value and what is allowed.
 */
public final class Configuration {
  public static final String DOMAIN = "codeartifact.domain";
  public static final String DOMAIN_OWNER = "codeartifact.domainOwner";
  public static final String DURATION = "codeartifact.durationSeconds";
  public static final String REGION = "codeartifact.region";
  public static final String PROFILE = "codeartifact.profile";
  public static final String SERVER_IDS = "codeartifact.serverIds";
  public static final String ENDPOINT = "codeartifact.endpoint";
  public static final String SKIP = "codeartifact.skip";
  public static final String CACHE = "codeartifact.cache";
  public static final String CACHE_DIR = "codeartifact.cacheDir";
  public static final String TOKEN_FROM_ENVIRONMENT = "codeartifact.tokenFromEnvironment";
  public static final String FAIL_ON_ERROR = "codeartifact.failOnError";
  public static final String CONNECT_TIMEOUT = "codeartifact.connectTimeout";
  public static final String READ_TIMEOUT = "codeartifact.readTimeout";
  public static final String CA_BUNDLE = "codeartifact.caBundle";
  public static final String FIPS = "codeartifact.fips";
  public static final String DUALSTACK = "codeartifact.dualstack";

  /** Every property this plugin reads, for front ends that collect them from user properties. */
  public static final List<String> PROPERTIES = Collections.unmodifiableList(java.util.Arrays.asList(
      DOMAIN, DOMAIN_OWNER, DURATION, REGION, PROFILE, SERVER_IDS, ENDPOINT, SKIP, CACHE, CACHE_DIR,
      TOKEN_FROM_ENVIRONMENT, FAIL_ON_ERROR, CONNECT_TIMEOUT, READ_TIMEOUT, CA_BUNDLE, FIPS, DUALSTACK));

  private static final Pattern SERVER_ID = Pattern.compile("[A-Za-z0-9_.\\-]+");

  private final Map<String, String> values;

  private Configuration(Map<String, String> values) {
    this.values = values;
  }

  /** Keeps the non-blank entries of {@code values}; later layers are the caller's business. */
  public static Configuration of(Map<String, String> values) {
    Map<String, String> copy = new TreeMap<>();
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (e.getValue() != null && !e.getValue().trim().isEmpty()) {
        copy.put(e.getKey(), e.getValue().trim());
      }
    }
    return new Configuration(copy);
  }

  public String get(String property) {
    return values.get(property);
  }

  public boolean isSet(String property) {
    return values.containsKey(property);
  }

  public boolean skip() throws InvalidParameterException {
    return bool(SKIP, false);
  }

  /** Parses a true/false property; anything else is an error rather than a silent false. */
  public boolean bool(String property, boolean defaultValue) throws InvalidParameterException {
    String v = values.get(property);
    if (v == null) {
      return defaultValue;
    }
    if ("true".equalsIgnoreCase(v)) {
      return true;
    }
    if ("false".equalsIgnoreCase(v)) {
      return false;
    }
    throw new InvalidParameterException(property, v, "true or false");
  }

  /** Comma- or whitespace-separated server ids, in the order given. */
  public Set<String> serverIds() throws InvalidParameterException {
    String v = values.get(SERVER_IDS);
    Set<String> ids = new LinkedHashSet<>();
    if (v == null) {
      return ids;
    }
    for (String id : v.split("[,\\s]+")) {
      if (id.isEmpty()) {
        continue;
      }
      if (!SERVER_ID.matcher(id).matches()) {
        throw new InvalidParameterException(SERVER_IDS, v,
            "a comma-separated list of server ids (letters, digits, '.', '_' and '-'); '" + id + "' is not one");
      }
      ids.add(id);
    }
    return ids;
  }

  /**
   * Validates every token-related property and returns a builder holding them; {@code domain} may still
   * be missing (discovery fills it). Fails on the first bad value.
   */
  public TokenRequest.Builder tokenRequestTemplate() throws InvalidParameterException {
    return TokenRequest.builder()
        .domain(values.get(DOMAIN))
        .domainOwner(values.get(DOMAIN_OWNER))
        .region(values.get(REGION))
        .durationSeconds(values.get(DURATION))
        .profile(values.get(PROFILE))
        .endpoint(values.get(ENDPOINT));
  }

  /** Names of the properties that are set (never values: a misplaced token must not reach a log). */
  public List<String> setProperties() {
    return new ArrayList<>(values.keySet());
  }

  @Override
  public String toString() {
    return "Configuration" + values.keySet();
  }
}
