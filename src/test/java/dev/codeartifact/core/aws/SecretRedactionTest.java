package dev.codeartifact.core.aws;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeartifact.core.AuthorizationToken;
import dev.codeartifact.core.CodeArtifactException;
import dev.codeartifact.core.Configuration;
import dev.codeartifact.core.NetworkSettings;
import dev.codeartifact.core.ProxySettings;
import dev.codeartifact.core.TokenRequest;
import dev.codeartifact.core.cache.CachedToken;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.codeartifact.model.AccessDeniedException;
import software.amazon.awssdk.services.codeartifact.model.CodeartifactException;
import software.amazon.awssdk.services.codeartifact.model.ValidationException;

/**
 * Every public (and package) type of ours in dev.codeartifact.core and dev.codeartifact.maven that can be built
 * from the values below prints no secret in toString() / getMessage(): the token inside AuthorizationToken and
 * CachedToken, and a proxy password. And every line AwsErrors makes from an SDK failure that quotes a token is
 * clean, causes included.
 */
class SecretRedactionTest {
  static final String TOKEN = "eyJ2ZXIiOjEsImlzdSI6MTcwMDAwMDAwMCwiZW5jIjoiQTEyOEdDTSIsInRhZyI6IlNFQ1JFVCJ9"
      + "-SECRET_TOKEN_BODY_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-".repeat(10);
  static final String PROXY_PASSWORD = "proxy-password-SECRET-42";

  private static Object valueFor(Class<?> type) throws Exception {
    if (type == String.class) {
      return "plain";
    }
    if (type == AuthorizationToken.class) {
      return new AuthorizationToken(TOKEN, Instant.now().plus(Duration.ofHours(1)));
    }
    if (type == CachedToken.class) {
      return new CachedToken((AuthorizationToken) valueFor(AuthorizationToken.class), Instant.now());
    }
    if (type == ProxySettings.class) {
      return new ProxySettings("corp", "http", "proxy.example", 3128, "alice", PROXY_PASSWORD, "localhost");
    }
    if (type == NetworkSettings.class) {
      return NetworkSettings.from(Configuration.of(Collections.<String, String>emptyMap()),
          Collections.singletonList((ProxySettings) valueFor(ProxySettings.class)));
    }
    if (type == TokenRequest.class) {
      return TokenRequest.builder().domain("my-domain").region("us-east-1").build();
    }
    if (type == Throwable.class || type == Exception.class) {
      return new IOException("upstream said " + TOKEN);
    }
    if (type == Instant.class) {
      return Instant.now();
    }
    if (type == Duration.class) {
      return Duration.ofMinutes(5);
    }
    if (type == Path.class) {
      return Paths.get("target", "redaction-test");
    }
    if (type == URI.class) {
      return URI.create("https://example.com");
    }
    if (type == List.class) {
      return Collections.emptyList();
    }
    if (type == int.class || type == Integer.class) {
      return 1;
    }
    if (type == long.class || type == Long.class) {
      return 1L;
    }
    if (type == boolean.class || type == Boolean.class) {
      return Boolean.TRUE;
    }
    return null;
  }

  private static List<Class<?>> ourClasses() throws Exception {
    Path root = Paths.get(AuthorizationToken.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root.resolve("dev/codeartifact"))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String rel = root.relativize(f).toString().replace('\\', '/');
        if (!rel.endsWith(".class") || !(rel.startsWith("dev/codeartifact/core/") || rel.startsWith("dev/codeartifact/maven/"))) {
          continue;
        }
        String name = rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
        try {
          out.add(Class.forName(name, false, SecretRedactionTest.class.getClassLoader()));
        } catch (Throwable e) {
          // a class linking against something absent here: not ours to print
        }
      }
    }
    return out;
  }

  @Test
  void noTypeOfOursPrintsATokenOrProxyPassword() throws Exception {
    int checked = 0;
    List<String> leaks = new ArrayList<>();
    for (Class<?> c : ourClasses()) {
      if (c.isInterface() || Modifier.isAbstract(c.getModifiers()) || c.isAnonymousClass() || c.isSynthetic()) {
        continue;
      }
      for (Constructor<?> k : c.getDeclaredConstructors()) {
        Object[] args = new Object[k.getParameterCount()];
        Class<?>[] types = k.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
          args[i] = valueFor(types[i]);
        }
        Object o;
        try {
          k.setAccessible(true);
          o = k.newInstance(args);
        } catch (Throwable e) {
          continue; // needs a live Maven session or other values: covered by its own tests
        }
        checked++;
        String text;
        try {
          text = String.valueOf(o) + (o instanceof Throwable ? " " + ((Throwable) o).getMessage() : "");
        } catch (RuntimeException e) {
          continue;
        }
        if (text.contains("SECRET_TOKEN_BODY") || text.contains(PROXY_PASSWORD)) {
          leaks.add(c.getName() + k.getParameterCount());
        }
      }
    }
    assertTrue(checked >= 10, "instantiated only " + checked + " types");
    assertTrue(leaks.isEmpty(), "toString()/getMessage() prints a secret: " + leaks);
  }

  @Test
  void errorLinesAndTheirCausesNeverQuoteAToken() throws Exception {
    TokenRequest request = TokenRequest.builder().domain("my-domain").region("us-east-1").build();
    AwsErrors.Target target = new AwsErrors.Target("us-east-1", "https://codeartifact.us-east-1.amazonaws.com",
        (NetworkSettings) valueFor(NetworkSettings.class), (ProxySettings) valueFor(ProxySettings.class));
    SdkException[] failures = {
      SdkClientException.create("Unable to unmarshall response (Unrecognized token '" + TOKEN + "': was expecting"
          + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false'))"),
      SdkClientException.create("Unable to execute HTTP request: " + TOKEN, new SocketTimeoutException("Read timed out " + TOKEN)),
      AccessDeniedException.builder().statusCode(403).message("denied " + TOKEN)
          .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException").errorMessage("denied " + TOKEN).build()).build(),
      ValidationException.builder().statusCode(400).message(TOKEN)
          .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException").errorMessage("bad " + TOKEN).build()).build(),
      CodeartifactException.builder().statusCode(500).message(TOKEN)
          .awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalServerException").errorMessage(TOKEN).build()).build(),
      CodeartifactException.builder().statusCode(407).message(TOKEN).build(),
      SdkClientException.create("odd " + TOKEN),
    };
    for (SdkException f : failures) {
      CodeArtifactException e = AwsErrors.translate(f, request, target);
      for (Throwable t = e; t != null; t = t.getCause()) {
        assertFalse(String.valueOf(t.getMessage()).contains("SECRET_TOKEN_BODY"), f.getClass().getSimpleName() + ": " + t);
        assertFalse(t.toString().contains("SECRET_TOKEN_BODY"), f.getClass().getSimpleName());
        assertFalse(String.valueOf(t.getMessage()).contains(PROXY_PASSWORD));
      }
    }
  }

  @Test
  void maskKeepsOrdinaryServiceMessages() {
    String m = "User: arn:aws:iam::111122223333:user/ci is not authorized to perform: codeartifact:GetAuthorizationToken";
    assertTrue(Redacted.mask(m).equals(m));
    assertFalse(Redacted.mask("x " + TOKEN + " y").contains("SECRET_TOKEN_BODY"));
  }
}
