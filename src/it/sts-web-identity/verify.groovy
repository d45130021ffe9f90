def domain = "it-sts-web-identity-${mavenLabel}"
def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(basedir, standinUrl, domain)
def log = check.log
def standin = check.standin
assert log.contains("BUILD SUCCESS")
// The token request was signed with the credentials this source gave (web-identity), and the download used the token.
assert standin("/_standin/signers?domain=${domain}") == "web-identity"
assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-sts-web-identity/1.0/lib-sts-web-identity-1.0.jar").exists()
assert standin("/_standin/sts").readLines().contains("AssumeRoleWithWebIdentity 200 arn:aws:iam::111122223333:role/standin-ci")
assert !log.contains("standin-web-identity-token") && !log.contains("standin-session-") && !log.contains("standin-secret-key")
check.noIssuedToken()
true
