package dev.codeartifact.core.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RepositoryUrlTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      // plain form
      "https://my-domain-111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/my-repo/"
          + " | my-domain | 111122223333 | us-east-1 | my-repo",
      "https://my-domain-111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/my-repo"
          + " | my-domain | 111122223333 | us-east-1 | my-repo",
      // hyphens and digits in the domain: the owner is the last 12 digits
      "https://my-domain-2-111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/releases/"
          + " | my-domain-2 | 111122223333 | us-east-1 | releases",
      "https://a1-000000000001.d.codeartifact.eu-west-3.amazonaws.com/maven/r.1_x-y/"
          + " | a1 | 000000000001 | eu-west-3 | r.1_x-y",
      "https://d2024-123456789012-123456789012.d.codeartifact.eu-central-1.amazonaws.com/maven/libs/"
          + " | d2024-123456789012 | 123456789012 | eu-central-1 | libs",
      // three-part regions, China partition
      "https://corp-999988887777.d.codeartifact.us-gov-west-1.amazonaws.com/maven/internal/"
          + " | corp | 999988887777 | us-gov-west-1 | internal",
      "https://corp-999988887777.d.codeartifact.ap-southeast-2.amazonaws.com/maven/internal/"
          + " | corp | 999988887777 | ap-southeast-2 | internal",
      "https://corp-999988887777.d.codeartifact.cn-north-1.amazonaws.com.cn/maven/internal/"
          + " | corp | 999988887777 | cn-north-1 | internal",
      // ports, http, upper-case host, a trailing dot on the host, deeper paths
      "https://my-domain-111122223333.d.codeartifact.us-east-1.amazonaws.com:443/maven/my-repo/"
          + " | my-domain | 111122223333 | us-east-1 | my-repo",
      "http://my-domain-111122223333.d.codeartifact.us-east-1.amazonaws.com:8080/maven/my-repo/"
          + " | my-domain | 111122223333 | us-east-1 | my-repo",
      "HTTPS://MY-DOMAIN-111122223333.D.CODEARTIFACT.US-EAST-1.AMAZONAWS.COM/maven/My-Repo/"
          + " | my-domain | 111122223333 | us-east-1 | My-Repo",
      "https://my-domain-111122223333.d.codeartifact.us-east-1.amazonaws.com./maven/my-repo/"
          + " | my-domain | 111122223333 | us-east-1 | my-repo",
      "https://my-domain-111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/my-repo/com/acme/x/1.0/x-1.0.pom"
          + " | my-domain | 111122223333 | us-east-1 | my-repo",
      "  https://my-domain-111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/my-repo/  "
          + " | my-domain | 111122223333 | us-east-1 | my-repo",
      // a CodeArtifact host whose path names no repository: still the domain's host
      "https://my-domain-111122223333.d.codeartifact.us-east-1.amazonaws.com/"
          + " | my-domain | 111122223333 | us-east-1 | -",
      // VPC endpoint without private DNS
      "https://vpce-0abc123-xyz.d.codeartifact.us-west-2.vpce.amazonaws.com/maven/d/my-domain-111122223333/my-repo/"
          + " | my-domain | 111122223333 | us-west-2 | my-repo",
      "https://vpce-0abc123-xyz.d.codeartifact.us-west-2.vpce.amazonaws.com/maven/d/my-domain-2-111122223333/my-repo"
          + " | my-domain-2 | 111122223333 | us-west-2 | my-repo",
      "https://VPCE-0ABC123-XYZ.D.CODEARTIFACT.US-GOV-EAST-1.VPCE.AMAZONAWS.COM:443/maven/d/corp-999988887777/x1/"
          + " | corp | 999988887777 | us-gov-east-1 | x1",
  })
  void parsesCodeArtifactUrls(String url, String domain, String owner, String region, String repository) {
    RepositoryUrl parsed = RepositoryUrl.parse(url);
    assertNotNull(parsed, url);
    assertEquals(domain, parsed.domain(), "domain");
    assertEquals(owner, parsed.owner(), "owner");
    assertEquals(region, parsed.region(), "region");
    assertEquals(repository, parsed.repository(), "repository");
  }

  @Test
  void longestAndShortestDomains() {
    String fifty = "a" + "b".repeat(48) + "9";
    RepositoryUrl max = RepositoryUrl.parse(
        "https://" + fifty + "-111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/r1/");
    assertNotNull(max);
    assertEquals(fifty, max.domain());
    assertNull(RepositoryUrl.parse(
        "https://" + fifty + "x-111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/r1/"), "51 characters");
    RepositoryUrl min = RepositoryUrl.parse("https://ab-111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/r1/");
    assertNotNull(min);
    assertEquals("ab", min.domain());
    assertNull(RepositoryUrl.parse("https://a-111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/r1/"),
        "1 character");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @NullAndEmptySource
  @ValueSource(strings = {
      "   ",
      "not a url",
      "::::",
      "https://",
      "/maven/my-repo/",
      "my-domain-111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/my-repo/",
      // owner with 11 or 13 digits
      "https://my-domain-11112222333.d.codeartifact.us-east-1.amazonaws.com/maven/my-repo/",
      "https://my-domain-1111222233334.d.codeartifact.us-east-1.amazonaws.com/maven/my-repo/",
      // no owner at all
      "https://my-domain.d.codeartifact.us-east-1.amazonaws.com/maven/my-repo/",
      // missing .d.
      "https://my-domain-111122223333.codeartifact.us-east-1.amazonaws.com/maven/my-repo/",
      "https://my-domain-111122223333.x.codeartifact.us-east-1.amazonaws.com/maven/my-repo/",
      // misspelled service
      "https://my-domain-111122223333.d.codeartefact.us-east-1.amazonaws.com/maven/my-repo/",
      "https://my-domain-111122223333.d.code-artifact.us-east-1.amazonaws.com/maven/my-repo/",
      // other AWS services and look-alikes
      "https://my-bucket.s3.us-east-1.amazonaws.com/maven/my-repo/",
      "https://codeartifact.us-east-1.amazonaws.com/v1/authorization-token",
      "https://111122223333.dkr.ecr.us-east-1.amazonaws.com/maven/my-repo/",
      "https://my-domain-111122223333.d.codeartifact.us-east-1.amazonaws.com.evil.com/maven/my-repo/",
      "https://my-domain-111122223333.d.codeartifact.us-east-1.amazonaws.co/maven/my-repo/",
      "https://evil.com/my-domain-111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/my-repo/",
      "https://x.my-domain-111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/my-repo/",
      // domain starting with a digit, ending with a hyphen, with an underscore or upper-case only in path
      "https://1domain-111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/my-repo/",
      "https://domain--111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/my-repo/",
      "https://-domain-111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/my-repo/",
      "https://my_domain-111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/my-repo/",
      // bad regions
      "https://my-domain-111122223333.d.codeartifact.useast1.amazonaws.com/maven/my-repo/",
      "https://my-domain-111122223333.d.codeartifact.us-east.amazonaws.com/maven/my-repo/",
      // VPC endpoint: the path must name the domain and owner
      "https://vpce-0abc123-xyz.d.codeartifact.us-west-2.vpce.amazonaws.com/maven/my-repo/",
      "https://vpce-0abc123-xyz.d.codeartifact.us-west-2.vpce.amazonaws.com/maven/d/my-domain/my-repo/",
      "https://vpce-0abc123-xyz.d.codeartifact.us-west-2.vpce.amazonaws.com/maven/d/my-domain-11112222333/my-repo/",
      "https://vpce-0abc123-xyz.d.codeartifact.us-west-2.vpce.amazonaws.com/",
      "https://vpce-0abc123-xyz.d.codeartifact.us-west-2.vpce.amazonaws.com.evil.com/maven/d/my-domain-111122223333/r/",
      "https://repo.maven.apache.org/maven2/",
  })
  void rejectsNearMisses(String url) {
    assertNull(RepositoryUrl.parse(url), String.valueOf(url));
  }

  @Test
  void equalityAndToString() {
    RepositoryUrl a = RepositoryUrl.parse("https://my-domain-111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/r1/");
    RepositoryUrl b = RepositoryUrl.parse("HTTP://MY-DOMAIN-111122223333.D.CODEARTIFACT.US-EAST-1.AMAZONAWS.COM:80/maven/r1");
    RepositoryUrl c = RepositoryUrl.parse("https://my-domain-111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/r2/");
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, c);
    assertEquals("my-domain-111122223333 in us-east-1 repository r1", a.toString());
  }
}
