package dev.codeartifact.maven.build;

import dev.codeartifact.core.flow.TokenPlanner;
import dev.codeartifact.maven.credentials.MavenCredentials;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.repository.ArtifactRepository;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Mirror;

/** Every repository a build may talk to, by the id that selects its {@code <server>}: the candidates for discovery. */
public final class BuildRepositories {
  private BuildRepositories() {}

  public static List<TokenPlanner.Repository> of(MavenSession session) {
    Map<String, TokenPlanner.Repository> byIdAndUrl = new LinkedHashMap<>();
    MavenExecutionRequest request = session.getRequest();
    for (Mirror m : request.getMirrors()) {
      add(byIdAndUrl, m.getId(), m.getUrl());
    }
    addAll(byIdAndUrl, request.getRemoteRepositories());
    addAll(byIdAndUrl, request.getPluginArtifactRepositories());
    for (MavenProject project : MavenCredentials.projects(session)) {
      addAll(byIdAndUrl, project.getRemoteArtifactRepositories());
      addAll(byIdAndUrl, project.getPluginArtifactRepositories());
      addAll(byIdAndUrl, MavenCredentials.distributionRepositories(project));
    }
    return new ArrayList<>(byIdAndUrl.values());
  }

  private static void addAll(Map<String, TokenPlanner.Repository> into, List<ArtifactRepository> repos) {
    if (repos != null) {
      for (ArtifactRepository r : repos) {
        if (r != null) {
          add(into, r.getId(), r.getUrl());
        }
      }
    }
  }

  private static void add(Map<String, TokenPlanner.Repository> into, String id, String url) {
    if (id != null && url != null) {
      into.putIfAbsent(id + "\n" + url, new TokenPlanner.Repository(id, url));
    }
  }
}
