// The runner's local repository: only the plugin's jar and POM, nothing recording where they came from.
def fresh = new File(basedir, "fresh-repo")
fresh.deleteDir()
def version = (new File(basedir, "pom.xml").text =~ /<artifactId>codeartifact-maven-plugin<\/artifactId>\s*<version>([^<]+)<\/version>/)[0][1]
def from = new File(localRepositoryPath, "dev/codeartifact/codeartifact-maven-plugin/" + version)
def to = new File(fresh, "dev/codeartifact/codeartifact-maven-plugin/" + version)
to.mkdirs()
["jar", "pom"].each { ext ->
  def name = "codeartifact-maven-plugin-" + version + "." + ext
  java.nio.file.Files.copy(new File(from, name).toPath(), new File(to, name).toPath())
}
true
