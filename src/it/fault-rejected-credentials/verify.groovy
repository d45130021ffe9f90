def domain = "it-rejected-${mavenLabel}"
def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(basedir, standinUrl, domain)
def log = check.log
def standin = check.standin
def what = check.what
assert log.contains("[ERROR] AWS rejected the credentials used for CodeArtifact ${what} (UnrecognizedClientException): refresh them (aws sso login, aws configure) or choose other ones with AWS_PROFILE or codeartifact.profile")
assert standin("/_standin/count?domain=${domain}") == "1"
check.noStackTrace()
check.noIssuedToken()
true
