package dev.codeartifact.maven.build;

import dev.codeartifact.core.flow.BuildLog;
import dev.codeartifact.core.flow.Configuration;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;

/** The build extension's configuration: what the POMs and the command line say, once Maven has read the POMs. */
public final class PomConfiguration {
  static final String PLUGIN_KEY = "dev.codeartifact:codeartifact-maven-plugin";

  private PomConfiguration() {}

  /**
   * The plugin's {@code <configuration>} (the authenticate execution's, then plugin level) from the first
   * project that declares it, then user properties, system properties and that project's properties (the
   * top-level project's when no project declares the plugin).
   */
  public static Configuration of(MavenSession session, BuildLog log) {
    Configuration.Layers layers = new Configuration.Layers();
    MavenProject declaring = null;
    for (MavenProject project : session.getProjects()) {
      Plugin plugin = project.getPlugin(PLUGIN_KEY);
      if (plugin != null) {
        declaring = project;
        List<PluginExecution> executions = new ArrayList<>(plugin.getExecutions());
        Collections.reverse(executions); // a later execution overrides an earlier one
        for (PluginExecution execution : executions) {
          if (execution.getGoals().contains("authenticate")) {
            read(execution.getConfiguration(), layers, log);
          }
        }
        read(plugin.getConfiguration(), layers, log);
        break;
      }
    }
    // Declared in <build><extensions> (no plugin configuration) or only as a core extension: the
    // top-level project's properties.
    MavenProject propertiesOf = declaring != null ? declaring : topLevel(session);
    layers.offer(session.getRequest().getUserProperties(), "user property")
        .offer(session.getRequest().getSystemProperties(), "system property")
        .offer(propertiesOf == null ? null : propertiesOf.getProperties(), "project property");
    return layers.configuration();
  }

  private static MavenProject topLevel(MavenSession session) {
    MavenProject top = session.getTopLevelProject();
    if (top == null && session.getProjects() != null && !session.getProjects().isEmpty()) {
      top = session.getProjects().get(0);
    }
    return top;
  }

  /**
   * Reads simple child elements of a configuration DOM without linking to a particular Xpp3Dom class. One
   * reflective call per child element, not per known property: past 15 calls of one method the JDK
   * generates an accessor class, milliseconds a build would spend for nothing.
   */
  private static void read(Object dom, Configuration.Layers into, BuildLog log) {
    if (dom == null) {
      return;
    }
    try {
      Object[] children = (Object[]) dom.getClass().getMethod("getChildren").invoke(dom);
      if (children.length == 0) {
        return;
      }
      Method getName = children[0].getClass().getMethod("getName");
      Method getValue = children[0].getClass().getMethod("getValue");
      Set<String> seen = new HashSet<>(); // the first of a repeated element counts
      for (Object child : children) {
        String property = "codeartifact." + getName.invoke(child);
        if (Configuration.PROPERTIES.contains(property) && seen.add(property)) {
          Object value = getValue.invoke(child);
          into.offer(property, value == null ? null : value.toString(), "plugin configuration");
        }
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.debug("Could not read the plugin configuration: " + e.getClass().getSimpleName());
    }
  }
}
