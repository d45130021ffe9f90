def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text
assert log.contains("BUILD SUCCESS")
assert new File(localRepositoryPath, "dev/codeartifact/protected/parent-ext-strict/1.0/parent-ext-strict-1.0.pom").isFile()
assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-ext-strict/1.0/lib-ext-strict-1.0.jar").isFile()
def requests = standin("/_standin/requests?repo=ext-strict-${mavenLabel}").readLines()
assert requests.any { it.startsWith("GET 200 ") && it.endsWith("parent-ext-strict-1.0.pom") } : requests
// Declared in settings: Maven neither refused nor warned about the token's server.
assert !log.contains("credentials of server 'codeartifact'")
assert standin("/_standin/count?domain=it-ext-strict-${mavenLabel}") == "1"
true
