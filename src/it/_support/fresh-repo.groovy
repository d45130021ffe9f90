// Shared by the fresh-runner-* ITs, whose prebuild.groovy evaluates this file from the source tree (it sees their
// script variables): the runner's local repository, fresh-repo/ in the IT folder, holding only the plugin's jar
// and POM, nothing recording where they came from (as after a cache restore or a manual install).
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
