package dev.codeartifact.core.repository;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Maven repository URL that points at AWS CodeArtifact, with the domain, owner and region it names.
 *
 * <p>Two forms exist: {@code https://DOMAIN-OWNER.d.codeartifact.REGION.amazonaws.com/maven/REPO/}, and
 * through a VPC endpoint without private DNS {@code
 * https://vpce-ID.d.codeartifact.REGION.vpce.amazonaws.com/maven/d/DOMAIN-OWNER/REPO/}. Domains may hold
 * hyphens and digits; the owner is always the last 12 digits; any scheme and port are accepted.
 */
public final class RepositoryUrl {
  private static final String DOMAIN_OWNER = "([a-z][a-z0-9\\-]{0,48}[a-z0-9])-([0-9]{12})";
  private static final String REGION = "([a-z]{2}(?:-[a-z]+)+-[0-9]+)";
  private static final Pattern HOST =
      Pattern.compile(DOMAIN_OWNER + "\\.d\\.codeartifact\\." + REGION + "\\.amazonaws\\.com(?:\\.cn)?");
  private static final Pattern VPCE_HOST =
      Pattern.compile("vpce-[a-z0-9\\-]+\\.d\\.codeartifact\\." + REGION + "\\.vpce\\.amazonaws\\.com(?:\\.cn)?");
  private static final Pattern REPO_PATH = Pattern.compile("/maven/([A-Za-z0-9][A-Za-z0-9._\\-]{1,99})(?:/.*)?");
  private static final Pattern VPCE_PATH =
      Pattern.compile("/maven/d/" + DOMAIN_OWNER + "/([A-Za-z0-9][A-Za-z0-9._\\-]{1,99})(?:/.*)?");

  private final String domain;
  private final String owner;
  private final String region;
  private final String repository;

  private RepositoryUrl(String domain, String owner, String region, String repository) {
    this.domain = domain;
    this.owner = owner;
    this.region = region;
    this.repository = repository;
  }

  /** Parses {@code url}; returns null for anything that is not a CodeArtifact repository URL. */
  public static RepositoryUrl parse(String url) {
    if (url == null) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (Exception e) {
      return null;
    }
    String host = uri.getHost();
    if (host == null || uri.getScheme() == null) {
      return null;
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    Matcher h = HOST.matcher(host);
    if (h.matches()) {
      Matcher p = REPO_PATH.matcher(path);
      return new RepositoryUrl(h.group(1), h.group(2), h.group(3), p.matches() ? p.group(1) : null);
    }
    Matcher v = VPCE_HOST.matcher(host);
    if (v.matches()) {
      Matcher p = VPCE_PATH.matcher(path);
      if (p.matches()) {
        return new RepositoryUrl(p.group(1), p.group(2), v.group(1), p.group(3));
      }
    }
    return null;
  }

  public String domain() {
    return domain;
  }

  public String owner() {
    return owner;
  }

  public String region() {
    return region;
  }

  /** The repository name, or null when the path does not name one. */
  public String repository() {
    return repository;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RepositoryUrl)) {
      return false;
    }
    RepositoryUrl r = (RepositoryUrl) o;
    return domain.equals(r.domain) && owner.equals(r.owner) && region.equals(r.region)
        && Objects.equals(repository, r.repository);
  }

  @Override
  public int hashCode() {
    return Objects.hash(domain, owner, region, repository);
  }

  @Override
  public String toString() {
    return domain + "-" + owner + " in " + region + (repository == null ? "" : " repository " + repository);
  }
}
