def domain = "it-sts-session-env-${mavenLabel}"
def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(basedir, standinUrl, domain)
def log = check.log
def standin = check.standin
assert log.contains("BUILD SUCCESS")
// The token request was signed with the credentials this source gave (env-session), and the download used the token.
assert standin("/_standin/signers?domain=${domain}") == "env-session"
assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-sts-session-env/1.0/lib-sts-session-env-1.0.jar").exists()
assert !log.contains("standin-web-identity-token") && !log.contains("standin-session-") && !log.contains("standin-secret-key")
check.noIssuedToken()
true
