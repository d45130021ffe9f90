package dev.codeartifact.core.token;

import dev.codeartifact.core.flow.CodeArtifactException;
import dev.codeartifact.core.flow.TokenRequest;

/** Anything that turns a validated request into a token: the AWS call, a cache in front of it, a test fake. */
public interface TokenSource {
  AuthorizationToken fetch(TokenRequest request) throws CodeArtifactException;
}
