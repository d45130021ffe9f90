package dev.codeartifact.core.flow;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What identifies one CodeArtifact token: domain, owner, region, duration, and how the caller signs in
 * (profile) and where (endpoint). Two requests that are equal get the same token. Built only through
 * {@link Builder#build()}, which validates every field before any network call can happen.
 */
public final class TokenRequest {
  static final Pattern DOMAIN = Pattern.compile("[a-z][a-z0-9\\-]{0,48}[a-z0-9]");
  static final Pattern OWNER = Pattern.compile("[0-9]{12}");
  static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");
  static final Pattern PROFILE = Pattern.compile("[A-Za-z0-9_.+@:\\-/]{1,128}");
  public static final int MIN_DURATION = 900;
  public static final int MAX_DURATION = 43200;

  private final String domain;
  private final String domainOwner;
  private final String region;
  private final Integer durationSeconds;
  private final String profile;
  private final URI endpoint;

  private TokenRequest(Builder b) {
    this.domain = b.domain;
    this.domainOwner = b.domainOwner;
    this.region = b.region;
    this.durationSeconds = b.durationSeconds;
    this.profile = b.profile;
    this.endpoint = b.endpoint;
  }

  public static Builder builder() {
    return new Builder();
  }

  public String domain() {
    return domain;
  }

  /** 12 digits, or null: the service then uses the caller's account. */
  public String domainOwner() {
    return domainOwner;
  }

  /** Null when the region is left to the SDK's region chain. */
  public String region() {
    return region;
  }

  /** Null when not sent (the service default, 12 hours). */
  public Integer durationSeconds() {
    return durationSeconds;
  }

  /** AWS named profile, or null for the SDK's default credential chain. */
  public String profile() {
    return profile;
  }

  /** API endpoint override, or null for the SDK's own (which honours AWS_ENDPOINT_URL_CODEARTIFACT). */
  public URI endpoint() {
    return endpoint;
  }

  /** "domain D (owner O, region R)" for log lines and errors; holds no secret. */
  public String describe() {
    return "domain " + domain + " (owner " + (domainOwner == null ? "caller's account" : domainOwner)
        + ", region " + (region == null ? "from the AWS region chain" : region) + ")";
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TokenRequest)) {
      return false;
    }
    TokenRequest t = (TokenRequest) o;
    return domain.equals(t.domain)
        && Objects.equals(domainOwner, t.domainOwner)
        && Objects.equals(region, t.region)
        && Objects.equals(durationSeconds, t.durationSeconds)
        && Objects.equals(profile, t.profile)
        && Objects.equals(endpoint, t.endpoint);
  }

  @Override
  public int hashCode() {
    return Objects.hash(domain, domainOwner, region, durationSeconds, profile, endpoint);
  }

  @Override
  public String toString() {
    return "TokenRequest[domain=" + domain + ", owner=" + domainOwner + ", region=" + region
        + ", duration=" + durationSeconds + ", profile=" + profile + ", endpoint=" + endpoint + "]";
  }

  /**
   * Collects raw strings (as a user typed them) and validates them in one place. Parameter names given
   * to {@link InvalidParameterException} are the user-property names, which every front end shares.
   */
  public static final class Builder {
    private String domain;
    private String domainOwner;
    private String region;
    private Integer durationSeconds;
    private String profile;
    private URI endpoint;

    private Builder() {}

    private static String blankToNull(String s) {
      return s == null || s.trim().isEmpty() ? null : s.trim();
    }

    /** {@code value} trimmed, null when blank; refused with what is allowed unless it matches. */
    private static String matching(String parameter, String value, Pattern pattern, String allowed)
        throws InvalidParameterException {
      String v = blankToNull(value);
      if (v != null && !pattern.matcher(v).matches()) {
        throw new InvalidParameterException(parameter, v, allowed);
      }
      return v;
    }

    public Builder domain(String value) throws InvalidParameterException {
      this.domain = matching(Configuration.DOMAIN, value, DOMAIN,
          "a domain name is 2 to 50 characters: lowercase letters, digits and hyphens, starting with a letter"
              + " and not ending with a hyphen");
      return this;
    }

    public Builder domainOwner(String value) throws InvalidParameterException {
      this.domainOwner = matching(Configuration.DOMAIN_OWNER, value, OWNER,
          "the domain owner is an AWS account id of exactly 12 digits");
      return this;
    }

    public Builder region(String value) throws InvalidParameterException {
      this.region = matching(Configuration.REGION, value, REGION,
          "an AWS region name such as us-east-1 or us-gov-west-1");
      return this;
    }

    public Builder durationSeconds(String value) throws InvalidParameterException {
      String v = blankToNull(value);
      if (v == null) {
        this.durationSeconds = null;
        return this;
      }
      int n;
      try {
        n = Integer.parseInt(v);
      } catch (NumberFormatException e) {
        n = -1;
      }
      if (n != 0 && (n < MIN_DURATION || n > MAX_DURATION)) {
        throw new InvalidParameterException(Configuration.DURATION, v,
            "0 (expire with the caller's role session) or a number of seconds from " + MIN_DURATION
                + " to " + MAX_DURATION);
      }
      this.durationSeconds = n;
      return this;
    }

    public Builder profile(String value) throws InvalidParameterException {
      this.profile = matching(Configuration.PROFILE, value, PROFILE,
          "the name of a profile in ~/.aws/config or ~/.aws/credentials");
      return this;
    }

    public Builder endpoint(String value) throws InvalidParameterException {
      String v = blankToNull(value);
      if (v == null) {
        this.endpoint = null;
        return this;
      }
      URI uri;
      try {
        uri = new URI(v);
      } catch (Exception e) {
        uri = null;
      }
      if (uri == null || uri.getHost() == null
          || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
        throw new InvalidParameterException(Configuration.ENDPOINT, v,
            "an absolute http(s) URL such as https://codeartifact.us-east-1.amazonaws.com");
      }
      this.endpoint = uri;
      return this;
    }

    /** An independent copy, so one validated template can seed several requests. */
    public Builder copy() {
      Builder b = new Builder();
      b.domain = domain;
      b.domainOwner = domainOwner;
      b.region = region;
      b.durationSeconds = durationSeconds;
      b.profile = profile;
      b.endpoint = endpoint;
      return b;
    }

    public TokenRequest build() throws InvalidParameterException {
      if (domain == null) {
        throw new InvalidParameterException(Configuration.DOMAIN, "",
            "the CodeArtifact domain is required: set <domain> or -Dcodeartifact.domain");
      }
      return new TokenRequest(this);
    }
  }
}
