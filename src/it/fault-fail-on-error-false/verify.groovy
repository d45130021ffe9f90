def domain = "denied-foe-${mavenLabel}"
def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(basedir, standinUrl, domain)
def log = check.log
def standin = check.standin
def what = check.what
assert log.contains("[WARNING] Access denied getting a CodeArtifact token for ${what}: the AWS identity needs the IAM permissions")
assert log.contains("(codeartifact.failOnError=false: going on without a token for codeartifact)")
assert log.contains("BUILD SUCCESS")
check.noStackTrace()
check.noIssuedToken()
true
