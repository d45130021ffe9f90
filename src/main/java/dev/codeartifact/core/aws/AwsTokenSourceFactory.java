package dev.codeartifact.core.aws;

import dev.codeartifact.core.flow.BuildLog;
import dev.codeartifact.core.flow.CodeArtifactException;
import dev.codeartifact.core.flow.TokenRequest;
import dev.codeartifact.core.network.NetworkSettings;
import dev.codeartifact.core.token.AuthorizationToken;
import dev.codeartifact.core.token.AwsSourceFactory;
import dev.codeartifact.core.token.TokenSource;

/**
 * The entry point {@link dev.codeartifact.core.token.SdkLoader} instantiates by name in the class loader that holds
 * the SDK. Starts loading the SDK's classes on a second core, and runs every call with that class loader as
 * the thread's context class loader: the SDK looks up some of its parts (STS and SSO credentials, HTTP
 * services) there, and Maven's own context loader for a plugin cannot see the SDK.
 */
public final class AwsTokenSourceFactory implements AwsSourceFactory {
  @Override
  public TokenSource create(NetworkSettings settings, BuildLog log) {
    SdkPreloader.start();
    final AwsTokenSource source = new AwsTokenSource(settings, log);
    return new TokenSource() {
      @Override
      public AuthorizationToken fetch(TokenRequest request) throws CodeArtifactException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(AwsTokenSourceFactory.class.getClassLoader());
        try {
          return source.fetch(request);
        } finally {
          thread.setContextClassLoader(previous);
        }
      }
    };
  }
}
