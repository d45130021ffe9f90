package dev.codeartifact.core;

import dev.codeartifact.core.aws.AwsTokenSource;

/**
 * Builds the chain of token sources for a build. The AWS source is created on first use only, so a
 * build that never needs a fresh token never loads the AWS SDK.
 */
public final class TokenSources {
  private static volatile TokenSource aws;

  private TokenSources() {}

  public static TokenSource forBuild(Configuration config, BuildLog log) {
    return request -> awsSource(log).fetch(request);
  }

  private static TokenSource awsSource(BuildLog log) {
    TokenSource s = aws;
    if (s == null) {
      synchronized (TokenSources.class) {
        s = aws;
        if (s == null) {
          s = new AwsTokenSource(AwsTokenSource.ClientSettings.defaults(), log);
          aws = s;
        }
      }
    }
    return s;
  }
}
