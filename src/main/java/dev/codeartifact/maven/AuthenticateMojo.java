package dev.codeartifact.maven;

import dev.codeartifact.core.flow.Configuration;
import dev.codeartifact.core.flow.TokenFlow;
import dev.codeartifact.maven.build.BuildRepositories;
import dev.codeartifact.maven.build.MavenBuild;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Gets a CodeArtifact authorization token and applies it to the build's servers, so that every later
 * dependency download, plugin resolution and deployment authenticates.
 *
 * <p>Declare the plugin with {@code <extensions>true</extensions>}: its build extension then does the
 * same before anything is resolved, and this goal only renews the token when needed. Without
 * {@code extensions}, the goal helps modules built after the one that runs it. It is an aggregator, so
 * {@code mvn codeartifact:authenticate verify} runs it before any module resolves its dependencies.
 *
 * @since 0.1.0
 */
@Mojo(name = "authenticate", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true, aggregator = true)
public class AuthenticateMojo extends AbstractCodeArtifactMojo {
  /**
   * Skips the goal: no token is fetched or applied, and one INFO line says so. (The build extension and
   * the core extension read the same property and skip too.)
   *
   * @since 0.1.0
   */
  @Parameter(property = Configuration.SKIP, defaultValue = "false")
  boolean skip;

  /**
   * Maven resolved this module's dependencies before this goal ran; as the goal is an aggregator, that
   * pass is lenient and silently leaves out what failed (a 401 before the token was there, or anything
   * else). Handing Maven a new (equal) set of dependency artifacts makes it resolve again, strictly and
   * now authenticated, before the next mojo that needs them.
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
    try {
      if (skip) {
        getLog().info("Skipping CodeArtifact authentication (codeartifact.skip)");
        return;
      }
      TokenFlow.Outcome outcome = new TokenFlow(log()).authenticate(configuration(), proxies(),
          () -> BuildRepositories.of(session), MavenBuild.of(session, log()));
      if (outcome.status() == TokenFlow.Outcome.Status.FAILED) {
        throw failure(outcome.failure());
      }
      if (outcome.status() == TokenFlow.Outcome.Status.NOTHING_FOUND) {
        getLog().warn("No CodeArtifact repository in this build and no codeartifact.serverIds: nothing to"
            + " authenticate (set codeartifact.domain and codeartifact.serverIds, or use CodeArtifact repository URLs)");
      }
    } finally {
      // Always, even when skipped: otherwise the lenient pass before this aggregator would hide real
      // resolution failures for the rest of the module's build.
      forceDependencyResolution(session.getCurrentProject());
    }
  }
}
