def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text

assert log.contains("BUILD SUCCESS")
// The parent came from the protected repository, before any mojo could have run.
assert new File(localRepositoryPath, "dev/codeartifact/protected/parent-ext-parent/1.0/parent-ext-parent-1.0.pom").isFile()
assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-ext-parent/1.0/lib-ext-parent-1.0.jar").isFile()
def applied = "CodeArtifact token for domain it-ext-parent-${mavenLabel} (owner caller's account, region us-west-2) applied to codeartifact"
assert log.count(applied) == 1
// Applied before Maven fetched the parent: the stand-in served the parent only with the token, and the line
// comes before the project is built. (Not from the transfer lines of build.log: Maven 4 omits them when the
// environment says CI=true.)
def parentRequests = standin("/_standin/requests?repo=ext-parent").readLines().findAll { it.endsWith("parent-ext-parent-1.0.pom") }
assert parentRequests.any { it.startsWith("GET 200 ") } : parentRequests
assert log.indexOf(applied) < log.indexOf("Building ext-parent-pom")
assert standin("/_standin/count?domain=it-ext-parent-${mavenLabel}") == "1"
// The spy reported nothing to Maven's dispatcher.
assert !log.contains("Failed to notify spy")
true
