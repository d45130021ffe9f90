def domain = "denied-it-${mavenLabel}"
def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(basedir, standinUrl, domain)
def log = check.log
def standin = check.standin
def what = check.what
assert log.contains("[ERROR] Access denied getting a CodeArtifact token for ${what}: the AWS identity needs the IAM permissions codeartifact:GetAuthorizationToken and sts:GetServiceBearerToken (AWS: User: arn:aws:iam::111122223333:user/ci is not authorized to perform: codeartifact:GetAuthorizationToken")
assert standin("/_standin/count?domain=${domain}") == "1"
check.noStackTrace()
check.noStackTraceWithoutShowErrors()
check.noIssuedToken()
true
