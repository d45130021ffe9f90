package dev.codeartifact.standin;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recomputes the AWS Signature Version 4 of a request the stand-in received, from what actually arrived on the
 * wire (method, path, query, the signed headers' values, the body), as AWS does: a client whose signed headers
 * differ from what its HTTP stack sends fails here exactly as it would against AWS.
 */
final class SigV4Check {
  private SigV4Check() {}

  /** {@code sig}: the stand-in's SIGV4 match (1 key id, 2 date, 3 region, 4 signed headers, 5 signature). */
  static boolean matches(HttpExchange ex, String method, byte[] body, Matcher sig, String secret) {
    return matches(ex, method, body, sig, secret, "codeartifact");
  }

  /** The same for the signing name {@code service} ({@code sts} for the stand-in's STS). */
  static boolean matches(HttpExchange ex, String method, byte[] body, Matcher sig, String secret, String service) {
    try {
      String amzDate = ex.getRequestHeaders().getFirst("X-Amz-Date");
      if (amzDate == null || !amzDate.startsWith(sig.group(2))) {
        return false;
      }
      StringBuilder headers = new StringBuilder();
      for (String name : sig.group(4).split(";")) {
        List<String> values = ex.getRequestHeaders().get(name);
        if (values == null) {
          return false;
        }
        List<String> trimmed = new ArrayList<>();
        for (String v : values) {
          trimmed.add(v.trim().replaceAll(" +", " "));
        }
        headers.append(name.toLowerCase(Locale.ROOT)).append(':').append(String.join(",", trimmed)).append('\n');
      }
      String payload = ex.getRequestHeaders().getFirst("x-amz-content-sha256");
      if (payload == null || "UNSIGNED-PAYLOAD".equals(payload)) {
        payload = hex(MessageDigest.getInstance("SHA-256").digest(body));
      }
      String path = ex.getRequestURI().getRawPath();
      String canonical = method + "\n" + (path == null || path.isEmpty() ? "/" : path) + "\n"
          + canonicalQuery(ex.getRequestURI().getRawQuery()) + "\n" + headers + "\n" + sig.group(4) + "\n" + payload;
      String scope = sig.group(2) + "/" + sig.group(3) + "/" + service + "/aws4_request";
      String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
          + hex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
      byte[] key = ("AWS4" + secret).getBytes(StandardCharsets.UTF_8);
      for (String part : new String[] {sig.group(2), sig.group(3), service, "aws4_request"}) {
        key = hmac(key, part);
      }
      return hex(hmac(key, toSign)).equals(sig.group(5));
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  /** Parameters sorted by encoded name then value, each encoded once with RFC 3986's unreserved set. */
  private static String canonicalQuery(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    List<String[]> pairs = new ArrayList<>();
    for (String p : raw.split("&")) {
      int eq = p.indexOf('=');
      String name = eq < 0 ? p : p.substring(0, eq);
      String value = eq < 0 ? "" : p.substring(eq + 1);
      pairs.add(new String[] {encode(decode(name)), encode(decode(value))});
    }
    pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    StringBuilder out = new StringBuilder();
    for (String[] p : pairs) {
      out.append(out.length() == 0 ? "" : "&").append(p[0]).append('=').append(p[1]);
    }
    return out.toString();
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static String encode(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "-_.~".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static byte[] hmac(byte[] key, String data) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

  private static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      out.append(String.format("%02x", b & 0xff));
    }
    return out.toString();
  }
}
