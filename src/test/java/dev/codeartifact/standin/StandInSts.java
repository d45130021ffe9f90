package dev.codeartifact.standin;

import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stand-in's STS (query protocol, {@code POST /} with a form body; point the SDK at it with
 * {@code AWS_ENDPOINT_URL_STS=http://127.0.0.1:PORT}: the SDK 2.40.2 honours that variable for its STS client,
 * and posts to the root whatever path the URL has), for the credential sources that call STS:
 * <ul>
 *   <li>{@code AssumeRoleWithWebIdentity} (unsigned, as the SDK sends it): accepted when the web identity token is
 *   {@value #WEB_IDENTITY_TOKEN} and the role is {@code arn:aws:iam::111122223333:role/standin-*}; any other
 *   token or role gets STS's real answer, 403 {@code AccessDenied} "Not authorized to perform
 *   sts:AssumeRoleWithWebIdentity".</li>
 *   <li>{@code AssumeRole}: signed (SigV4, service {@code sts}) with the stand-in's static test key and its
 *   secret; the same roles are accepted, others get 403 {@code AccessDenied}.</li>
 * </ul>
 * Each accepted call issues temporary credentials ({@code ASIA...} key, secret, session token) that the token API
 * then accepts only with a valid signature and the matching {@code X-Amz-Security-Token}, as AWS does. So are the
 * fixed session credentials {@link #ENV_SESSION_ACCESS_KEY} (what CI role actions export as
 * {@code AWS_SESSION_TOKEN}). {@code /_standin/sts} lists the calls ({@code ACTION STATUS ROLE}); the token API
 * records which kind of credentials signed each request ({@code /_standin/signers?domain=D}). No token, secret or
 * web identity token is ever logged or listed.
 */
final class StandInSts {
  /** The web identity token the stand-in accepts (what a CI's OIDC token file would hold). */
  static final String WEB_IDENTITY_TOKEN = "standin-web-identity-token-8f2d";
  /** Fixed session credentials for the environment (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN). */
  static final String ENV_SESSION_ACCESS_KEY = "ASIASTANDINSESSION00";
  static final String ENV_SESSION_SECRET_KEY = "standin-session-secret-not-a-real-one";
  static final String ENV_SESSION_TOKEN = "standin-session-token-not-a-real-one";
  static final Pattern ACCEPTED_ROLE = Pattern.compile("^arn:aws:iam::111122223333:role/standin-[A-Za-z0-9+=,.@_-]+$");
  static final Pattern SIGV4_STS = Pattern.compile(
      "^AWS4-HMAC-SHA256 Credential=([A-Za-z0-9]{1,128})/(\\d{8})/([a-z0-9-]+)/sts/aws4_request,"
          + " ?SignedHeaders=([A-Za-z0-9;_.-]+), ?Signature=([0-9a-f]{64})$");
  private static final String NS = "https://sts.amazonaws.com/doc/2011-06-15/";

  /** Temporary credentials: secret and session token by access key id. */
  private static final class Session {
    final String secret;
    final String token;
    final String label;

    Session(String secret, String token, String label) {
      this.secret = secret;
      this.token = token;
      this.label = label;
    }
  }

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final SecureRandom random = new SecureRandom();

  StandInSts() {
    sessions.put(ENV_SESSION_ACCESS_KEY, new Session(ENV_SESSION_SECRET_KEY, ENV_SESSION_TOKEN, "env-session"));
  }

  /** The calls so far, one line each: {@code ACTION STATUS ROLE}. */
  List<String> calls() {
    return calls;
  }

  /**
   * Who signed a token request with access key {@code keyId}: {@code static}, {@code env-session},
   * {@code web-identity}, {@code assume-role}; null when the key is a session key whose signature or session
   * token does not match (the caller answers like AWS).
   */
  String signer(HttpExchange ex, String method, byte[] body, Matcher sig) {
    String keyId = sig.group(1);
    if (!keyId.startsWith("ASIA")) {
      return "static";
    }
    Session s = sessions.get(keyId);
    if (s == null || !s.token.equals(ex.getRequestHeaders().getFirst("X-Amz-Security-Token"))
        || !SigV4Check.matches(ex, method, body, sig, s.secret, "codeartifact")) {
      return null;
    }
    return s.label;
  }

  int handle(HttpExchange ex, String method, byte[] body) throws java.io.IOException {
    if (!"POST".equals(method)) {
      return error(ex, 400, "InvalidAction", "Could not find operation " + method, "?");
    }
    Map<String, String> form = StandIn.form(new String(body, StandardCharsets.UTF_8));
    String action = form.getOrDefault("Action", "");
    String role = form.getOrDefault("RoleArn", "");
    switch (action) {
      case "AssumeRoleWithWebIdentity": {
        String token = form.get("WebIdentityToken");
        if (!WEB_IDENTITY_TOKEN.equals(token) || !ACCEPTED_ROLE.matcher(role).matches()) {
          return error(ex, 403, "AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity", action + " "
              + role);
        }
        return credentials(ex, action, role, form.getOrDefault("RoleSessionName", "session"), "web-identity");
      }
      case "AssumeRole": {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        Matcher sig = auth == null ? null : SIGV4_STS.matcher(auth.trim());
        if (sig == null || !sig.matches()) {
          return error(ex, 403, "MissingAuthenticationToken", "Request is missing Authentication Token",
              action + " " + role);
        }
        if (!StandIn.SIGNING_ACCESS_KEY.equals(sig.group(1))
            || !SigV4Check.matches(ex, method, body, sig, StandIn.SIGNING_SECRET_KEY, "sts")) {
          return error(ex, 403, "SignatureDoesNotMatch", "The request signature we calculated does not match the"
              + " signature you provided. Check your AWS Secret Access Key and signing method.", action + " " + role);
        }
        if (!ACCEPTED_ROLE.matcher(role).matches()) {
          return error(ex, 403, "AccessDenied", "User: arn:aws:iam::111122223333:user/ci is not authorized to perform:"
              + " sts:AssumeRole on resource: " + role, action + " " + role);
        }
        return credentials(ex, action, role, form.getOrDefault("RoleSessionName", "session"), "assume-role");
      }
      default:
        return error(ex, 400, "InvalidAction", "Could not find operation " + action, action + " " + role);
    }
  }

  private int credentials(HttpExchange ex, String action, String role, String sessionName, String label)
      throws java.io.IOException {
    String keyId = "ASIA" + randomUpper(16);
    String secret = randomText(30);
    String token = randomText(120);
    sessions.put(keyId, new Session(secret, token, label));
    calls.add(action + " 200 " + role);
    String roleName = role.substring(role.lastIndexOf('/') + 1);
    String xml = "<" + action + "Response xmlns=\"" + NS + "\">\n"
        + "  <" + action + "Result>\n"
        + "    <Credentials>\n"
        + "      <AccessKeyId>" + keyId + "</AccessKeyId>\n"
        + "      <SecretAccessKey>" + secret + "</SecretAccessKey>\n"
        + "      <SessionToken>" + token + "</SessionToken>\n"
        + "      <Expiration>" + Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
        + "</Expiration>\n"
        + "    </Credentials>\n"
        + "    <AssumedRoleUser>\n"
        + "      <AssumedRoleId>AROASTANDIN000000000:" + StandIn.xmlEscape(sessionName) + "</AssumedRoleId>\n"
        + "      <Arn>arn:aws:sts::111122223333:assumed-role/" + StandIn.xmlEscape(roleName) + "/"
        + StandIn.xmlEscape(sessionName) + "</Arn>\n"
        + "    </AssumedRoleUser>\n"
        + "  </" + action + "Result>\n"
        + "  <ResponseMetadata><RequestId>" + java.util.UUID.randomUUID() + "</RequestId></ResponseMetadata>\n"
        + "</" + action + "Response>\n";
    return StandIn.send(ex, 200, "text/xml", xml.getBytes(StandardCharsets.UTF_8));
  }

  /** STS's error document (query protocol). {@code what} is recorded: the action and role, never a token. */
  private int error(HttpExchange ex, int status, String code, String message, String what) throws java.io.IOException {
    calls.add(insertStatus(what, status));
    String xml = "<ErrorResponse xmlns=\"" + NS + "\">\n"
        + "  <Error>\n"
        + "    <Type>Sender</Type>\n"
        + "    <Code>" + code + "</Code>\n"
        + "    <Message>" + StandIn.xmlEscape(message) + "</Message>\n"
        + "  </Error>\n"
        + "  <RequestId>" + java.util.UUID.randomUUID() + "</RequestId>\n"
        + "</ErrorResponse>\n";
    return StandIn.send(ex, status, "text/xml", xml.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code ACTION ROLE} becomes {@code ACTION STATUS ROLE}. */
  private static String insertStatus(String what, int status) {
    int sp = what.indexOf(' ');
    return sp < 0 ? what + " " + status : what.substring(0, sp) + " " + status + what.substring(sp);
  }

  private String randomUpper(int n) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString().toUpperCase(Locale.ROOT);
  }

  private String randomText(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getEncoder().withoutPadding().encodeToString(b);
  }
}
