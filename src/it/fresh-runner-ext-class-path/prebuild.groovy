// The invoker filters POMs and settings, not .mvn/maven.config: fill in the label here.
def config = new File(basedir, ".mvn/maven.config")
config.text = config.text.replace("@mavenLabel@", mavenLabel)
// The runner: an empty local repository, and the plugin's jar as the one file brought in.
def fresh = new File(basedir, "fresh-repo")
fresh.deleteDir()
fresh.mkdirs()
def version = new File(localRepositoryPath, "dev/codeartifact/codeartifact-maven-plugin").listFiles().find { it.isDirectory() }.name
def jar = new File(localRepositoryPath, "dev/codeartifact/codeartifact-maven-plugin/${version}/codeartifact-maven-plugin-${version}.jar")
java.nio.file.Files.copy(jar.toPath(), new File(basedir, ".mvn/codeartifact.jar").toPath(), java.nio.file.StandardCopyOption.REPLACE_EXISTING)
true
