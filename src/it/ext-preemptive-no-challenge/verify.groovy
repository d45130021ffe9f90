def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text

assert log.contains("BUILD SUCCESS")
assert new File(localRepositoryPath, "dev/codeartifact/protected/parent-ext-nochallenge/1.0/parent-ext-nochallenge-1.0.pom").isFile()
assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-ext-nochallenge/1.0/lib-ext-nochallenge-1.0.jar").isFile()
// Every request carried the credentials: the challenge-less repository never had to refuse one.
def requests = standin("/_standin/requests?repo=nochallenge-ext-${mavenLabel}").readLines()
assert requests.any { it.startsWith("GET 200 ") && it.endsWith("parent-ext-nochallenge-1.0.pom") }
assert requests.count { it.startsWith("GET 401") || it.startsWith("HEAD 401") } == 0 : requests
true
