def domain = "expired-it-${mavenLabel}"
def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(basedir, standinUrl, domain)
def log = check.log
def standin = check.standin
def what = check.what
assert log.contains("[ERROR] The CodeArtifact API at ${standinUrl} answered with a token that expired at ")
assert log.contains(" for ${what}: check the clock of this machine and codeartifact.endpoint")
check.noStackTrace()
check.noIssuedToken()
true
