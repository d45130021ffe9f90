package dev.codeartifact.core.token;

import dev.codeartifact.core.flow.BuildLog;
import dev.codeartifact.core.network.NetworkSettings;

/**
 * Creates the token source that calls the CodeArtifact API. Implemented in {@code dev.codeartifact.core.aws},
 * which {@link SdkLoader} loads together with the AWS SDK on the first cache miss of a build.
 */
public interface AwsSourceFactory {
  TokenSource create(NetworkSettings settings, BuildLog log);
}
