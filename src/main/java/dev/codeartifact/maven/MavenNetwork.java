package dev.codeartifact.maven;

import dev.codeartifact.core.Configuration;
import dev.codeartifact.core.InvalidParameterException;
import dev.codeartifact.core.NetworkSettings;
import org.apache.maven.execution.MavenExecutionRequest;

/** The network settings of the AWS API call, from the plugin's configuration and Maven's own settings. */
final class MavenNetwork {
  private MavenNetwork() {}

  static NetworkSettings settings(Configuration config, MavenExecutionRequest request)
      throws InvalidParameterException {
    return NetworkSettings.from(config);
  }
}
