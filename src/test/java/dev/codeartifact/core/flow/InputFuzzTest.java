package dev.codeartifact.core.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.codeartifact.core.network.NetworkSettings;
import dev.codeartifact.core.repository.RepositoryUrl;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated inputs (fixed seed, so a failure reproduces) for the URL parser and the input
 * validation: they either parse/validate or fail with our one-line {@link InvalidParameterException},
 * never with anything else; and what they accept re-validates.
 */
class InputFuzzTest {
  private static final long SEED = 0x7EC0DEL;
  private static final int ROUNDS = 5000;
  private static final String[] PIECES = {
    "https://", "http://", "ftp://", "//", "", "my-domain", "a", "1", "-", "--", "111122223333", "11112222333",
    "123456789012345", ".d.codeartifact.", "us-east-1", "us-gov-west-1", "cn-north-1", "eu-central-", ".amazonaws.com",
    ".amazonaws.com.cn", ".vpce.amazonaws.com", "vpce-0abc-xyz", "/maven/", "/maven/d/", "repo", "my.repo_1", "/",
    "?", "#", "%", "%2F", ":", ":443", ":0", ":99999", "@", "[", "]", "[::1]", " ", "\t", "\n", "\u00e9", "\u0000",
    "..", "${x}", "{", "}", "\\", "'", "\"", "<", ">", "&", "A", "Z", "_", ".", ",", "*", "~", "UPPER"
  };

  private static String generate(Random r) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(12);
    for (int i = 0; i < n; i++) {
      if (r.nextInt(10) == 0) {
        sb.append((char) r.nextInt(0x3000));
      } else {
        sb.append(PIECES[r.nextInt(PIECES.length)]);
      }
    }
    return sb.toString();
  }

  /** Plausible URLs with one part mutated: exercises the accepting paths too. */
  private static String plausibleUrl(Random r) {
    String domain = r.nextBoolean() ? "my-domain" : generate(r);
    String owner = r.nextInt(4) == 0 ? generate(r) : "111122223333";
    String region = r.nextInt(4) == 0 ? generate(r) : (r.nextBoolean() ? "us-east-1" : "us-gov-west-1");
    String repo = r.nextInt(4) == 0 ? generate(r) : "releases";
    if (r.nextBoolean()) {
      return "https://" + domain + "-" + owner + ".d.codeartifact." + region + ".amazonaws.com/maven/" + repo + "/";
    }
    return "https://vpce-0123abc.d.codeartifact." + region + ".vpce.amazonaws.com/maven/d/" + domain + "-" + owner + "/"
        + repo + "/";
  }

  @Test
  void repositoryUrlParseNeverThrows() {
    Random r = new Random(SEED);
    int parsed = 0;
    for (int i = 0; i < ROUNDS * 2; i++) {
      String url = i % 2 == 0 ? generate(r) : plausibleUrl(r);
      RepositoryUrl u;
      try {
        u = RepositoryUrl.parse(url);
      } catch (RuntimeException e) {
        fail("RepositoryUrl.parse threw " + e + " for input #" + i + ": " + escape(url));
        return;
      }
      if (u != null) {
        parsed++;
        assertNotNull(u.domain());
        assertNotNull(u.owner());
        assertNotNull(u.region());
        assertEquals(12, u.owner().length());
        assertNotNull(u.toString());
      }
    }
    assertTrue(parsed > 100, "the generator should also produce valid URLs, got " + parsed);
  }

  @Test
  void tokenRequestBuilderRejectsOnlyWithInvalidParameter() {
    Random r = new Random(SEED + 1);
    int built = 0;
    for (int i = 0; i < ROUNDS; i++) {
      String[] v = new String[6];
      for (int k = 0; k < v.length; k++) {
        v[k] = r.nextInt(5) == 0 ? null : r.nextInt(3) == 0 ? valid(k, r) : generate(r);
      }
      try {
        TokenRequest.Builder b = TokenRequest.builder().domain(v[0]).domainOwner(v[1]).region(v[2])
            .durationSeconds(v[3]).profile(v[4]).endpoint(v[5]);
        TokenRequest t = b.build();
        built++;
        // What was accepted round-trips.
        assertEquals(t, b.copy().build());
        assertFalse(t.describe().isEmpty());
      } catch (InvalidParameterException e) {
        assertTrue(e.getMessage().startsWith("Invalid codeartifact."), e.getMessage());
        assertFalse(e.getMessage().contains("\n") && !String.valueOf(e.value()).contains("\n"));
      } catch (RuntimeException e) {
        fail("TokenRequest.Builder threw " + e + " for input #" + i + ": " + escape(String.join(" | ", nulls(v))));
      }
    }
    assertTrue(built > 50, "built " + built);
  }

  @Test
  void configurationAndNetworkSettingsRejectOnlyWithInvalidParameter() {
    Random r = new Random(SEED + 2);
    for (int i = 0; i < ROUNDS; i++) {
      Map<String, String> m = new HashMap<>();
      for (String p : Configuration.PROPERTIES) {
        if (r.nextInt(3) == 0) {
          m.put(p, r.nextBoolean() ? generate(r) : pick(r, "true", "false", "0", "900", "30", "600", "601", "-1", "TRUE"));
        }
      }
      m.remove(Configuration.CA_BUNDLE); // files are covered in NetworkSettingsTest
      Configuration c = Configuration.of(m);
      for (Supplier<Object> check : new Supplier[] {
          () -> call(c::tokenRequestTemplate), () -> call(c::serverIds), () -> call(c::skip),
          () -> call(() -> NetworkSettings.from(c)), () -> call(() -> c.bool(Configuration.FAIL_ON_ERROR, true))}) {
        try {
          check.get();
        } catch (RuntimeException e) {
          fail("threw " + e + " for configuration #" + i + ": " + escape(m.toString()));
        }
      }
      assertFalse(c.toString().contains("="), "Configuration.toString prints names only");
    }
  }

  interface Call {
    Object run() throws InvalidParameterException;
  }

  private static Object call(Call c) {
    try {
      return c.run();
    } catch (InvalidParameterException e) {
      assertTrue(e.getMessage().startsWith("Invalid codeartifact."), e.getMessage());
      return e;
    }
  }

  private static String valid(int field, Random r) {
    switch (field) {
      case 0: return pick(r, "my-domain", "ab", "d0", "a-b-c-1");
      case 1: return "111122223333";
      case 2: return pick(r, "us-east-1", "us-gov-west-1", "ap-southeast-2");
      case 3: return pick(r, "0", "900", "43200", "3600");
      case 4: return pick(r, "default", "sso-dev", "a.b@c");
      default: return pick(r, "https://codeartifact.us-east-1.amazonaws.com", "http://127.0.0.1:8080");
    }
  }

  private static String pick(Random r, String... s) {
    return s[r.nextInt(s.length)];
  }

  private static String[] nulls(String[] v) {
    String[] out = new String[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = String.valueOf(v[i]);
    }
    return out;
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      sb.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return sb.toString();
  }
}
