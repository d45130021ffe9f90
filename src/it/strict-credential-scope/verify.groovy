def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text
assert log.contains("BUILD SUCCESS")
assert log.contains("CodeArtifact token for domain it-strict-${mavenLabel} (owner caller's account, region us-west-2) applied to codeartifact")
assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-strict/1.0/lib-strict-1.0.jar").isFile()
def requests = standin("/_standin/requests?repo=strict-${mavenLabel}").readLines()
assert requests.any { it.startsWith("GET 200") && it.endsWith("lib-strict-1.0.pom") }
// Strict mode was in effect: Maven's own selector refused the server for this POM-declared repository.
assert log =~ /\[WARNING\] Not using credentials of server 'codeartifact' for repository \S+\/maven\/strict-${mavenLabel}\/: no repository or mirror with this id is declared/
true
