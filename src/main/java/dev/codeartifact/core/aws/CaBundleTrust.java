package dev.codeartifact.core.aws;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import software.amazon.awssdk.http.TlsTrustManagersProvider;

/**
 * Trust for the API call with {@code codeartifact.caBundle}: a server chain is accepted when the JVM's
 * default trust store accepts it, or else when it leads to a certificate of the bundle. Trusting the
 * JVM's defaults as well (the AWS CLI's {@code --ca-bundle} replaces them) keeps a bundle that holds only
 * a TLS-inspecting proxy's root from breaking hosts the proxy does not inspect, and adds nothing Maven's
 * own downloads do not already trust.
 */
final class CaBundleTrust implements TlsTrustManagersProvider {
  private final List<X509Certificate> certificates;

  CaBundleTrust(List<X509Certificate> certificates) {
    this.certificates = certificates;
  }

  @Override
  public TrustManager[] trustManagers() {
    try {
      X509TrustManager jvm = x509(defaultFactory(null));
      KeyStore bundle = KeyStore.getInstance(KeyStore.getDefaultType());
      bundle.load(null, null);
      int i = 0;
      for (X509Certificate c : certificates) {
        bundle.setCertificateEntry("ca-bundle-" + i++, c);
      }
      X509TrustManager custom = x509(defaultFactory(bundle));
      return new TrustManager[] {new Either(jvm, custom)};
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("Cannot set up trust for codeartifact.caBundle: " + e.getClass().getSimpleName(), e);
    }
  }

  private static TrustManagerFactory defaultFactory(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    f.init(store);
    return f;
  }

  private static X509TrustManager x509(TrustManagerFactory f) {
    for (TrustManager tm : f.getTrustManagers()) {
      if (tm instanceof X509TrustManager) {
        return (X509TrustManager) tm;
      }
    }
    throw new IllegalStateException("no X509TrustManager");
  }

  /** Accepts what either trust manager accepts; reports the bundle's failure when both refuse. */
  static final class Either implements X509TrustManager {
    private final X509TrustManager first;
    private final X509TrustManager second;

    Either(X509TrustManager first, X509TrustManager second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      check(m -> m.checkClientTrusted(chain, authType));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      check(m -> m.checkServerTrusted(chain, authType));
    }

    /** The first manager's verdict, or when it refuses, the second's (whose failure is the one reported). */
    private void check(Check check) throws CertificateException {
      try {
        check.on(first);
      } catch (CertificateException e) {
        check.on(second);
      }
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      List<X509Certificate> all = new ArrayList<>(Arrays.asList(first.getAcceptedIssuers()));
      all.addAll(Arrays.asList(second.getAcceptedIssuers()));
      return all.toArray(new X509Certificate[0]);
    }

    private interface Check {
      void on(X509TrustManager manager) throws CertificateException;
    }
  }
}
