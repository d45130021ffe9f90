def domain = "it-sts-sso-expired-${mavenLabel}"
def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(basedir, standinUrl, domain)
def log = check.log
def standin = check.standin
def what = check.what
assert log.contains("[ERROR] AWS credentials from SSO profile 'dev' failed for CodeArtifact ${what}: The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile; sign in again: aws sso login --profile dev")
assert !log.contains("No AWS credentials")
assert standin("/_standin/count?domain=${domain}") == "0"
assert !log.contains("standin-expired-sso-access-token")
check.noStackTrace()
check.noStackTraceWithoutShowErrors()
true
