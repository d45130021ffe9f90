def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text
def noIssuedToken = { standin("/_standin/tokens").readLines().findAll { it }.each { t -> assert !log.contains(t.substring(0, 40)) : "an issued token appears in build.log" } }
def domain = "it-tls-ca-bundle-${mavenLabel}"
assert log.contains("CodeArtifact token for domain ${domain} (owner caller's account, region us-west-2) applied to codeartifact")
assert log.contains("BUILD SUCCESS")
assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-tls-ca-bundle/1.0/lib-tls-ca-bundle-1.0.jar").isFile()
// The one token request arrived over TLS (only the HTTPS listener was named as the endpoint).
assert standin("/_standin/count?domain=${domain}") == "1"
assert !log.contains("TLS certificate") : "a TLS complaint in build.log"
noIssuedToken()
true
