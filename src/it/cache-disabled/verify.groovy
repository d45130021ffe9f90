def standin(String path) { new URL(standinUrl + path).text.trim() }
def domain = "it-cache-disabled-${mavenLabel}"
assert standin("/_standin/count?domain=${domain}") == "2"

// Each build used its own token: the first build's artifact came with the first, and the artifact only the
// second build depends on came with the second.
def log = new File(basedir, "build.log").text
def builds = log.split(/(?m)^\[INFO\] BUILD SUCCESS\r?$/)
assert builds.size() == 3 : "expected two successful builds in build.log"
// Where Maven logs transfers (Maven 3; Maven 4 logs none in batch mode, and there only the profile, which nothing but
// -Dit.secondBuild activates, keeps the artifact out of the first build) the log shows which build downloaded it.
if (builds[0].contains("Downloaded from codeartifact: ")) {
  assert !builds[0].contains("lib-cache-disabled-two") : "the first build already resolved the second artifact"
  assert builds[1].contains("Downloaded from codeartifact: ${standinUrl}/maven/protected/dev/codeartifact/protected/lib-cache-disabled-two/1.0/lib-cache-disabled-two-1.0.jar")
} else {
  println "This Maven logs no transfers in batch mode: which build downloaded lib-cache-disabled-two is not checked in build.log"
}
def repo = "/maven/protected/dev/codeartifact/protected"
assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-cache-disabled/1.0/lib-cache-disabled-1.0.jar").isFile()
assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-cache-disabled-two/1.0/lib-cache-disabled-two-1.0.jar").isFile()
def byToken = standin("/_standin/requests-by-token?domain=${domain}").readLines()
// The POM is served, the jar redirected to storage (as CodeArtifact does), each only with a valid token.
def withToken = { String path, int n -> ["GET 200 ${path} #${n}", "GET 307 ${path} #${n}"].any { byToken.contains(it.toString()) } }
def one = "${repo}/lib-cache-disabled/1.0/lib-cache-disabled-1.0"
def two = "${repo}/lib-cache-disabled-two/1.0/lib-cache-disabled-two-1.0"
assert withToken("${one}.pom", 1) && withToken("${one}.jar", 1) : "the first build did not use the first token:\n" + byToken.join("\n")
assert withToken("${two}.pom", 2) && withToken("${two}.jar", 2) : "the second build did not use a second token:\n" + byToken.join("\n")
// One build collects every POM before it downloads a jar: had the first build resolved both artifacts, a request for
// the second would come before the first artifact's jar. All of the first artifact's come first.
def lastOne = byToken.findLastIndexOf { it.contains("/lib-cache-disabled/1.0/") }
def firstTwo = byToken.findIndexOf { it.contains("/lib-cache-disabled-two/1.0/") }
assert lastOne >= 0 && firstTwo > lastOne : "the two artifacts were downloaded together:\n" + byToken.join("\n")
true
