package dev.codeartifact.core;

/** Anything that turns a validated request into a token: the AWS call, a cache in front of it, a test fake. */
public interface TokenSource {
  AuthorizationToken fetch(TokenRequest request) throws CodeArtifactException;
}
