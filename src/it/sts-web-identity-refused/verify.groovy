def domain = "it-sts-web-identity-refused-${mavenLabel}"
def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(basedir, standinUrl, domain)
def log = check.log
def standin = check.standin
def what = check.what
assert log.contains("[ERROR] AWS credentials from web identity (AWS_ROLE_ARN arn:aws:iam::111122223333:role/untrusted-ci, AWS_WEB_IDENTITY_TOKEN_FILE web-identity-token) failed for CodeArtifact ${what}: STS AssumeRoleWithWebIdentity answered AccessDenied (HTTP 403): Not authorized to perform sts:AssumeRoleWithWebIdentity; the trust policy of that role must admit the identity token in that file (its issuer, audience and subject: the CI's OIDC settings), or set AWS_ROLE_ARN to a role that does")
assert !log.contains("No AWS credentials")
assert standin("/_standin/sts").readLines().contains("AssumeRoleWithWebIdentity 403 arn:aws:iam::111122223333:role/untrusted-ci")
assert standin("/_standin/count?domain=${domain}") == "0"
assert !log.contains("a-token-the-role-does-not-trust")
check.noStackTrace()
check.noStackTraceWithoutShowErrors()
true
