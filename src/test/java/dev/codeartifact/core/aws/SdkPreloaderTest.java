package dev.codeartifact.core.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SdkPreloaderTest {
  /** The list must match the SDK the plugin ships, or the preloading thread does nothing useful. */
  @Test
  void everyListedClassExistsInTheShippedSdk() {
    List<String> names = SdkPreloader.names();
    assertTrue(names.size() > 200, "only " + names.size() + " names");
    // The path of a cold fetch: the signer, the endpoint rules (with partitions), the credential chain.
    for (String part : new String[] {"software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner",
        "software.amazon.awssdk.services.codeartifact.endpoints.internal.DefaultCodeartifactEndpointProvider",
        "software.amazon.awssdk.services.codeartifact.endpoints.internal.DefaultPartitionDataProvider",
        "software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider"}) {
      assertTrue(names.contains(part), part + " is not in sdk-classes.txt");
    }
    List<String> missing = new ArrayList<>();
    for (String name : names) {
      assertTrue(name.startsWith("software.amazon."), name);
      try {
        Class.forName(name, false, SdkPreloader.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        missing.add(name);
      }
    }
    assertEquals(List.of(), missing, "stale sdk-classes.txt: run benchmarks/sdk-classes.sh");
  }

  @Test
  void startsOnceAndNeverThrows() throws Exception {
    SdkPreloader.start();
    SdkPreloader.start();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("codeartifact-sdk-preload")) {
        assertTrue(t.isDaemon());
        t.join(60_000);
      }
    }
  }
}
