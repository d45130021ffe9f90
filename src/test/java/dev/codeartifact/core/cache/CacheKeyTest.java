package dev.codeartifact.core.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeartifact.core.flow.TokenRequest;
import dev.codeartifact.core.util.Digests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheKeyTest {
  @TempDir Path home;

  private static TokenRequest.Builder base() throws Exception {
    return TokenRequest.builder().domain("acme-artifacts").domainOwner("123456789012").region("us-east-1")
        .durationSeconds("3600").profile("dev");
  }

  private static Map<String, String> env(String... kv) {
    Map<String, String> m = new HashMap<String, String>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private CacheKey key(TokenRequest r, Map<String, String> env) {
    return CacheKey.of(r, env, home);
  }

  private void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /** The key of {@code r}, with no environment, once ~/.aws/{@code file} reads {@code text}. */
  private CacheKey keyWith(TokenRequest r, String file, String text) throws IOException {
    write(home.resolve(".aws").resolve(file), text);
    return key(r, env());
  }

  @Test
  void sameInputsSameKey() throws Exception {
    CacheKey a = key(base().build(), env("AWS_ACCESS_KEY_ID", "AKIA1"));
    CacheKey b = key(base().build(), env("AWS_ACCESS_KEY_ID", "AKIA1"));
    assertEquals(a, b);
    assertEquals(a.hash(), b.hash());
    assertEquals(a.hashCode(), b.hashCode());
  }

  @Test
  void everyInputChangesTheKey() throws Exception {
    Map<String, String> none = env();
    List<CacheKey> keys = Arrays.asList(
        key(base().build(), none),
        key(base().domain("other-domain").build(), none),
        key(base().domainOwner("210987654321").build(), none),
        key(base().domainOwner(null).build(), none),
        key(base().region("eu-west-1").build(), none),
        key(base().region(null).build(), none),
        key(base().durationSeconds("900").build(), none),
        key(base().durationSeconds(null).build(), none),
        key(base().durationSeconds("0").build(), none),
        key(base().endpoint("https://codeartifact.us-east-1.amazonaws.com").build(), none),
        key(base().endpoint("http://localhost:4566").build(), none),
        key(base().profile("prod").build(), none),
        key(base().profile(null).build(), none),
        key(base().build(), env("AWS_ACCESS_KEY_ID", "AKIAAAAA")),
        key(base().build(), env("AWS_ACCESS_KEY_ID", "AKIABBBB")),
        key(base().build(), env("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/ci")),
        key(base().build(), env("AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/token")),
        key(base().build(), env("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/x")),
        key(base().build(), env("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://169.254.170.23/v1/credentials")),
        key(base().build(), env("AWS_ENDPOINT_URL_CODEARTIFACT", "http://localhost:4566")));
    Set<String> hashes = new HashSet<String>();
    for (CacheKey k : keys) {
      hashes.add(k.hash());
    }
    assertEquals(keys.size(), hashes.size(), "every variation must get its own file");
  }

  @Test
  void regionAndProfileComeFromEnvironmentWhenNotConfigured() throws Exception {
    TokenRequest noRegion = base().region(null).profile(null).build();
    assertEquals(key(base().profile(null).build(), env()), key(noRegion, env("AWS_REGION", "us-east-1")));
    assertEquals(key(base().profile(null).build(), env()), key(noRegion, env("AWS_DEFAULT_REGION", "us-east-1")));
    assertEquals(key(base().region(null).build(), env()), key(noRegion, env("AWS_PROFILE", "dev")));
    // AWS_REGION wins over AWS_DEFAULT_REGION
    assertEquals(key(noRegion, env("AWS_REGION", "eu-west-1")),
        key(noRegion, env("AWS_REGION", "eu-west-1", "AWS_DEFAULT_REGION", "us-east-1")));
    // a configured region wins over the environment
    assertEquals(key(base().build(), env()), key(base().build(), env("AWS_REGION", "eu-west-1")));
    // "chain" differs from any explicit region
    assertNotEquals(key(noRegion, env()), key(noRegion, env("AWS_REGION", "us-east-1")));
    // blank environment values count as unset
    assertEquals(key(noRegion, env()), key(noRegion, env("AWS_REGION", "  ", "AWS_PROFILE", "")));
  }

  @Test
  void fileNameIsHexAndRevealsNothing() throws Exception {
    CacheKey k = key(base().build(), env("AWS_ACCESS_KEY_ID", "AKIASECRETISH"));
    assertTrue(k.hash().matches("[0-9a-f]{64}"), k.hash());
    assertFalse(k.hash().contains("acme"));
    assertFalse(k.toString().contains("acme"));
    assertFalse(k.toString().contains("123456789012"));
    assertFalse(k.toString().contains("AKIA"));
    assertTrue(k.canonical().contains("acme-artifacts"));
    assertEquals(Digests.sha256Hex(k.canonical()), k.hash());
  }

  @Test
  void valuesCannotImitateOtherEntries() throws Exception {
    // a value containing a newline and what looks like a following entry must not collide
    CacheKey a = key(base().build(), env("AWS_ROLE_ARN", "x\nenv.AWS_ROLE_SESSION_NAME=1:y"));
    CacheKey b = key(base().build(), env("AWS_ROLE_ARN", "x", "AWS_ROLE_SESSION_NAME", "y"));
    assertNotEquals(a, b);
  }

  @Test
  void profileAttributesFromConfigAndCredentialsAreInTheKey() throws Exception {
    TokenRequest r = base().build();
    CacheKey none = key(r, env());
    CacheKey roleA = keyWith(r, "config", "[profile dev]\nrole_arn = arn:aws:iam::111111111111:role/a\n"
        + "output = json\n");
    CacheKey roleB = keyWith(r, "config", "[profile dev]\nrole_arn = arn:aws:iam::111111111111:role/b\n"
        + "output = json\n");
    // attributes that do not change the identity do not change the key
    CacheKey roleBText = keyWith(r, "config", "# comment\n[profile dev]\nrole_arn = arn:aws:iam::111111111111:role/b"
        + " # trailing comment\noutput = text\ncli_pager =\n");
    // another profile's attributes do not matter
    CacheKey roleBOther = keyWith(r, "config", "[profile dev]\nrole_arn = arn:aws:iam::111111111111:role/b\n"
        + "[profile other]\nrole_arn = arn:aws:iam::222222222222:role/z\n");
    // in the config file, [dev] is not the profile dev
    CacheKey wrongSection = keyWith(r, "config", "[dev]\nrole_arn = arn:aws:iam::111111111111:role/b\n");

    assertNotEquals(none, roleA);
    assertNotEquals(roleA, roleB);
    assertEquals(roleB, roleBText);
    assertEquals(roleB, roleBOther);
    assertNotEquals(roleB, wrongSection);
  }

  @Test
  void ssoAndCredentialsFileAndSourceProfile() throws Exception {
    TokenRequest r = base().build();
    CacheKey sso1 = keyWith(r, "config", "[profile dev]\nsso_account_id = 111111111111\nsso_role_name = Dev\n");
    CacheKey sso2 = keyWith(r, "config", "[profile dev]\nsso_account_id = 111111111111\nsso_role_name = Admin\n");
    assertNotEquals(sso1, sso2);

    Files.delete(home.resolve(".aws/config"));
    CacheKey cred1 = keyWith(r, "credentials", "[dev]\naws_access_key_id = AKIA1\naws_secret_access_key = s1\n");
    CacheKey cred2 = keyWith(r, "credentials", "[dev]\naws_access_key_id = AKIA2\naws_secret_access_key = s1\n");
    CacheKey cred2b = keyWith(r, "credentials", "[dev]\naws_access_key_id = AKIA2\naws_secret_access_key = s2\n");
    assertNotEquals(cred1, cred2);
    assertEquals(cred2, cred2b, "secrets are not part of the key");
    assertFalse(cred2.canonical().contains("s1"));

    // source_profile: the source profile's keys are part of the identity
    write(home.resolve(".aws/config"), "[profile dev]\nrole_arn = arn:aws:iam::111111111111:role/a\n"
        + "source_profile = base\n");
    CacheKey src1 = keyWith(r, "credentials", "[base]\naws_access_key_id = AKIABASE1\n");
    CacheKey src2 = keyWith(r, "credentials", "[base]\naws_access_key_id = AKIABASE2\n");
    assertNotEquals(src1, src2);

    // a source_profile cycle terminates
    write(home.resolve(".aws/config"), "[profile dev]\nsource_profile = dev2\n[profile dev2]\nsource_profile = dev\n");
    key(r, env());
  }

  @Test
  void honoursConfigFileEnvironmentVariables() throws Exception {
    TokenRequest r = base().build();
    Path alt = home.resolve("alt/config");
    Path altCred = home.resolve("alt/credentials");
    write(alt, "[profile dev]\nrole_arn = arn:aws:iam::111111111111:role/alt\n");
    write(altCred, "[dev]\naws_access_key_id = AKIAALT\n");
    CacheKey plain = key(r, env());
    CacheKey withAlt = key(r, env("AWS_CONFIG_FILE", alt.toString()));
    CacheKey withAltCred = key(r, env("AWS_SHARED_CREDENTIALS_FILE", altCred.toString()));
    CacheKey tilde = key(r, env("AWS_CONFIG_FILE", "~/alt/config"));
    assertNotEquals(plain, withAlt);
    assertNotEquals(plain, withAltCred);
    assertNotEquals(withAlt, withAltCred);
    assertEquals(withAlt, tilde);
  }

  @Test
  void defaultProfileSectionsInBothSpellings() throws Exception {
    TokenRequest r = base().profile(null).build();
    CacheKey a = keyWith(r, "config", "[default]\nrole_arn = arn:aws:iam::111111111111:role/a\n");
    CacheKey b = keyWith(r, "config", "[profile default]\nrole_arn = arn:aws:iam::111111111111:role/a\n");
    assertEquals(a, b);
  }

  @Test
  void unreadableOrOddFilesNeverFail() throws Exception {
    TokenRequest r = base().build();
    Files.createDirectories(home.resolve(".aws/config")); // a directory where a file is expected
    CacheKey k = keyWith(r, "credentials", "\u0000\u00ff garbage [[[ = = \n[dev\nrole_arn=x\n");
    assertTrue(k.hash().matches("[0-9a-f]{64}"));
    CacheKey nullHome = CacheKey.of(r, null, home.resolve("does-not-exist"));
    assertTrue(nullHome.hash().matches("[0-9a-f]{64}"));
  }
}
