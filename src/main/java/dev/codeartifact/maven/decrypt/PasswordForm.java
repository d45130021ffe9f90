package dev.codeartifact.maven.decrypt;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The settings.xml password that Maven's settings decryption turns into a CodeArtifact token:
 *
 * <pre>
 * {[type=codeartifact]domain=my-domain,owner=111122223333,region=us-east-1,profile=dev}     Maven 3
 * {[type=codeartifact,name=codeartifact,version=1]domain=my-domain,...}                    Maven 3 and 4
 * </pre>
 *
 * <p>Maven 3's sec-dispatcher hands the text after {@code ]} to the {@code PasswordDecryptor} named by
 * {@code type}; Maven 4's to the {@code Dispatcher} named by {@code name} (it also requires a
 * {@code version} attribute; ours is the version of this payload syntax). The payload is comma-separated
 * {@code key=value} items ({@link #KEYS}); an item without {@code =} is a repository URL when it holds
 * {@code ://}, else a domain name. Only the syntax is checked here; the values are validated with the
 * plugin's own rules when the token is requested. The form holds no secret, so it may appear in messages.
 */
final class PasswordForm {
  /** The component name both Maven versions look the decrypter up by. */
  static final String NAME = "codeartifact";
  static final String DOMAIN = "domain";
  static final String OWNER = "owner";
  static final String REGION = "region";
  static final String PROFILE = "profile";
  static final String URL = "url";
  static final List<String> KEYS = Collections.unmodifiableList(Arrays.asList(DOMAIN, OWNER, REGION, PROFILE, URL));

  /** Maven 3 only: Maven 4 does not decrypt it (it sends it as it is), so it never stops a Maven 4 build. */
  static final String MAVEN3_PREFIX = "{[type=" + NAME + "]";
  /** Maven 3 and 4: a Maven 4 without the component stops every build with this settings.xml. */
  static final String ANY_MAVEN_PREFIX = "{[type=" + NAME + ",name=" + NAME + ",version=1]";

  private static final String ALLOWED = "comma-separated domain=, owner=, region=, profile= (or url= with a"
      + " CodeArtifact repository URL instead of domain, owner and region), e.g. " + MAVEN3_PREFIX
      + "domain=my-domain,owner=111122223333,region=us-east-1}";
  /** Attribute lists as either Maven parses them (Maven 3 splits on commas and blanks). */
  private static final Pattern CODEARTIFACT_ATTRIBUTE = Pattern.compile("(^|[,\\s])(type|name)=" + NAME + "($|[,\\s])");

  private PasswordForm() {}

  /**
   * Parses the payload (the text after {@code ]}) into its items, keyed by {@link #KEYS}.
   *
   * @throws IllegalArgumentException with one line naming the bad item and what is allowed
   */
  static Map<String, String> parse(String payload) {
    String p = payload == null ? "" : payload.trim();
    if (p.isEmpty()) {
      throw invalid(p, "it is empty");
    }
    Map<String, String> items = new LinkedHashMap<>();
    for (String raw : p.split(",", -1)) {
      String item = raw.trim();
      if (item.isEmpty()) {
        throw invalid(p, "an item is empty");
      }
      int eq = item.indexOf('=');
      String key;
      String value;
      if (eq < 0) {
        key = item.contains("://") ? URL : DOMAIN;
        value = item;
      } else {
        key = item.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        value = item.substring(eq + 1).trim();
        if (!KEYS.contains(key)) {
          throw invalid(p, "'" + item.substring(0, eq).trim() + "' is not a key");
        }
        if (value.isEmpty()) {
          throw invalid(p, key + "= has no value");
        }
      }
      if (items.put(key, value) != null) {
        throw invalid(p, key + " is given twice");
      }
    }
    if (items.containsKey(URL)) {
      for (String k : Arrays.asList(DOMAIN, OWNER, REGION)) {
        if (items.containsKey(k)) {
          throw invalid(p, "url gives the domain, owner and region: do not give " + k + " too");
        }
      }
    } else if (!items.containsKey(DOMAIN)) {
      throw invalid(p, "it names no domain");
    }
    return items;
  }

  /** The password {@code login} writes: the Maven 3 form, or the form both Maven versions decrypt. */
  static String format(String domain, String owner, String region, String profile, boolean anyMaven) {
    StringBuilder b = new StringBuilder(anyMaven ? ANY_MAVEN_PREFIX : MAVEN3_PREFIX);
    b.append(DOMAIN).append('=').append(domain);
    if (owner != null) {
      b.append(',').append(OWNER).append('=').append(owner);
    }
    if (region != null) {
      b.append(',').append(REGION).append('=').append(region);
    }
    if (profile != null) {
      b.append(',').append(PROFILE).append('=').append(profile);
    }
    return b.append('}').toString();
  }

  /** Whether a settings.xml password is in one of this plugin's forms (it asks Maven for our decrypter). */
  static boolean isCodeArtifactForm(String password) {
    if (password == null) {
      return false;
    }
    String p = password.trim();
    int stop = p.indexOf(']');
    return p.startsWith("{[") && p.endsWith("}") && stop > 2
        && CODEARTIFACT_ATTRIBUTE.matcher(p.substring(2, stop)).find();
  }

  /** The password as Maven passes it on, attributes elided (for messages; holds no secret). */
  static String shown(String payload) {
    return "{[...]" + (payload == null ? "" : payload.trim()) + "}";
  }

  private static IllegalArgumentException invalid(String payload, String problem) {
    return new IllegalArgumentException("Invalid CodeArtifact password " + shown(payload) + " in settings.xml: "
        + problem + "; allowed: " + ALLOWED);
  }
}
