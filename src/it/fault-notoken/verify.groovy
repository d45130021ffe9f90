def domain = "notoken-it-${mavenLabel}"
def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(basedir, standinUrl, domain)
def log = check.log
def standin = check.standin
def what = check.what
assert log.contains("[ERROR] The CodeArtifact API at ${standinUrl} answered without an authorization token for ${what}: check codeartifact.endpoint points at CodeArtifact")
check.noStackTrace()
check.noIssuedToken()
true
