package dev.codeartifact.maven;

import dev.codeartifact.core.cache.DiskTokenCache;
import dev.codeartifact.core.token.SdkLoader;
import dev.codeartifact.core.token.TokenSources;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Deletes the CodeArtifact tokens this plugin cached on disk ({@code cacheDir}, default
 * {@code ~/.m2/codeartifact-cache}), for example after changing AWS credentials or roles; the next
 * build asks AWS again. Also deletes the copy of the AWS SDK the plugin unpacks there ({@code sdk/}). Files in
 * that folder that are not the cache's own are left alone. Runs without a project.
 *
 * @since 0.1.0
 */
@Mojo(name = "purge", requiresProject = false, threadSafe = true, aggregator = true)
public class PurgeMojo extends AbstractCodeArtifactMojo {
  @Override
  public void execute() throws MojoExecutionException {
    Path dir = TokenSources.cacheDirectory(parameters()).toAbsolutePath().normalize();
    int deleted = new DiskTokenCache(dir, Clock.systemUTC(), log()).purge();
    getLog().info("Deleted " + deleted + " cached CodeArtifact token" + (deleted == 1 ? "" : "s") + " from " + dir);
    if (SdkLoader.purge(dir.resolve(SdkLoader.FOLDER)) > 0) {
      getLog().info("Deleted the unpacked copy of the plugin's AWS SDK from " + dir.resolve(SdkLoader.FOLDER)
          + " (unpacked again on the next token request)");
    }
  }
}
