package dev.codeartifact.maven;

import dev.codeartifact.core.flow.BuildLog;
import dev.codeartifact.core.flow.CodeArtifactException;
import dev.codeartifact.core.flow.InvalidParameterException;
import dev.codeartifact.core.flow.TokenFlow;
import dev.codeartifact.core.util.Digests;
import dev.codeartifact.maven.build.CoreExtensionConfiguration;
import dev.codeartifact.maven.build.MavenBuild;
import dev.codeartifact.maven.build.MavenLogs;
import dev.codeartifact.maven.build.MavenNetwork;
import dev.codeartifact.maven.credentials.MavenCredentials;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.eventspy.AbstractEventSpy;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core extension ({@code .mvn/extensions.xml}): authenticates every request of the build, from the
 * first parent POM on.
 *
 * <p>Why an {@code EventSpy} on the {@link MavenExecutionRequest} event: Maven's CLI fires it once per build,
 * right before {@code Maven.execute(request)}, after the settings were merged into the request (servers,
 * mirrors, proxies, settings profiles, active profile ids, settings repositories, user and system
 * properties) and before the repository session exists (checked in the sources of 3.6.3, 3.9.9 and
 * 4.0.0-rc-5: {@code MavenCli.execute} / {@code MavenInvoker.doExecute}). The repository session factory
 * then turns {@code request.getServers()} into the authentication of every repository Maven creates:
 * parent POMs, imported BOMs, build extensions, plugins, dependencies, deployment. So the {@code <server>}
 * entries {@link MavenCredentials} writes before the session are all it takes. A lifecycle participant's
 * {@code afterSessionStart} is too late for that (the session's authentication selector already exists).
 *
 * <p>Maven's event-spy dispatcher catches and only logs ({@code WARN Failed to notify spy}) what a spy
 * throws, on every version. So a failure is kept in the build's notes and {@link ExtensionParticipant}
 * throws it from {@code afterSessionStart}, which runs before any POM is read: the build stops with one
 * ERROR line and nothing resolved. The spy itself keeps nothing: a daemon reuses it for every build.
 */
@Named
@Singleton
public class CoreExtensionSpy extends AbstractEventSpy {
  private static final Logger LOG = LoggerFactory.getLogger(CoreExtensionSpy.class);

  private final BuildLog log;
  /** Maven's settings decrypter, for encrypted proxy passwords (see {@link MavenNetwork}); null in tests. */
  private final SettingsDecrypter decrypter;

  public CoreExtensionSpy() {
    this(MavenLogs.of(LOG));
  }

  // Private: Guice constructs it by reflection instead of generating a fast-class (start-up time).
  @Inject
  private CoreExtensionSpy(SettingsDecrypter decrypter) {
    this(MavenLogs.of(LOG), decrypter);
    // Maven builds its container and reads settings and toolchains before the request event: time enough
    // for the cache key's SHA-256 to get ready on another thread.
    Digests.warmUp();
  }

  CoreExtensionSpy(BuildLog log) {
    this(log, null);
  }

  CoreExtensionSpy(BuildLog log, SettingsDecrypter decrypter) {
    this.log = log;
    this.decrypter = decrypter;
  }

  @Override
  public void onEvent(Object event) {
    if (event instanceof MavenExecutionRequest) {
      long start = System.nanoTime();
      MavenExecutionRequest request = (MavenExecutionRequest) event;
      String failure;
      try {
        failure = authenticate(request);
      } catch (RuntimeException | LinkageError e) {
        failure = "CodeArtifact core extension failed: " + e;
      }
      if (failure != null) {
        MavenBuild.notes(request).failure(failure);
      }
      // Read by benchmarks/run.sh: the core extension's own share of a build's time.
      log.debug("CodeArtifact core extension done in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
  }

  /** Runs the flow for {@code request}; returns the build's one failure line, or null. */
  String authenticate(final MavenExecutionRequest request) {
    CoreExtensionConfiguration collected = CoreExtensionConfiguration.of(request);
    TokenFlow.Outcome outcome = new TokenFlow(log).authenticate(collected.configuration,
        MavenNetwork.proxies(request, decrypter, log), () -> CoreExtensionConfiguration.repositories(request, log),
        new MavenBuild(request, null, log));
    switch (outcome.status()) {
      case SKIPPED:
        log.debug("CodeArtifact core extension: skipped (codeartifact.skip)");
        return null;
      case NOTHING_FOUND:
        log.debug("CodeArtifact core extension: no CodeArtifact repository in the settings or the root POM"
            + " and no codeartifact.serverIds");
        return null;
      case FAILED:
        CodeArtifactException e = outcome.failure();
        return e instanceof InvalidParameterException
            ? invalid((InvalidParameterException) e, collected.sources.get(((InvalidParameterException) e).parameter()))
            : e.getMessage();
      default:
        return null;
    }
  }

  /** One line naming the property, its value, where it was set and what is allowed. */
  static String invalid(InvalidParameterException e, String source) {
    return "Invalid " + e.parameter() + " '" + e.value() + "'" + (source == null ? "" : " (set by " + source + ")")
        + ": " + e.allowed();
  }
}
