def standin(String path) { new URL(standinUrl + path).text.trim() }
def domain = "it-cache-disabled-${mavenLabel}"
assert standin("/_standin/count?domain=${domain}") == "2"

// Each build used its own token: the first build's artifact came with the first, and the artifact only the
// second build depends on came with the second.
def log = new File(basedir, "build.log").text
def builds = log.split(/(?m)^\[INFO\] BUILD SUCCESS\r?$/)
assert builds.size() == 3 : "expected two successful builds in build.log"
assert !builds[0].contains("lib-cache-disabled-two") : "the first build already resolved the second artifact"
assert builds[1].contains("lib-cache-disabled-two-1.0.jar")
def repo = "/maven/protected/dev/codeartifact/protected"
assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-cache-disabled/1.0/lib-cache-disabled-1.0.jar").isFile()
assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-cache-disabled-two/1.0/lib-cache-disabled-two-1.0.jar").isFile()
def byToken = standin("/_standin/requests-by-token?domain=${domain}").readLines()
assert byToken.contains("GET 200 ${repo}/lib-cache-disabled/1.0/lib-cache-disabled-1.0.jar #1".toString()) : byToken.join("\n")
assert byToken.contains("GET 200 ${repo}/lib-cache-disabled-two/1.0/lib-cache-disabled-two-1.0.jar #2".toString()) : byToken.join("\n")
true
