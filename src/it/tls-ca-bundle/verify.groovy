def domain = "it-tls-ca-bundle-${mavenLabel}"
def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(basedir, standinUrl, domain)
def log = check.log
def standin = check.standin
assert log.contains("CodeArtifact token for domain ${domain} (owner caller's account, region us-west-2) applied to codeartifact")
assert log.contains("BUILD SUCCESS")
assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-tls-ca-bundle/1.0/lib-tls-ca-bundle-1.0.jar").isFile()
// The one token request arrived over TLS (only the HTTPS listener was named as the endpoint).
assert standin("/_standin/count?domain=${domain}") == "1"
assert !log.contains("TLS certificate") : "a TLS complaint in build.log"
check.noIssuedToken()
true
