package dev.codeartifact.maven;

import org.apache.maven.execution.MavenExecutionRequest;

/**
 * The core extension's failure for one build, handed from {@link CoreExtensionSpy} (whose exceptions Maven
 * only logs) to {@link ExtensionParticipant#afterSessionStart} (which can stop the build). Static, and
 * separate from the spy: both run in the core extension's realm, while a build-extension realm cannot even
 * load the spy (Maven does not export its event-spy API there), so nothing there may depend on it.
 */
final class CoreExtensionFailure {
  /** The failed request and its one-line message, replaced together. */
  private static volatile Object[] last;

  private CoreExtensionFailure() {}

  static void record(MavenExecutionRequest request, String message) {
    last = new Object[] {request, message};
  }

  static void clear() {
    last = null;
  }

  /** The failure recorded for {@code request} (any request when null), or null. */
  static String of(MavenExecutionRequest request) {
    Object[] l = last;
    return l != null && (l[0] == request || request == null) ? (String) l[1] : null;
  }
}
