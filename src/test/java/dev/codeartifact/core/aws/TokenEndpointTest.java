package dev.codeartifact.core.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codeartifact.core.flow.Configuration;
import dev.codeartifact.core.flow.TokenRequest;
import dev.codeartifact.core.network.NetworkSettings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

/** The endpoint and signing region the token request uses: the SDK's rules, without its service client. */
class TokenEndpointTest {
  private static TokenEndpoint resolve(String region, String endpoint, String... kv) throws Exception {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    TokenRequest r = TokenRequest.builder().domain("my-domain").region(region).endpoint(endpoint).build();
    return TokenEndpoint.resolve(r, region, NetworkSettings.from(Configuration.of(m)));
  }

  @Test
  void partitionsFipsAndDualstack() throws Exception {
    // Assumes no AWS_ENDPOINT_URL* in the environment of the test run.
    assertEquals("https://codeartifact.us-east-1.amazonaws.com", resolve("us-east-1", null).describe());
    assertEquals("https://codeartifact.cn-north-1.amazonaws.com.cn", resolve("cn-north-1", null).describe());
    assertEquals("https://codeartifact-fips.us-west-2.amazonaws.com",
        resolve("us-west-2", null, Configuration.FIPS, "true", Configuration.DUALSTACK, "false").describe());
    assertEquals("https://codeartifact.us-west-2.api.aws",
        resolve("us-west-2", null, Configuration.FIPS, "false", Configuration.DUALSTACK, "true").describe());
    assertEquals("eu-central-1", resolve("eu-central-1", null).signingRegion());
  }

  @Test
  void overridesFromConfigurationAndSystemProperty() throws Exception {
    TokenEndpoint e = resolve("us-west-2", "http://127.0.0.1:8080");
    assertEquals("http://127.0.0.1:8080", e.describe());
    assertEquals("us-west-2", e.signingRegion());
    System.setProperty("aws.endpointUrlCodeartifact", "https://vpce-1.codeartifact.example.test");
    try {
      assertEquals("https://vpce-1.codeartifact.example.test", resolve("us-west-2", null).describe());
      // the configured endpoint wins over the system property
      assertEquals("http://127.0.0.1:8080", resolve("us-west-2", "http://127.0.0.1:8080").describe());
    } finally {
      System.clearProperty("aws.endpointUrlCodeartifact");
    }
  }

  @Test
  void fipsWithACustomEndpointIsTheRulesError() throws Exception {
    SdkClientException e = assertThrows(SdkClientException.class,
        () -> resolve("us-west-2", "http://127.0.0.1:8080", Configuration.FIPS, "true"));
    assertTrue(e.getMessage().contains("FIPS and custom endpoint are not supported"), e.getMessage());
  }
}
