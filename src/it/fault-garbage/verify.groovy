def domain = "garbage-it-${mavenLabel}"
def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(basedir, standinUrl, domain)
def log = check.log
def standin = check.standin
def what = check.what
assert log.contains("[ERROR] The CodeArtifact API at ${standinUrl} answered with something that is not a token response for ${what}: check codeartifact.endpoint points at CodeArtifact")
assert !log.contains("this is not json")
check.noStackTrace()
check.noStackTraceWithoutShowErrors()
check.noIssuedToken()
true
