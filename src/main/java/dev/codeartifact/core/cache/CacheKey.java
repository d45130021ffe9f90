package dev.codeartifact.core.cache;

import dev.codeartifact.core.flow.TokenRequest;
import dev.codeartifact.core.util.BoundedReads;
import dev.codeartifact.core.util.Digests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Identifies one cached CodeArtifact token: everything that can make two tokens differ, computed from
 * configuration, environment and the AWS shared config files only (no network, no AWS SDK), so that a
 * cache hit never has to load the SDK.
 *
 * <p>The canonical key string is made of, in this order:
 *
 * <ol>
 *   <li>the key format version;
 *   <li>{@code endpoint}: the configured API endpoint, or {@code default};
 *   <li>{@code region}: configured, else env {@code AWS_REGION}, else env {@code AWS_DEFAULT_REGION}, else
 *       {@code chain};
 *   <li>{@code domain}, {@code owner} (or {@code caller}), {@code duration} (seconds, or {@code default});
 *   <li>{@code profile}: configured, else env {@code AWS_PROFILE}, else {@code default};
 *   <li>the identity-bearing environment variables listed in {@link #IDENTITY_ENV} (for example
 *       {@code AWS_ACCESS_KEY_ID}, {@code AWS_ROLE_ARN}, {@code AWS_WEB_IDENTITY_TOKEN_FILE},
 *       {@code AWS_CONTAINER_CREDENTIALS_*}, {@code AWS_ENDPOINT_URL*}); never a secret such as
 *       {@code AWS_SECRET_ACCESS_KEY} or {@code AWS_SESSION_TOKEN};
 *   <li>the identity-bearing attributes ({@link #IDENTITY_ATTRIBUTES}: {@code role_arn},
 *       {@code source_profile}, {@code sso_account_id}, {@code sso_role_name}, {@code aws_access_key_id},
 *       ...) of the profile in {@code ~/.aws/config} ({@code [profile x]}, or {@code [default]}) and
 *       {@code ~/.aws/credentials} ({@code [x]}), honouring {@code AWS_CONFIG_FILE} and
 *       {@code AWS_SHARED_CREDENTIALS_FILE}; then, following {@code source_profile}, of up to
 *       {@value #MAX_SOURCE_PROFILE_HOPS} source profiles; and the {@code sso_start_url} of a referenced
 *       {@code [sso-session s]}. Missing files contribute nothing; an unreadable file contributes a marker.
 * </ol>
 *
 * <p>Each entry is written as {@code name=length:value} (or {@code name=-} when absent), so no value can
 * imitate another entry. Over-keying only costs a cache miss; under-keying could hand one identity's token
 * to another, so anything that might matter is in the key. The key is only ever stored or shown as its
 * SHA-256 hex ({@link #hash()}): it contains account ids, role ARNs and access key ids.
 */
public final class CacheKey {
  /** Bumped whenever the canonical form changes, so old files are simply never looked up again. */
  static final String FORMAT = "codeartifact-token-cache-key/1";

  static final int MAX_SOURCE_PROFILE_HOPS = 4;

  /** Largest shared config file read; bigger files are represented by a marker only. */
  static final long MAX_INI_BYTES = 1024 * 1024;

  /** Environment variables that select or describe the caller identity or the endpoint. No secrets. */
  public static final List<String> IDENTITY_ENV = Collections.unmodifiableList(Arrays.asList(
      "AWS_ACCESS_KEY_ID",
      "AWS_ROLE_ARN",
      "AWS_ROLE_SESSION_NAME",
      "AWS_WEB_IDENTITY_TOKEN_FILE",
      "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
      "AWS_CONTAINER_CREDENTIALS_FULL_URI",
      "AWS_EC2_METADATA_DISABLED",
      "AWS_ENDPOINT_URL",
      "AWS_ENDPOINT_URL_CODEARTIFACT",
      "AWS_USE_FIPS_ENDPOINT",
      "AWS_USE_DUALSTACK_ENDPOINT"));

  /** Profile attributes that select or describe the identity (or endpoint) a profile signs in as. */
  public static final List<String> IDENTITY_ATTRIBUTES = Collections.unmodifiableList(Arrays.asList(
      "aws_access_key_id",
      "credential_process",
      "credential_source",
      "endpoint_url",
      "external_id",
      "region",
      "role_arn",
      "role_session_name",
      "services",
      "source_profile",
      "sso_account_id",
      "sso_role_name",
      "sso_session",
      "sso_start_url",
      "web_identity_token_file"));

  private static final Set<String> ATTRIBUTE_SET = new HashSet<String>(IDENTITY_ATTRIBUTES);

  private final String canonical;
  private final String hash;

  private CacheKey(String canonical) {
    this.canonical = canonical;
    this.hash = Digests.sha256Hex(canonical);
  }

  /**
   * Derives the key of {@code request} for the caller described by {@code env} (the process environment,
   * or a test map) and {@code userHome} (where {@code .aws/} lives). Reads at most the two AWS shared
   * config files; never fails: an unreadable file only changes the key.
   */
  public static CacheKey of(TokenRequest request, Map<String, String> env, Path userHome) {
    Map<String, String> e = env == null ? Collections.<String, String>emptyMap() : env;
    StringBuilder sb = new StringBuilder(512);
    sb.append(FORMAT).append('\n');
    put(sb, "endpoint", request.endpoint() == null ? "default" : request.endpoint().toString());
    String region = request.region();
    if (region == null) {
      region = get(e, "AWS_REGION");
    }
    if (region == null) {
      region = get(e, "AWS_DEFAULT_REGION");
    }
    put(sb, "region", region == null ? "chain" : region);
    put(sb, "domain", request.domain());
    put(sb, "owner", request.domainOwner() == null ? "caller" : request.domainOwner());
    put(sb, "duration", request.durationSeconds() == null ? "default" : request.durationSeconds().toString());
    String profile = request.profile();
    if (profile == null) {
      profile = get(e, "AWS_PROFILE");
    }
    if (profile == null) {
      profile = "default";
    }
    put(sb, "profile", profile);
    for (String name : IDENTITY_ENV) {
      put(sb, "env." + name, get(e, name));
    }
    appendProfiles(sb, profile, e, userHome);
    return new CacheKey(sb.toString());
  }

  /** SHA-256 of the canonical key, 64 lowercase hex digits: the cache file name. */
  public String hash() {
    return hash;
  }

  /** The clear key; holds account ids and ARNs: tests and debugging only, never write it anywhere. */
  String canonical() {
    return canonical;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CacheKey && ((CacheKey) o).hash.equals(hash);
  }

  @Override
  public int hashCode() {
    return hash.hashCode();
  }

  @Override
  public String toString() {
    return "CacheKey[" + hash.substring(0, 12) + "]";
  }

  // ---------------------------------------------------------------------------------------------------

  private static String get(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.trim().isEmpty() ? null : v.trim();
  }

  private static void put(StringBuilder sb, String name, String value) {
    sb.append(name).append('=');
    if (value == null) {
      sb.append('-');
    } else {
      sb.append(value.length()).append(':').append(value);
    }
    sb.append('\n');
  }

  private static void appendProfiles(StringBuilder sb, String profile, Map<String, String> env, Path home) {
    Path configFile = sharedFile(get(env, "AWS_CONFIG_FILE"), home, "config");
    Path credentialsFile = sharedFile(get(env, "AWS_SHARED_CREDENTIALS_FILE"), home, "credentials");
    Ini config = Ini.read(configFile, true);
    Ini credentials = Ini.read(credentialsFile, false);
    put(sb, "file.config", config.status);
    put(sb, "file.credentials", credentials.status);

    Set<String> seen = new HashSet<String>();
    String current = profile;
    for (int hop = 0; current != null && hop <= MAX_SOURCE_PROFILE_HOPS && seen.add(current); hop++) {
      String prefix = "profile." + hop + ".";
      put(sb, prefix + "name", current);
      Map<String, String> fromConfig = config.section("profile", current);
      Map<String, String> fromCredentials = credentials.section("profile", current);
      for (Map.Entry<String, String> a : new TreeMap<String, String>(fromConfig).entrySet()) {
        put(sb, prefix + "config." + a.getKey(), a.getValue());
      }
      for (Map.Entry<String, String> a : new TreeMap<String, String>(fromCredentials).entrySet()) {
        put(sb, prefix + "credentials." + a.getKey(), a.getValue());
      }
      String ssoSession = fromConfig.get("sso_session");
      if (ssoSession != null) {
        Map<String, String> session = config.section("sso-session", ssoSession);
        put(sb, prefix + "sso-session.sso_start_url", session.get("sso_start_url"));
      }
      String next = fromCredentials.get("source_profile");
      if (next == null) {
        next = fromConfig.get("source_profile");
      }
      current = next;
    }
  }

  private static Path sharedFile(String configured, Path home, String name) {
    Path base = home == null ? Paths.get(System.getProperty("user.home", ".")) : home;
    if (configured == null) {
      return base.resolve(".aws").resolve(name);
    }
    if (configured.equals("~")) {
      return base;
    }
    if (configured.startsWith("~/") || configured.startsWith("~\\")) {
      return base.resolve(configured.substring(2));
    }
    try {
      return Paths.get(configured);
    } catch (RuntimeException e) {
      return base.resolve(".aws").resolve(name); // an invalid path: status marker below says "missing"
    }
  }

  /**
   * The few lines of the AWS shared config format the key needs: {@code [section]} headers and
   * top-level {@code name = value} properties; comment lines ({@code #}, {@code ;}) and indented
   * sub-properties are skipped. In the config file a profile is {@code [profile x]} (or {@code [default]});
   * in the credentials file it is {@code [x]}. Only {@link #IDENTITY_ATTRIBUTES} are kept.
   */
  static final class Ini {
    final String status;
    private final Map<String, Map<String, String>> sections;

    private Ini(String status, Map<String, Map<String, String>> sections) {
      this.status = status;
      this.sections = sections;
    }

    Map<String, String> section(String kind, String name) {
      Map<String, String> s = sections.get(kind + ":" + name);
      return s == null ? Collections.<String, String>emptyMap() : s;
    }

    static Ini read(Path file, boolean configFormat) {
      byte[] bytes;
      try {
        if (!Files.exists(file)) {
          return new Ini("missing", Collections.<String, Map<String, String>>emptyMap());
        }
        if (Files.size(file) > MAX_INI_BYTES) {
          return new Ini("too-large", Collections.<String, Map<String, String>>emptyMap());
        }
        bytes = BoundedReads.readAtMost(Files.newInputStream(file), (int) MAX_INI_BYTES);
        if (bytes == null) { // grew past the limit since its size was read
          return new Ini("unreadable", Collections.<String, Map<String, String>>emptyMap());
        }
      } catch (NoSuchFileException e) {
        return new Ini("missing", Collections.<String, Map<String, String>>emptyMap());
      } catch (IOException | RuntimeException e) {
        return new Ini("unreadable", Collections.<String, Map<String, String>>emptyMap());
      }
      return new Ini("read", parse(new String(bytes, StandardCharsets.UTF_8), configFormat));
    }

    static Map<String, Map<String, String>> parse(String text, boolean configFormat) {
      Map<String, Map<String, String>> result = new LinkedHashMap<String, Map<String, String>>();
      Map<String, String> current = null;
      for (String raw : text.split("\r\n|\r|\n", -1)) {
        if (raw.isEmpty() || raw.charAt(0) == ' ' || raw.charAt(0) == '\t') {
          continue; // blank, or a continuation / sub-property line
        }
        String line = raw.trim();
        if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
          continue;
        }
        if (line.startsWith("[")) {
          int end = line.indexOf(']');
          String name = end < 0 ? null : sectionName(line.substring(1, end).trim(), configFormat);
          if (name == null) {
            current = null;
          } else {
            current = result.get(name);
            if (current == null) {
              current = new LinkedHashMap<String, String>();
              result.put(name, current);
            }
          }
          continue;
        }
        int eq = line.indexOf('=');
        if (current == null || eq <= 0) {
          continue;
        }
        String key = line.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        if (!ATTRIBUTE_SET.contains(key)) {
          continue;
        }
        String value = stripComment(line.substring(eq + 1)).trim();
        if (!value.isEmpty()) {
          current.put(key, value);
        }
      }
      return result;
    }

    private static String sectionName(String header, boolean configFormat) {
      String[] parts = header.split("[ \\t]+", 2);
      if (!configFormat) {
        return header.isEmpty() ? null : "profile:" + header;
      }
      if (parts.length == 1) {
        return header.equals("default") ? "profile:default" : null;
      }
      if (parts[0].equals("profile")) {
        return "profile:" + parts[1].trim();
      }
      if (parts[0].equals("sso-session")) {
        return "sso-session:" + parts[1].trim();
      }
      return null;
    }

    private static String stripComment(String value) {
      for (int i = 1; i < value.length(); i++) {
        char c = value.charAt(i);
        if ((c == '#' || c == ';') && Character.isWhitespace(value.charAt(i - 1))) {
          return value.substring(0, i);
        }
      }
      return value;
    }
  }
}
