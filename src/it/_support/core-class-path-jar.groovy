// Shared by the prebuild scripts of the decrypt-* ITs that load the plugin through Maven's core class path
// (-Dmaven.ext.class.path=.mvn/codeartifact.jar in .mvn/maven.config), which evaluate this file from the source tree:
//   evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/core-class-path-jar.groovy"))(localRepositoryPath, basedir)
// Copies the plugin's jar, as the invoker installed it into the label's local repository, to .mvn/codeartifact.jar
// (what a user copies there, or into Maven's lib/ext).
return { localRepositoryPath, basedir ->
  def dir = new File("${localRepositoryPath}", "dev/codeartifact/codeartifact-maven-plugin")
  def version = dir.listFiles().find { it.isDirectory() }.name
  def jar = new File(dir, "${version}/codeartifact-maven-plugin-${version}.jar")
  java.nio.file.Files.copy(jar.toPath(), new File("${basedir}", ".mvn/codeartifact.jar").toPath(),
      java.nio.file.StandardCopyOption.REPLACE_EXISTING)
}
