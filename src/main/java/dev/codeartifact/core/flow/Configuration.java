package dev.codeartifact.core.flow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
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
  private final Map<String, String> unresolved;

  private Configuration(Map<String, String> values, Map<String, String> unresolved) {
    this.values = values;
    this.unresolved = unresolved;
  }

  /**
   * The one rule for every source: a blank value counts as unset, and so does a value with an unresolved
   * {@code ${...}} (a property Maven could not resolve), which {@link #unresolved()} keeps for a warning.
   * Values are trimmed. Later layers are the caller's business.
   */
  public static Configuration of(Map<String, String> values) {
    Map<String, String> copy = new TreeMap<>();
    Map<String, String> unresolved = new TreeMap<>();
    for (Map.Entry<String, String> e : values.entrySet()) {
      String v = e.getValue() == null ? "" : e.getValue().trim();
      if (isUnresolved(v)) {
        unresolved.put(e.getKey(), v);
      } else if (!v.isEmpty()) {
        copy.put(e.getKey(), v);
      }
    }
    return new Configuration(copy, unresolved);
  }

  /** Whether {@code value} holds a {@code ${...}} Maven left unresolved: such a value counts as unset. */
  public static boolean isUnresolved(String value) {
    return value != null && value.contains("${");
  }

  /** Properties whose value was an unresolved {@code ${...}}, with that value (never a secret: a placeholder). */
  public Map<String, String> unresolved() {
    return Collections.unmodifiableMap(unresolved);
  }

  /**
   * Collects a configuration from layers in precedence order (say, POM configuration, then {@code -D}, then
   * settings profiles), with the rule of {@link #of}: the first layer with a usable value wins, a blank or
   * unresolved value lets the next layer speak, and an unresolved value no layer replaces is kept for its
   * warning. Remembers which layer each value came from, for error lines.
   */
  public static final class Layers {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, String> unresolved = new LinkedHashMap<>();

    /** Offers {@code value} for {@code property} from the layer named {@code source}. */
    public Layers offer(String property, String value, String source) {
      if (value == null || value.trim().isEmpty() || values.containsKey(property)) {
        return this;
      }
      if (isUnresolved(value)) {
        unresolved.putIfAbsent(property, value);
      } else {
        values.put(property, value);
        sources.put(property, source);
      }
      return this;
    }

    /** Offers every property of {@link #PROPERTIES} that {@code layer} holds. */
    public Layers offer(java.util.Properties layer, String source) {
      if (layer != null) {
        for (String property : PROPERTIES) {
          offer(property, layer.getProperty(property), source);
        }
      }
      return this;
    }

    /** Where the value of each set property came from. */
    public Map<String, String> sources() {
      return Collections.unmodifiableMap(sources);
    }

    public Configuration configuration() {
      Map<String, String> all = new LinkedHashMap<>(unresolved);
      all.putAll(values);
      return of(all);
    }
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
