package dev.codeartifact.maven;

import dev.codeartifact.core.flow.InvalidParameterException;
import dev.codeartifact.core.flow.Parameters;
import dev.codeartifact.core.flow.TokenFlow;
import dev.codeartifact.core.flow.TokenOutput;
import dev.codeartifact.core.flow.TokenRequest;
import dev.codeartifact.core.token.AuthorizationToken;
import dev.codeartifact.core.util.Durations;
import dev.codeartifact.core.util.SecureFiles;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints a CodeArtifact authorization token, like {@code aws codeartifact get-authorization-token} but
 * with this plugin's credentials, cache and validation, and without a project. For scripts:
 *
 * <pre>
 * export CODEARTIFACT_AUTH_TOKEN=$(mvn -q codeartifact:token -Dcodeartifact.domain=my-domain -Dcodeartifact.query=authorizationToken -Dcodeartifact.output=text)
 * </pre>
 *
 * <p>The result goes to standard output (never through Maven's log, so {@code -q} leaves exactly the
 * result), or with {@code tokenFile} into an owner-only file.
 *
 * @since 0.1.0
 */
@Mojo(name = "token", requiresProject = false, threadSafe = true, aggregator = true)
public class TokenMojo extends AbstractCodeArtifactMojo {
  /**
   * Output format, as the AWS CLI's {@code --output}: {@code json} (an object with
   * {@code authorizationToken} and {@code expiration}, the expiration in ISO 8601) or {@code text}
   * (token, a tab, expiration).
   *
   * @since 0.1.0
   */
  @Parameter(property = TokenOutput.OUTPUT, defaultValue = "json")
  String output;

  /**
   * Prints only one field, as the AWS CLI's {@code --query}: {@code authorizationToken} or
   * {@code expiration}. With {@code output=json} the field is printed as a JSON string (quoted). Default:
   * both fields.
   *
   * @since 0.1.0
   */
  @Parameter(property = TokenOutput.QUERY)
  String query;

  /**
   * Writes the result into this file (created or replaced atomically, readable by the owner only) instead
   * of printing it. Relative paths are resolved against the current directory. Default: print to standard
   * output.
   *
   * @since 0.1.0
   */
  @Parameter(property = "codeartifact.tokenFile")
  String tokenFile;

  /**
   * The process's real standard output. Maven 4 replaces {@code System.out} during a mojo with a stream
   * that feeds its logger ({@code [INFO] [stdout] ...}): the token would then be a log line, and {@code -q}
   * would hide it. Writing to file descriptor 1 keeps it out of the log on every Maven version.
   */
  PrintStream stdout() {
    return new PrintStream(new FileOutputStream(FileDescriptor.out), false);
  }

  @Override
  public void execute() throws MojoExecutionException {
    TokenOutput format;
    try {
      format = TokenOutput.of(output, query);
    } catch (InvalidParameterException e) {
      throw failure(e);
    }
    Parameters parameters = parameters();
    TokenRequest request;
    try {
      request = parameters.template().build();
    } catch (InvalidParameterException e) {
      throw failure(e);
    }
    Path file = tokenFile == null || tokenFile.trim().isEmpty() ? null : Paths.get(tokenFile.trim()).toAbsolutePath();
    TokenFlow.Outcome outcome = new TokenFlow(log()).fetch(parameters,
        p -> Collections.singletonMap(request, Collections.<String>emptySet()), session.isOffline());
    switch (outcome.status()) {
      case OFFLINE:
        throw new MojoExecutionException("Offline (-o): not requesting a CodeArtifact token for " + request.describe());
      case FAILED:
        throw failure(outcome.failure());
      default:
        break;
    }
    AuthorizationToken token = outcome.tokens().get(request);
    if (token == null) {
      getLog().warn(outcome.tolerated().get(request).getMessage() + " (codeartifact.failOnError=false: no token printed)");
      return;
    }
    String text = format.render(token);
    if (file == null) {
      System.out.flush();
      PrintStream out = stdout();
      out.print(text);
      out.flush();
      return;
    }
    try {
      SecureFiles.writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot write the CodeArtifact token to " + file + ": " + e, e);
    }
    getLog().info("CodeArtifact " + (format.containsToken() ? "token" : "token expiration") + " for "
        + request.describe() + " written to " + file + " (owner-only); the token expires "
        + token.expiration().truncatedTo(ChronoUnit.SECONDS) + " (in "
        + Durations.hoursMinutes(Duration.between(Instant.now(), token.expiration())) + ")");
  }
}
