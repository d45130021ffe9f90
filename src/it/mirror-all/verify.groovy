def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text
assert log.contains("applied to codeartifact-mirror")
assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-mirror/1.0/lib-mirror-1.0.jar").isFile()
// The protected artifact came through the mirror, authenticated.
assert standin("/_standin/requests?repo=mirror").readLines().any { it.startsWith("GET 200") && it.contains("lib-mirror-1.0.pom") }
assert standin("/_standin/count?domain=it-mirror-${mavenLabel}") == "1"
true
