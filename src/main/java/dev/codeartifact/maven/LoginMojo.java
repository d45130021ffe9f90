package dev.codeartifact.maven;

import dev.codeartifact.core.flow.CodeArtifactException;
import dev.codeartifact.core.flow.Configuration;
import dev.codeartifact.core.flow.InvalidParameterException;
import dev.codeartifact.core.flow.Login;
import dev.codeartifact.core.flow.LoginPlan;
import dev.codeartifact.core.flow.Parameters;
import dev.codeartifact.core.flow.TokenFlow;
import dev.codeartifact.core.flow.TokenPlanner;
import dev.codeartifact.core.flow.TokenRequest;
import dev.codeartifact.core.settings.SettingsEditor;
import dev.codeartifact.maven.build.BuildRepositories;
import dev.codeartifact.maven.decrypt.DecryptLogin;
import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Profile;
import org.apache.maven.settings.Repository;
import org.apache.maven.settings.Settings;

/**
 * Writes a CodeArtifact token into the user's {@code settings.xml} ({@code <server>} entries with user
 * {@code aws}), for tools that read settings but do not run this plugin: IDEs, other build tools, a
 * plain {@code mvn} without the plugin. Runs without a project.
 *
 * <pre>
 * mvn codeartifact:login -Dcodeartifact.url=https://my-domain-111122223333.d.codeartifact.us-east-1.amazonaws.com/maven/releases/
 * mvn codeartifact:login -Dcodeartifact.domain=my-domain -Dcodeartifact.serverIds=codeartifact
 * mvn codeartifact:login -Dcodeartifact.remove=true
 * </pre>
 *
 * <p>Only the {@code <server>} entries change: comments, formatting and other servers stay as they are,
 * the previous file is kept as {@code settings.xml.codeartifact.bak}, and the file becomes owner-only.
 * The entries this goal adds are marked, so {@code remove} takes out only those.
 *
 * @since 0.1.0
 */
@Mojo(name = "login", requiresProject = false, threadSafe = true, aggregator = true)
public class LoginMojo extends AbstractCodeArtifactMojo {
  /**
   * Comma-separated CodeArtifact repository URLs
   * ({@code https://DOMAIN-OWNER.d.codeartifact.REGION.amazonaws.com/maven/REPOSITORY/}); each names the
   * domain, owner and region of its token. The server id for a URL is the id of every mirror or
   * repository (in the settings, or the current project) with that URL; when there is none,
   * {@code DOMAIN-REPOSITORY}. Default: none; give this or {@code serverIds}.
   *
   * @since 0.1.0
   */
  @Parameter(property = LoginPlan.URL)
  String url;

  /**
   * The settings file to edit. Default: Maven's user settings ({@code -s}, else
   * {@code ~/.m2/settings.xml}); created when missing.
   *
   * @since 0.1.0
   */
  @Parameter(property = "codeartifact.settingsFile")
  String settingsFile;

  /**
   * Removes the entries this goal wrote instead of writing them: those of {@code serverIds} and
   * {@code url}, or all of them when neither is given. Entries the user wrote are left alone. Needs no
   * AWS credentials.
   *
   * @since 0.1.0
   */
  @Parameter(property = "codeartifact.remove", defaultValue = "false")
  String remove;

  /**
   * What the servers get as password: {@code token} (a token, valid up to 12 hours) or {@code decrypt} (a
   * password such as {@code {[type=codeartifact]domain=my-domain,owner=111122223333,region=us-east-1}} that
   * Maven's settings decryption turns into a token in every build that loads this plugin as a core
   * extension: no secret in the file, and nothing to renew). Needs no AWS call.
   *
   * @since 0.1.0
   */
  @Parameter(property = DecryptLogin.PROPERTY, defaultValue = "token")
  String passwordForm;

