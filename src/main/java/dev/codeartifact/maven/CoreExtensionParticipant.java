package dev.codeartifact.maven;

import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.MavenExecutionException;
import org.apache.maven.execution.MavenSession;

/**
 * Fails the build for the core extension: Maven only logs what an {@code EventSpy} throws, so
 * {@link CoreExtensionSpy} records its failure and this participant throws it from
 * {@code afterSessionStart}, the first hook that can stop a build, called before any POM (parent, BOM,
 * extension) is read or resolved. In a plugin or build-extension realm there is no spy event and this
 * does nothing.
 */
@Named("codeartifact-core-extension")
@Singleton
public class CoreExtensionParticipant extends AbstractMavenLifecycleParticipant {
  private final CoreExtensionSpy spy;

  // Private: Guice constructs it by reflection instead of generating a fast-class (start-up time).
  @Inject
  private CoreExtensionParticipant(CoreExtensionSpy spy) {
    this.spy = spy;
  }

  static CoreExtensionParticipant of(CoreExtensionSpy spy) {
    return new CoreExtensionParticipant(spy);
  }

  @Override
  public void afterSessionStart(MavenSession session) throws MavenExecutionException {
    String failure = spy.failureFor(session.getRequest());
    if (failure != null) {
      java.io.File pom = session.getRequest().getPom();
      throw new MavenExecutionException(failure, pom);
    }
  }
}
