def standin(String path) { new URL(standinUrl + path).text.trim() }
def domain = "it-cache-second-build-${mavenLabel}"
assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-cache-second-build/1.0/lib-cache-second-build-1.0.jar").isFile()
assert standin("/_standin/count?domain=${domain}") == "1"

// The second build downloaded an artifact the first one never asked for, with the (cached) first token.
def log = new File(basedir, "build.log").text
def builds = log.split(/(?m)^\[INFO\] BUILD SUCCESS\r?$/)
assert builds.size() == 3 : "expected two successful builds in build.log"
// Where Maven logs transfers (Maven 3; Maven 4 logs none in batch mode, and there only the profile, which nothing but
// -Dit.secondBuild activates, keeps the artifact out of the first build) the log shows which build downloaded it.
if (builds[0].contains("Downloaded from codeartifact: ")) {
  assert !builds[0].contains("lib-cache-second-build-two") : "the first build already resolved the second artifact"
  assert builds[1].contains("Downloaded from codeartifact: ${standinUrl}/maven/protected/dev/codeartifact/protected/lib-cache-second-build-two/1.0/lib-cache-second-build-two-1.0.jar")
} else {
  println "This Maven logs no transfers in batch mode: which build downloaded lib-cache-second-build-two is not checked in build.log"
}
assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-cache-second-build-two/1.0/lib-cache-second-build-two-1.0.jar").isFile()
def byToken = standin("/_standin/requests-by-token?domain=${domain}").readLines()
def two = "/maven/protected/dev/codeartifact/protected/lib-cache-second-build-two/1.0/lib-cache-second-build-two-1.0"
// The POM is served, the jar redirected to storage (as CodeArtifact does), each only with a valid token.
def withToken = { String path, int n -> ["GET 200 ${path} #${n}", "GET 307 ${path} #${n}"].any { byToken.contains(it.toString()) } }
assert withToken("${two}.pom", 1) && withToken("${two}.jar", 1) \
    : "the second artifact was not downloaded with the domain's (first and only) token:\n" + byToken.join("\n")
// One build collects every POM before it downloads a jar: had the first build resolved both artifacts, a request for
// the second would come before the first artifact's jar. All of the first artifact's come first.
def lastOne = byToken.findLastIndexOf { it.contains("/lib-cache-second-build/1.0/") }
def firstTwo = byToken.findIndexOf { it.contains("/lib-cache-second-build-two/1.0/") }
assert lastOne >= 0 && firstTwo > lastOne : "the two artifacts were downloaded together:\n" + byToken.join("\n")
true