  @Override
  public void execute() throws MojoExecutionException {
    Configuration config = configuration();
    LoginPlan plan;
    Parameters parameters;
    boolean removing;
    boolean decrypt;
    try {
      decrypt = DecryptLogin.isDecryptForm(passwordForm);
      removing = Configuration.of(Collections.singletonMap("codeartifact.remove", remove))
          .bool("codeartifact.remove", false);
      if (removing && config.get(Configuration.DOMAIN) == null) {
        // Taking entries out needs no token, so no domain: only the ids matter.
        config = withoutServerIdsDomainCheck(config);
      }
      parameters = Parameters.parse(config, proxies());
      plan = LoginPlan.plan(parameters, url, knownRepositories());
    } catch (InvalidParameterException e) {
      throw failure(e);
    }
    Path file = settingsFile();
    try {
      if (removing) {
        Login.remove(file, plan.serverIds(), log());
      } else {
        login(file, plan, parameters, decrypt);
      }
    } catch (CodeArtifactException e) {
      throw failure(e);
    }
  }

  /** For remove without a domain: a placeholder domain satisfies the plan's check; no token is requested. */
  private static Configuration withoutServerIdsDomainCheck(Configuration config) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String p : config.setProperties()) {
      values.put(p, config.get(p));
    }
    values.put(Configuration.DOMAIN, "unused-for-remove");
    return Configuration.of(values);
  }

  private Path settingsFile() {
    if (settingsFile != null && !settingsFile.trim().isEmpty()) {
      return Paths.get(settingsFile.trim()).toAbsolutePath();
    }
    File user = session.getRequest().getUserSettingsFile();
    if (user != null) {
      return user.toPath().toAbsolutePath();
    }
    return Paths.get(System.getProperty("user.home"), ".m2", "settings.xml");
  }

  /** Mirrors and repositories of the session and the current project, then every settings profile's. */
  private List<TokenPlanner.Repository> knownRepositories() {
    List<TokenPlanner.Repository> known = new ArrayList<>(BuildRepositories.of(session));
    Settings settings = session.getSettings();
    if (settings != null && settings.getProfiles() != null) {
      for (Profile p : settings.getProfiles()) {
        List<Repository> repos = new ArrayList<>();
        if (p.getRepositories() != null) {
          repos.addAll(p.getRepositories());
        }
        if (p.getPluginRepositories() != null) {
          repos.addAll(p.getPluginRepositories());
        }
        for (Repository r : repos) {
          if (r.getId() != null && r.getUrl() != null) {
            known.add(new TokenPlanner.Repository(r.getId(), r.getUrl()));
          }
        }
      }
    }
    return known;
  }

  private void login(Path file, LoginPlan plan, Parameters parameters, boolean decrypt)
      throws CodeArtifactException, MojoExecutionException {
    if (plan.isEmpty()) {
      throw new MojoExecutionException("Nothing to log in to: set codeartifact.url (CodeArtifact repository"
          + " URLs) or codeartifact.serverIds with codeartifact.domain");
    }
    for (Map.Entry<String, String> e : plan.fallbackIds().entrySet()) {
      getLog().info("No repository or mirror in the settings has the URL of " + e.getValue()
          + ": using the server id " + e.getKey() + " (use that id for the repository)");
    }
    if (decrypt) {
      // No token: each build's settings decryption gets one (dev.codeartifact.maven.decrypt).
      Map<String, String> forms = new LinkedHashMap<>();
      for (Map.Entry<TokenRequest, Set<String>> e : plan.tokens().entrySet()) {
        TokenRequest t = e.getKey();
        for (String id : e.getValue()) {
          forms.put(id, DecryptLogin.password(t.domain(), t.domainOwner(), t.region(), t.profile()));
        }
      }
      SettingsEditor.Result r = SettingsEditor.login(file, forms, SettingsEditor.DEFAULT_USERNAME, null);
      DecryptLogin.report(r.file(), forms.keySet(), r.changed(), getLog()::info);
      Login.warnUnmanaged(r, log());
      return;
    }
    if (session.isOffline()) {
      throw new MojoExecutionException("Offline (-o): not requesting a CodeArtifact token");
    }
    Login.write(file, plan, parameters, log());
  }
}
