package dev.codeartifact.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeartifact.core.flow.Configuration;
import dev.codeartifact.core.flow.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkSettingsTest {
  @TempDir
  Path dir;

  private static Configuration config(String... kv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return Configuration.of(m);
  }

  @Test
  void defaultsAndBounds() throws Exception {
    NetworkSettings n = NetworkSettings.from(config());
    assertEquals(Duration.ofSeconds(10), n.connectTimeout());
    assertEquals(Duration.ofSeconds(30), n.readTimeout());
    assertEquals(Duration.ofSeconds(45), n.attemptTimeout());
    assertEquals(Duration.ofSeconds(60), n.totalTimeout());
    assertNull(n.fips());
    assertNull(n.dualstack());
    NetworkSettings slow = NetworkSettings.from(config(Configuration.READ_TIMEOUT, "120"));
    assertEquals(Duration.ofSeconds(135), slow.totalTimeout());
  }

  @Test
  void fipsAndDualstackAreTriState() throws Exception {
    NetworkSettings n = NetworkSettings.from(config(Configuration.FIPS, "true", Configuration.DUALSTACK, "FALSE"));
    assertEquals(Boolean.TRUE, n.fips());
    assertEquals(Boolean.FALSE, n.dualstack());
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> NetworkSettings.from(config(Configuration.FIPS, "yes")));
    assertEquals("Invalid codeartifact.fips 'yes': true or false", e.getMessage());
  }

  @Test
  void caBundleErrorsNameTheParameter() throws Exception {
    Path missing = dir.resolve("nope.pem");
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> NetworkSettings.from(config(Configuration.CA_BUNDLE, missing.toString())));
    assertEquals("Invalid codeartifact.caBundle '" + missing + "': a PEM file of CA certificates; the file does not"
        + " exist", e.getMessage());
    Path empty = Files.write(dir.resolve("empty.pem"), "# only a comment\n".getBytes(StandardCharsets.US_ASCII));
    e = assertThrows(InvalidParameterException.class,
        () -> NetworkSettings.from(config(Configuration.CA_BUNDLE, empty.toString())));
    assertEquals("Invalid codeartifact.caBundle '" + empty + "': a PEM file of CA certificates; it holds no"
        + " -----BEGIN CERTIFICATE----- block", e.getMessage());
    Path broken = Files.write(dir.resolve("broken.pem"),
        "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII));
    e = assertThrows(InvalidParameterException.class,
        () -> NetworkSettings.from(config(Configuration.CA_BUNDLE, broken.toString())));
    assertTrue(e.getMessage().endsWith("certificate 1 in it cannot be read"), e.getMessage());
  }

  @Test
  void caBundleWithCommentsAndTwoCertificates() throws Exception {
    String a = pem("a");
    String b = pem("b");
    Path bundle = Files.write(dir.resolve("bundle.pem"),
        ("# Corporate proxy root\n" + a + "\nsome text between\n" + b).getBytes(StandardCharsets.US_ASCII));
    NetworkSettings n = NetworkSettings.from(config(Configuration.CA_BUNDLE, bundle.toString()));
    assertEquals(2, n.caCertificates().size());
    assertTrue(n.toString().contains("(2 certificates)"));
  }

  /** A self-signed certificate in PEM, made by the JDK's keytool. */
  private String pem(String alias) throws Exception {
    String keytool = Paths.get(System.getProperty("java.home"), "bin", "keytool").toString();
    Path ks = dir.resolve(alias + ".p12");
    run(keytool, "-genkeypair", "-alias", alias, "-keyalg", "EC", "-dname", "CN=" + alias, "-validity", "2",
        "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", "changeit");
    Path out = dir.resolve(alias + ".pem");
    run(keytool, "-exportcert", "-rfc", "-alias", alias, "-keystore", ks.toString(), "-storepass", "changeit",
        "-file", out.toString());
    return new String(Files.readAllBytes(out), StandardCharsets.US_ASCII);
  }

  private static void run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), String.join(" ", cmd));
  }

  @Test
  void proxySelectionFollowsMavenResolver() {
    ProxySettings httpOnly = new ProxySettings("h", "http", "proxy", 3128, null, null, "*.internal|localhost");
    ProxySettings https = new ProxySettings("s", "https", "sproxy", 3129, null, null, null);
    List<ProxySettings> both = Arrays.asList(httpOnly, https);
    assertSame(https, ProxySettings.select(both, "https", "codeartifact.us-east-1.amazonaws.com"));
    assertSame(httpOnly, ProxySettings.select(both, "http", "codeartifact.us-east-1.amazonaws.com"));
    // https falls back to an http proxy, as Maven Resolver does.
    assertSame(httpOnly, ProxySettings.select(Collections.singletonList(httpOnly), "https", "x.amazonaws.com"));
    assertNull(ProxySettings.select(Collections.singletonList(httpOnly), "https", "vpce.internal"));
    assertNull(ProxySettings.select(Collections.singletonList(httpOnly), "http", "LOCALHOST"));
    assertNull(ProxySettings.select(Collections.singletonList(https), "http", "x.amazonaws.com"));
    assertEquals(Arrays.asList(".*\\Q.internal\\E", "\\Qlocalhost\\E"), httpOnly.nonProxyHostPatterns());
  }

  @Test
  void proxyPasswordIsNeverPrinted() throws Exception {
    ProxySettings p = new ProxySettings("corp", "http", "proxy", 3128, "alice", "pw-SECRET", null);
    assertFalse(p.toString().contains("pw-SECRET"));
    assertFalse(p.describe().contains("pw-SECRET"));
    NetworkSettings n = NetworkSettings.from(config(), Collections.singletonList(p));
    assertFalse(n.toString().contains("pw-SECRET"));
    assertTrue(new ProxySettings("c", null, "p", 1, "u", "{COQLCE6DU6GtcS5P=}", null).passwordIsEncrypted());
  }
}
