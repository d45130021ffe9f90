package dev.codeartifact.core.network;

import dev.codeartifact.core.flow.InvalidParameterException;
import dev.codeartifact.core.util.BoundedReads;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a PEM CA bundle ({@code codeartifact.caBundle}, like the AWS CLI's {@code --ca-bundle}): every
 * {@code -----BEGIN CERTIFICATE-----} block, ignoring text between them (bundles often carry comments).
 */
public final class PemCertificates {
  private static final Pattern BLOCK = Pattern.compile(
      "-----BEGIN (?:X509 |TRUSTED )?CERTIFICATE-----([A-Za-z0-9+/=\\s]*?)-----END (?:X509 |TRUSTED )?CERTIFICATE-----");
  /** Bundles are small; this keeps a wrong path (a jar, an image) from being read whole. */
  static final long MAX_BYTES = 16L * 1024 * 1024;

  private PemCertificates() {}

  /** Reads {@code file}; every failure names {@code property} and says what is wrong. */
  public static List<X509Certificate> read(String property, Path file) throws InvalidParameterException {
    String shown = file.toString();
    if (!Files.exists(file)) {
      throw new InvalidParameterException(property, shown, "a PEM file of CA certificates; the file does not exist");
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new InvalidParameterException(property, shown, "a readable PEM file of CA certificates");
    }
    byte[] bytes;
    try {
      bytes = Files.size(file) > MAX_BYTES ? null
          : BoundedReads.readAtMost(Files.newInputStream(file), (int) MAX_BYTES); // null: grew since
      if (bytes == null) {
        throw new InvalidParameterException(property, shown,
            "a PEM file of CA certificates; this file is larger than " + (MAX_BYTES >> 20) + " MB");
      }
    } catch (IOException e) {
      throw new InvalidParameterException(property, shown,
          "a readable PEM file of CA certificates (" + e.getClass().getSimpleName() + ")");
    }
    return parse(property, shown, new String(bytes, StandardCharsets.ISO_8859_1));
  }

  static List<X509Certificate> parse(String property, String shown, String pem) throws InvalidParameterException {
    List<X509Certificate> out = new ArrayList<>();
    CertificateFactory factory;
    try {
      factory = CertificateFactory.getInstance("X.509");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no X.509 support in this JVM", e);
    }
    Matcher m = BLOCK.matcher(pem);
    int n = 0;
    while (m.find()) {
      n++;
      try {
        byte[] der = Base64.getMimeDecoder().decode(m.group(1));
        Certificate c = factory.generateCertificate(new ByteArrayInputStream(der));
        if (c instanceof X509Certificate) {
          out.add((X509Certificate) c);
        }
      } catch (IllegalArgumentException | GeneralSecurityException e) {
        throw new InvalidParameterException(property, shown,
            "a PEM file of CA certificates; certificate " + n + " in it cannot be read");
      }
    }
    if (out.isEmpty()) {
      throw new InvalidParameterException(property, shown,
          "a PEM file of CA certificates; it holds no -----BEGIN CERTIFICATE----- block");
    }
    return Collections.unmodifiableList(out);
  }
}
