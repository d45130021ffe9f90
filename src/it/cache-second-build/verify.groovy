def standin(String path) { new URL(standinUrl + path).text.trim() }
def domain = "it-cache-second-build-${mavenLabel}"
assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-cache-second-build/1.0/lib-cache-second-build-1.0.jar").isFile()
assert standin("/_standin/count?domain=${domain}") == "1"

// The second build downloaded an artifact the first one never asked for, with the (cached) first token.
def log = new File(basedir, "build.log").text
def builds = log.split(/(?m)^\[INFO\] BUILD SUCCESS\r?$/)
assert builds.size() == 3 : "expected two successful builds in build.log"
assert !builds[0].contains("lib-cache-second-build-two") : "the first build already resolved the second artifact"
assert builds[1].contains("lib-cache-second-build-two-1.0.jar")
assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-cache-second-build-two/1.0/lib-cache-second-build-two-1.0.jar").isFile()
def byToken = standin("/_standin/requests-by-token?domain=${domain}").readLines()
def two = "/maven/protected/dev/codeartifact/protected/lib-cache-second-build-two/1.0/lib-cache-second-build-two-1.0"
// The POM is served, the jar redirected to storage (as CodeArtifact does), each only with a valid token.
def withToken = { String path, int n -> ["GET 200 ${path} #${n}", "GET 307 ${path} #${n}"].any { byToken.contains(it.toString()) } }
assert withToken("${two}.pom", 1) && withToken("${two}.jar", 1) \
    : "the second artifact was not downloaded with the domain's (first and only) token:\n" + byToken.join("\n")
true
