package dev.codeartifact.maven;

import dev.codeartifact.core.CodeArtifactException;
import dev.codeartifact.core.Configuration;
import dev.codeartifact.core.InvalidParameterException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Gets a CodeArtifact authorization token and applies it to the build's servers, so that every later
 * dependency download, plugin resolution and deployment authenticates.
 *
 * <p>Declare the plugin with {@code <extensions>true</extensions>}: its build extension then does the
 * same before anything is resolved, and this goal only renews the token when needed. Without
 * {@code extensions}, the goal helps modules built after the one that runs it. It is an aggregator, so
 * {@code mvn codeartifact:authenticate verify} runs it before any module resolves its dependencies.
 */
@Mojo(name = "authenticate", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true, aggregator = true)
public class AuthenticateMojo extends AbstractMojo {
  /** The CodeArtifact domain. Optional when the repositories' URLs name it (discovery); required with serverIds. */
  @Parameter(property = Configuration.DOMAIN)
  String domain;

  /** The AWS account id (12 digits) that owns the domain. Default: the owner in the repository URL, else the caller's account. */
  @Parameter(property = Configuration.DOMAIN_OWNER)
  String domainOwner;

  /** Token lifetime in seconds: 0 (the caller's role session) or 900 to 43200. Default: not sent (12 hours). */
  @Parameter(property = Configuration.DURATION)
  String durationSeconds;

  /** AWS region of the domain. Default: the region in the repository URL, else the AWS region chain (AWS_REGION, profile). */
  @Parameter(property = Configuration.REGION)
  String region;

  /** AWS named profile to sign in with. Default: the SDK's default credential chain (which honours AWS_PROFILE). */
  @Parameter(property = Configuration.PROFILE)
  String profile;

  /**
   * Comma-separated server ids (repository, mirror or distribution ids) that get the token. Default:
   * every repository of the build whose URL is a CodeArtifact URL.
   */
  @Parameter(property = Configuration.SERVER_IDS)
  String serverIds;

  /** CodeArtifact API URL, for VPC endpoints and tests. Default: the SDK's endpoint, which honours AWS_ENDPOINT_URL_CODEARTIFACT and AWS_ENDPOINT_URL. */
  @Parameter(property = Configuration.ENDPOINT)
  String endpoint;

  /** Skips the goal. */
  @Parameter(property = Configuration.SKIP, defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  /**
   * Maven resolved this module's dependencies before this goal ran; as the goal is an aggregator, that
   * pass is lenient and leaves out what failed with 401. Handing Maven a new (equal) set of dependency
   * artifacts makes it resolve again, now authenticated, before the next mojo that needs them.
   */
  static void forceDependencyResolution(MavenProject project) {
    if (project == null) {
      return;
    }
    Set<Artifact> artifacts = project.getDependencyArtifacts();
    if (artifacts != null) {
      project.setDependencyArtifacts(new LinkedHashSet<>(artifacts));
    }
  }

  @Override
  public void execute() throws MojoExecutionException {
    if (skip) {
      getLog().info("Skipping CodeArtifact authentication (codeartifact.skip)");
      return;
    }
    Map<String, String> values = new LinkedHashMap<>();
    values.put(Configuration.DOMAIN, domain);
    values.put(Configuration.DOMAIN_OWNER, domainOwner);
    values.put(Configuration.DURATION, durationSeconds);
    values.put(Configuration.REGION, region);
    values.put(Configuration.PROFILE, profile);
    values.put(Configuration.SERVER_IDS, serverIds);
    values.put(Configuration.ENDPOINT, endpoint);
    try {
      BuildAuthenticator.Outcome outcome =
          new BuildAuthenticator(MavenLogs.of(getLog())).authenticate(session, Configuration.of(values));
      if (!outcome.applied.isEmpty()) {
        forceDependencyResolution(session.getCurrentProject());
      }
      if (outcome.nothingFound) {
        getLog().warn("No CodeArtifact repository in this build and no codeartifact.serverIds: nothing to"
            + " authenticate (set codeartifact.domain and codeartifact.serverIds, or use CodeArtifact repository URLs)");
      }
    } catch (InvalidParameterException e) {
      throw new MojoExecutionException(ErrorMessages.forPom(e), e);
    } catch (CodeArtifactException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }
}
