package dev.codeartifact.core.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeartifact.core.cache.CachedToken;
import dev.codeartifact.core.cache.CachingTokenSource;
import dev.codeartifact.core.cache.DiskTokenCache;
import dev.codeartifact.core.flow.BuildLog;
import dev.codeartifact.core.flow.BuildNotes;
import dev.codeartifact.core.flow.CodeArtifactException;
import dev.codeartifact.core.flow.Configuration;
import dev.codeartifact.core.flow.Parameters;
import dev.codeartifact.core.flow.RecordingLog;
import dev.codeartifact.core.flow.TokenFlow;
import dev.codeartifact.core.flow.TokenRequest;
import dev.codeartifact.core.network.NetworkSettings;
import dev.codeartifact.core.network.ProxySettings;
import dev.codeartifact.core.settings.SettingsEditor;
import dev.codeartifact.core.token.AuthorizationToken;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

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
    if (type == BuildLog.class) {
      return RecordingLog.SILENT;
    }
    if (type == SSLSocketFactory.class) {
      return SSLSocketFactory.getDefault();
    }
    if (type == ProxyTunnel.class) {
      return new ProxyTunnel((ProxySettings) valueFor(ProxySettings.class), null, Duration.ofSeconds(1),
          Duration.ofSeconds(1));
    }
    if (type == TokenEndpoint.class) {
      Constructor<TokenEndpoint> k = TokenEndpoint.class.getDeclaredConstructor(URI.class, String.class);
      k.setAccessible(true);
      return k.newInstance(URI.create("https://codeartifact.us-east-1.amazonaws.com"), "us-east-1");
    }
    if (type == AwsCredentialsProvider.class) {
      return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "not-a-real-secret-key"));
    }
    if (type == TokenCall.Connections.class) {
      return (TokenCall.Connections) uri -> {
        throw new IOException("not connected in this test");
      };
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

  /** Types whose instances hold a secret; a class with a field of one (or of a map, list... of one) can too. */
  private static final List<Class<?>> SECRET_TYPES = List.of(AuthorizationToken.class, CachedToken.class,
      ProxySettings.class, NetworkSettings.class);

  /** Fields with these names hold a secret as text (a token, a password, settings.xml content). */
  private static final Pattern SECRET_FIELD = Pattern.compile("(?i)secret|password|passwords|token|tokens|content");

  /** Classes holding settings.xml text (with its passwords) under names the pattern does not know. */
  private static final Set<String> TEXT_CARRIERS = Set.of("dev.codeartifact.core.settings.SettingsEditor$Layout",
      "dev.codeartifact.core.settings.SettingsEditor$Edit", "dev.codeartifact.core.settings.SettingsEditor$Loaded");

  /** Found by a field name, but hold no secret (the reason is the value). */
  private static final Map<String, String> NOT_CARRIERS = Map.of(
      "dev.codeartifact.core.flow.TokenPlanner$Plan", "'tokens' maps each token request to server ids",
      "dev.codeartifact.core.flow.LoginPlan", "'tokens' maps each token request to server ids");

  /**
   * Our classes that can hold a secret: SECRET_TYPES themselves, those with a field of such a type or of another
   * such class (to a fixed point), a field named like a secret, and TEXT_CARRIERS.
   */
  private static Set<Class<?>> carriers(List<Class<?>> ours) {
    Set<String> names = new TreeSet<>(TEXT_CARRIERS);
    for (Class<?> t : SECRET_TYPES) {
      names.add(t.getName());
    }
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Class<?> c : ours) {
        if (names.contains(c.getName())) {
          continue;
        }
        for (Field f : c.getDeclaredFields()) {
          if (Modifier.isStatic(f.getModifiers())) {
            continue;
          }
          boolean named = SECRET_FIELD.matcher(f.getName()).matches();
          boolean typed = false;
          for (String part : f.getGenericType().getTypeName().split("[<>,\\s\\[\\]?]+")) {
            typed |= names.contains(part);
          }
          if (named || typed) {
            names.add(c.getName());
            grew = true;
            break;
          }
        }
      }
    }
    Set<Class<?>> out = new LinkedHashSet<>();
    for (Class<?> c : ours) {
      if (names.contains(c.getName())) {
        out.add(c);
      }
    }
    return out;
  }

  /** Whether {@code o} holds a secret anywhere in its fields (ours), collections, maps, arrays, causes. */
  private static boolean holdsSecret(Object o, Set<Object> seen, int depth) throws IllegalAccessException {
    if (o == null || depth > 8 || !seen.add(o)) {
      return false;
    }
    if (o instanceof CharSequence) {
      return isSecret(o.toString());
    }
    if (o instanceof byte[]) {
      return isSecret(new String((byte[]) o, StandardCharsets.UTF_8));
    }
    if (o instanceof char[]) {
      return isSecret(new String((char[]) o));
    }
    if (o instanceof Object[]) {
      for (Object e : (Object[]) o) {
        if (holdsSecret(e, seen, depth + 1)) {
          return true;
        }
      }
      return false;
    }
    if (o instanceof Map) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
        if (holdsSecret(e.getKey(), seen, depth + 1) || holdsSecret(e.getValue(), seen, depth + 1)) {
          return true;
        }
      }
      return false;
    }
    if (o instanceof Collection) {
      for (Object e : (Collection<?>) o) {
        if (holdsSecret(e, seen, depth + 1)) {
          return true;
        }
      }
      return false;
    }
    if (o instanceof Throwable && (isSecret(String.valueOf(((Throwable) o).getMessage()))
        || holdsSecret(((Throwable) o).getCause(), seen, depth + 1))) {
      return true;
    }
    if (!o.getClass().getName().startsWith("dev.codeartifact.")) {
      return false; // JDK and SDK internals are not ours to open
    }
    for (Class<?> c = o.getClass(); c != null && c.getName().startsWith("dev.codeartifact."); c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()) {
          f.setAccessible(true);
          if (holdsSecret(f.get(o), seen, depth + 1)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean isSecret(String s) {
    return s.contains("SECRET_TOKEN_BODY") || s.contains(PROXY_PASSWORD);
  }

  private static Object construct(String className, Object... args) throws Exception {
    Class<?> c = Class.forName(className);
    for (Constructor<?> k : c.getDeclaredConstructors()) {
      Class<?>[] types = k.getParameterTypes();
      if (types.length != args.length) {
        continue;
      }
      boolean fits = true;
      for (int i = 0; i < types.length; i++) {
        fits &= args[i] == null ? !types[i].isPrimitive() : box(types[i]).isInstance(args[i]);
      }
      if (fits) {
        k.setAccessible(true);
        return k.newInstance(args);
      }
    }
    throw new NoSuchMethodException(className + " with " + args.length + " arguments");
  }

  private static Object call(String className, String method, Object... args) throws Exception {
    for (Method m : Class.forName(className).getDeclaredMethods()) {
      if (m.getName().equals(method) && m.getParameterCount() == args.length && Modifier.isStatic(m.getModifiers())) {
        m.setAccessible(true);
        return m.invoke(null, args);
      }
    }
    throw new NoSuchMethodException(className + "." + method);
  }

  private static Class<?> box(Class<?> t) {
    if (t == int.class) {
      return Integer.class;
    }
    if (t == boolean.class) {
      return Boolean.class;
    }
    if (t == long.class) {
      return Long.class;
    }
    return t;
  }

  /**
   * Instances built the way the code builds them, holding a real secret where a dummy argument would hold
   * none: a string field given "plain" by {@link #valueFor} carries nothing to leak.
   */
  private static List<Object> populatedInstances(Path tmp) throws Exception {
    List<Object> out = new ArrayList<>();
    AuthorizationToken token = (AuthorizationToken) valueFor(AuthorizationToken.class);
    TokenRequest request = (TokenRequest) valueFor(TokenRequest.class);
    out.add(token);
    out.add(valueFor(CachedToken.class));
    out.add(valueFor(ProxySettings.class));
    out.add(valueFor(NetworkSettings.class));
    out.add(new TokenCall.Answer(TOKEN, Instant.now(), 1));
    out.add(Redacted.of(new IOException("upstream said " + TOKEN, new IOException("cause " + TOKEN))));

    Path cacheDir = tmp.resolve("cache");
    CachingTokenSource caching = CachingTokenSource.create(new DiskTokenCache(cacheDir, Clock.systemUTC(), RecordingLog.SILENT),
        Collections.<String, String>emptyMap(), cacheDir, () -> r -> token);
    caching.fetch(request); // now in its memory
    out.add(caching);

    Parameters parameters = Parameters.parse(Configuration.of(Collections.<String, String>emptyMap()),
        Collections.singletonList((ProxySettings) valueFor(ProxySettings.class)));
    out.add(parameters);
    TokenFlow flow = new TokenFlow(RecordingLog.SILENT, (p, l) -> r -> token, Clock.systemUTC());
    out.add(construct("dev.codeartifact.core.flow.TokenFlow$Lazy", flow, parameters));
    TokenFlow.Outcome outcome = flow
        .fetch(Parameters.parse(Configuration.of(Collections.<String, String>emptyMap()),
            Collections.<ProxySettings>emptyList()), p -> Collections.singletonMap(request,
            Collections.<String>emptySet()), false);
    assertEquals(token, outcome.tokens().get(request));
    out.add(outcome);

    SettingsEditor.Result result = SettingsEditor.upsertServers(SettingsEditor.newSettings("\n"),
        Collections.singletonMap("codeartifact", TOKEN), "aws");
    out.add(result);
    String settings = result.content();
    // A comment can hold a secret too (a password commented out by hand).
    String commented = settings.replace("<servers>", "<!-- old password " + PROXY_PASSWORD + " --><servers>");
    assertNotEquals(settings, commented);
    Object root = call("dev.codeartifact.core.settings.SettingsXml", "parse", commented, "settings", "is broken");
    addTree(root, out, true);
    out.add(construct("dev.codeartifact.core.settings.SettingsEditor$Loaded", settings.getBytes(StandardCharsets.UTF_8),
        new byte[0], StandardCharsets.UTF_8, settings));
    out.add(construct("dev.codeartifact.core.settings.SettingsEditor$Layout", commented, root));
    out.add(construct("dev.codeartifact.core.settings.SettingsEditor$Edit", 0, 0, "<password>" + TOKEN + "</password>"));
    out.add(construct("dev.codeartifact.core.aws.ProxyTunnel$TunnelSocket", valueFor(ProxyTunnel.class)));
    return out;
  }

  /**
   * A parsed settings tree: the root (which holds everything) and each node whose own text holds a secret
   * (the {@code <password>} element with the token, the comment with a password).
   */
  @SuppressWarnings("unchecked")
  private static void addTree(Object node, List<Object> out, boolean root) throws Exception {
    Field text = node.getClass().getDeclaredField("text");
    text.setAccessible(true);
    if (root || isSecret(String.valueOf(text.get(node)))) {
      out.add(node);
    }
    Field children;
    try {
      children = node.getClass().getDeclaredField("children");
    } catch (NoSuchFieldException comment) {
      return;
    }
    children.setAccessible(true);
    for (Object child : (List<Object>) children.get(node)) {
      addTree(child, out, false);
    }
  }

  /** What printing {@code o} shows: toString(), and the message of a Throwable. */
  private static String printed(Object o) {
    return String.valueOf(o) + (o instanceof Throwable ? " " + ((Throwable) o).getMessage() : "");
  }

  /**
   * Every class of ours that can hold a secret is checked with an instance that does hold one (built from
   * {@link #valueFor} arguments, or as the code builds it in {@link #populatedInstances}); one that cannot be
   * is a failure, not a skip. Anonymous classes that print as {@code Class@hash} are the only exception.
   */
  @Test
  void noTypeOfOursPrintsATokenOrProxyPassword(@TempDir Path tmp) throws Exception {
    int checked = 0;
    List<String> leaks = new ArrayList<>();
    List<Class<?>> ours = ourClasses();
    Set<Class<?>> carriers = carriers(ours);
    Set<Class<?>> checkedWithSecret = new HashSet<>();
    for (Class<?> c : ours) {
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
          continue; // other values needed: a carrier among these must be in populatedInstances()
        }
        checked++;
        String text;
        try {
          text = printed(o);
        } catch (RuntimeException e) {
          continue;
        }
        if (isSecret(text)) {
          leaks.add(c.getName() + k.getParameterCount());
        }
        if (holdsSecret(o, Collections.newSetFromMap(new IdentityHashMap<>()), 0)) {
          checkedWithSecret.add(c);
        }
      }
    }
    for (Object o : populatedInstances(tmp)) {
      assertTrue(o.getClass() == Redacted.class
          || holdsSecret(o, Collections.newSetFromMap(new IdentityHashMap<>()), 0),
          o.getClass().getName() + " was built without a secret");
      checked++;
      if (isSecret(printed(o))) {
        leaks.add(o.getClass().getName());
      }
      checkedWithSecret.add(o.getClass());
    }
    assertTrue(checked >= 10, "instantiated only " + checked + " types");
    assertTrue(leaks.isEmpty(), "toString()/getMessage() prints a secret: " + leaks);

    List<String> unchecked = new ArrayList<>();
    for (Class<?> c : carriers) {
      if (checkedWithSecret.contains(c)) {
        continue;
      }
      boolean printsAsClassAtHash = c.isAnonymousClass() && !Throwable.class.isAssignableFrom(c)
          && declaresNoToString(c);
      if (!printsAsClassAtHash) {
        unchecked.add(c.getName());
      }
    }
    for (String name : NOT_CARRIERS.keySet()) {
      assertTrue(carriers.stream().anyMatch(c -> c.getName().equals(name)), "stale NOT_CARRIERS entry " + name);
      unchecked.remove(name);
    }
    assertEquals(List.of(), unchecked, "classes that can hold a secret were not checked holding one: build them"
        + " in populatedInstances()");
    // the classes this test exists for, whatever the scan above finds
    for (Class<?> c : new Class<?>[] {AuthorizationToken.class, CachedToken.class, ProxySettings.class,
        NetworkSettings.class, CachingTokenSource.class, SettingsEditor.Result.class, TokenCall.Answer.class}) {
      assertTrue(carriers.contains(c) && checkedWithSecret.contains(c), c.getName() + " not checked");
    }
  }

  private static boolean declaresNoToString(Class<?> c) {
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      try {
        k.getDeclaredMethod("toString");
        return false;
      } catch (NoSuchMethodException e) {
        // look further up
      }
    }
    return true;
  }

  @Test
  void errorLinesAndTheirCausesNeverQuoteAToken() throws Exception {
    TokenRequest request = TokenRequest.builder().domain("my-domain").region("us-east-1").build();
    AwsErrors.Target target = new AwsErrors.Target("us-east-1", "https://codeartifact.us-east-1.amazonaws.com",
        (NetworkSettings) valueFor(NetworkSettings.class), (ProxySettings) valueFor(ProxySettings.class));
    RuntimeException[] failures = {
      CallFailure.notAToken("not JSON"),
      CallFailure.network(new SocketTimeoutException("Read timed out " + TOKEN)),
      CallFailure.network(new java.net.UnknownHostException(TOKEN)),
      CallFailure.network(new javax.net.ssl.SSLException("handshake " + TOKEN)),
      CallFailure.network(new ProxyTunnel.Refused(502, "HTTP/1.1 502 " + TOKEN)),
      CallFailure.service(403, "AccessDeniedException", "denied " + TOKEN, null),
      CallFailure.service(400, "ValidationException", "bad " + TOKEN, null),
      CallFailure.service(500, "InternalServerException", TOKEN, null),
      CallFailure.service(404, null, TOKEN, null),
      CallFailure.service(407, null, TOKEN, null),
      CallFailure.network(new java.io.IOException("odd " + TOKEN)),
      new CredentialChain.Failure(CodeArtifactException.Kind.CREDENTIAL_SOURCE_FAILED, "web identity (x)",
          "STS answered AccessDenied: " + TOKEN, "fix it", new RuntimeException(TOKEN)),
      SdkClientException.create("odd " + TOKEN),
    };
    for (RuntimeException f : failures) {
      CodeArtifactException e = AwsErrors.translate(f, request, target);
      for (Throwable t = e; t != null; t = t.getCause()) {
        assertFalse(String.valueOf(t.getMessage()).contains("SECRET_TOKEN_BODY"),
            f.getClass().getSimpleName() + ": the message of " + t.getClass().getName());
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
