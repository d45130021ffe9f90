def domain = "it-sts-assume-role-profile-${mavenLabel}"
def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(basedir, standinUrl, domain)
def log = check.log
def standin = check.standin
assert log.contains("BUILD SUCCESS")
// The token request was signed with the credentials this source gave (assume-role), and the download used the token.
assert standin("/_standin/signers?domain=${domain}") == "assume-role"
assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-sts-assume-role-profile/1.0/lib-sts-assume-role-profile-1.0.jar").exists()
assert standin("/_standin/sts").readLines().contains("AssumeRole 200 arn:aws:iam::111122223333:role/standin-deploy")
assert !log.contains("standin-web-identity-token") && !log.contains("standin-session-") && !log.contains("standin-secret-key")
check.noIssuedToken()
true
