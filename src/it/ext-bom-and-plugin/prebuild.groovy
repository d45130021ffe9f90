import java.nio.file.Files
import java.util.jar.JarEntry
import java.util.jar.JarOutputStream
import javax.tools.ToolProvider

// The invoker filters POMs, settings and .mvn/extensions.xml, not .mvn/maven.config: fill in the label here.
def config = new File(basedir, ".mvn/maven.config")
config.text = config.text.replace("@mavenLabel@", mavenLabel)

// A minimal but real Maven plugin, stored only in the protected repository: one mojo printing a line.
// Compiled against stand-ins of the three Maven API types it names (the real ones are binary compatible)
// and packaged with a hand-written plugin descriptor. The stand-in synthesizes its POM.
def artifactId = "plugin-ext-bom-" + mavenLabel
def work = new File(basedir, "target/protected-plugin")
def src = new File(work, "src")
def classes = new File(work, "classes")
[src, classes].each { it.mkdirs() }
def sources = [
  "org/apache/maven/plugin/Mojo.java": "package org.apache.maven.plugin; public interface Mojo { void execute() throws MojoExecutionException; void setLog(org.apache.maven.plugin.logging.Log log); org.apache.maven.plugin.logging.Log getLog(); }",
  "org/apache/maven/plugin/MojoExecutionException.java": "package org.apache.maven.plugin; public class MojoExecutionException extends Exception {}",
  "org/apache/maven/plugin/logging/Log.java": "package org.apache.maven.plugin.logging; public interface Log { void info(CharSequence content); }",
  "dev/codeartifact/it/HelloMojo.java": """package dev.codeartifact.it;
public class HelloMojo implements org.apache.maven.plugin.Mojo {
  private org.apache.maven.plugin.logging.Log log;
  public void execute() { log.info("Hello from the protected plugin ${artifactId}"); }
  public void setLog(org.apache.maven.plugin.logging.Log log) { this.log = log; }
  public org.apache.maven.plugin.logging.Log getLog() { return log; }
}"""]
def files = sources.collect { path, text ->
  def f = new File(src, path); f.parentFile.mkdirs(); f.text = text; f.path }
def javac = ToolProvider.getSystemJavaCompiler()
assert javac != null : "prebuild needs a JDK"
assert javac.run(null, null, null, ["--release", "8", "-d", classes.path] + files as String[]) == 0

def descriptor = """<?xml version="1.0" encoding="UTF-8"?>
<plugin>
  <name>${artifactId}</name>
  <groupId>dev.codeartifact.protected</groupId>
  <artifactId>${artifactId}</artifactId>
  <version>1.0</version>
  <goalPrefix>hello-ext-bom</goalPrefix>
  <isolatedRealm>false</isolatedRealm>
  <inheritedByDefault>true</inheritedByDefault>
  <mojos>
    <mojo>
      <goal>hello</goal>
      <requiresProject>true</requiresProject>
      <requiresOnline>false</requiresOnline>
      <inheritedByDefault>true</inheritedByDefault>
      <implementation>dev.codeartifact.it.HelloMojo</implementation>
      <language>java</language>
      <instantiationStrategy>per-lookup</instantiationStrategy>
      <executionStrategy>once-per-session</executionStrategy>
      <threadSafe>true</threadSafe>
      <parameters/>
    </mojo>
  </mojos>
  <dependencies/>
</plugin>
"""
def bytes = new ByteArrayOutputStream()
new JarOutputStream(bytes).withCloseable { jar ->
  jar.putNextEntry(new JarEntry("META-INF/maven/plugin.xml"))
  jar << descriptor.getBytes("UTF-8")
  jar.closeEntry()
  jar.putNextEntry(new JarEntry("dev/codeartifact/it/HelloMojo.class"))
  jar << Files.readAllBytes(new File(classes, "dev/codeartifact/it/HelloMojo.class").toPath())
  jar.closeEntry()
}
def path = "dev/codeartifact/protected/${artifactId}/1.0/${artifactId}-1.0.jar"
def put = new URL("${standinUrl}/seed/ext-bom/${path}").openConnection()
put.requestMethod = "PUT"
put.doOutput = true
put.outputStream.withCloseable { it << bytes.toByteArray() }
assert put.responseCode == 201

// A rerun without "clean" must fetch the protected artifacts again, or it would prove nothing.
["bom-ext-bom", "lib-bom-ext-bom", "plugin-ext-bom-" + mavenLabel].each { new File(localRepositoryPath, "dev/codeartifact/protected/" + it).deleteDir() }
true
