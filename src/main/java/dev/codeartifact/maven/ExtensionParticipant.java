package dev.codeartifact.maven;

import dev.codeartifact.core.flow.BuildLog;
import dev.codeartifact.core.flow.CodeArtifactException;
import dev.codeartifact.core.flow.InvalidParameterException;
import dev.codeartifact.core.flow.Parameters;
import dev.codeartifact.core.flow.TokenFlow;
import dev.codeartifact.core.network.ProxySettings;
import dev.codeartifact.core.token.TokenSources;
import dev.codeartifact.core.util.Digests;
import dev.codeartifact.maven.build.BuildRepositories;
import dev.codeartifact.maven.build.ErrorMessages;
import dev.codeartifact.maven.build.MavenBuild;
import dev.codeartifact.maven.build.MavenLogs;
import dev.codeartifact.maven.build.MavenNetwork;
import dev.codeartifact.maven.build.PomConfiguration;
import dev.codeartifact.maven.credentials.RejectedTokens;
import java.util.Collections;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.MavenExecutionException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The build extension: with {@code <extensions>true</extensions>} Maven calls {@link #afterProjectsRead}
 * after reading the POMs and before resolving any module's dependencies or plugins, which is the earliest
 * point where the plugin's POM configuration exists. Same flow as the goal.
 *
 * <p>As a core extension ({@code .mvn/extensions.xml}) it also fails the build from
 * {@link #afterSessionStart} when {@link CoreExtensionSpy} could not authenticate: the first hook that can
 * stop a build, called before any POM (parent, BOM, extension) is read. Maven calls that hook only for core
 * and core-extension participants, so a build extension never gets it. One participant for both, with no
 * dependency on the spy: a second one cost each build a class, a binding and (the spy's API not being
 * exported to build extensions) a failed injection.
 */
@Named("codeartifact")
@Singleton
public class ExtensionParticipant extends AbstractMavenLifecycleParticipant {
  private static final Logger LOG = LoggerFactory.getLogger(ExtensionParticipant.class);

  /** Maven's settings decrypter, for encrypted proxy passwords (see {@link MavenNetwork}); null in tests. */
  private final SettingsDecrypter decrypter;

  public ExtensionParticipant() {
    this(null);
  }

  // Private on purpose: Guice then constructs by reflection instead of generating a fast-class for it, which
  // costs a build milliseconds it does not need to spend.
  @Inject
  private ExtensionParticipant(SettingsDecrypter decrypter) {
    this.decrypter = decrypter;
  }

  @Override
  public void afterSessionStart(MavenSession session) throws MavenExecutionException {
    String failure = MavenBuild.notes(session.getRequest()).failure();
    if (failure != null) {
      throw new MavenExecutionException(failure, session.getRequest().getPom());
    }
  }

  @Override
  public void afterProjectsRead(MavenSession session) throws MavenExecutionException {
    long start = System.nanoTime();
    BuildLog log = MavenLogs.of(LOG);
    Digests.warmUp();
    TokenFlow.Outcome outcome = new TokenFlow(log).authenticate(PomConfiguration.of(session, log),
        MavenNetwork.proxies(session.getRequest(), decrypter, log), () -> BuildRepositories.of(session),
        MavenBuild.of(session, log));
    switch (outcome.status()) {
      case SKIPPED:
        LOG.info("Skipping CodeArtifact authentication (codeartifact.skip)");
        return;
      case NOTHING_FOUND:
        LOG.debug("CodeArtifact build extension: no CodeArtifact repository and no codeartifact.serverIds");
        break;
      case FAILED:
        CodeArtifactException e = outcome.failure();
        throw new MavenExecutionException(e instanceof InvalidParameterException
            ? ErrorMessages.forPom((InvalidParameterException) e) : e.getMessage(), pom(session));
      default:
        break;
    }
    // Read by benchmarks/run.sh: the plugin's own share of a build's time.
    LOG.debug("CodeArtifact build extension done in " + (System.nanoTime() - start) / 1_000_000 + " ms");
  }

  /**
   * A failed build whose repository answered 401 to one of our tokens: out of the cache with it (see
   * {@link RejectedTokens}). A successful build pays one method call here.
   */
  @Override
  public void afterSessionEnd(MavenSession session) {
    if (session.getResult() == null || !session.getResult().hasExceptions()) {
      return;
    }
    try {
      Set<String> rejected = RejectedTokens.unauthorizedRepositories(session.getResult().getExceptions(),
          session.getRepositorySession() == null ? null
              : session.getRepositorySession().getLocalRepository().getBasedir());
      if (rejected.isEmpty()) {
        return;
      }
      BuildLog log = MavenLogs.of(LOG);
      Parameters parameters = Parameters.parse(PomConfiguration.of(session, log), Collections.<ProxySettings>emptyList());
      RejectedTokens.forget(session, rejected,
          parameters.cache() ? TokenSources.cacheDirectory(parameters) : null,
          TokenSources.usesEnvironmentToken(parameters, System.getenv()), log);
    } catch (CodeArtifactException | RuntimeException e) {
      // The build has already failed with its own error; this is only a hint.
      LOG.debug("CodeArtifact: could not check the build's 401 answers: " + e.getMessage());
    }
  }

  private static java.io.File pom(MavenSession session) {
    MavenProject top = session.getTopLevelProject();
    return top == null ? null : top.getFile();
  }
}
