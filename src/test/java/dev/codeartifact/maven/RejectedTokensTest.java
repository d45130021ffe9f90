package dev.codeartifact.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import org.junit.jupiter.api.Test;

/** Which repositories a failed build's errors show answering 401, as each Maven and transport words it. */
class RejectedTokensTest {
  private static final String TRANSFER =
      "Could not transfer artifact g:a:jar:1.0 from/to codeartifact (https://d-111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/r/): ";

  private static LinkedHashSet<String> ids(String... ids) {
    return new LinkedHashSet<>(Arrays.asList(ids));
  }

  private static java.util.Set<String> of(Throwable t) {
    return RejectedTokens.unauthorizedRepositories(Collections.singletonList(t));
  }

  @Test
  void everyTransportsWordingOf401() {
    assertEquals(ids("codeartifact"), of(new Exception(TRANSFER + "status code: 401, reason phrase: Unauthorized (401)")));
    assertEquals(ids("codeartifact"), of(new Exception(TRANSFER + "HTTP Status: 401")));
    assertEquals(ids("codeartifact"), of(new Exception(TRANSFER + "Authentication failed for https://x/a.pom 401 Unauthorized")));
    assertEquals(ids("codeartifact"), of(new Exception(TRANSFER + "Not authorized , ReasonPhrase:Unauthorized.")));
    assertEquals(ids("codeartifact"), of(new Exception(TRANSFER + "too many authentication attempts. Limit: 3")));
  }

  @Test
  void onlyTheRepositoriesWhoseOwnLineSays401() {
    Exception e = new Exception("Could not resolve dependencies\n"
        + "\tCould not find artifact g:a:jar:1.0 in central (https://repo.maven.apache.org/maven2)\n"
        + "\tCould not transfer artifact g:b:jar:1.0 from/to other (https://other/): HTTP Status: 403\n"
        + "\t" + TRANSFER + "HTTP Status: 401");
    assertEquals(ids("codeartifact"), of(e));
  }

  @Test
  void causesAreRead() {
    Exception e = new Exception("Failed to execute goal", new IOException(TRANSFER + "status code: 401, reason phrase: Unauthorized (401)"));
    assertEquals(ids("codeartifact"), of(e));
  }

  @Test
  void otherFailuresNameNoRepository() {
    assertEquals(ids(), of(new Exception(TRANSFER + "status code: 403, reason phrase: Forbidden (403)")));
    assertEquals(ids(), of(new Exception(TRANSFER + "Connection refused")));
    assertEquals(ids(), of(new Exception("Compilation failure: 401 errors")));
    assertEquals(ids(), RejectedTokens.unauthorizedRepositories(null));
    Exception loop = new Exception("a");
    Exception cause = new Exception("b", loop);
    loop.initCause(cause);
    assertEquals(ids(), of(loop));
  }
}
