def domain = "it-foe-down-${mavenLabel}"
def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(basedir, standinUrl, domain)
def log = check.log
def standin = check.standin
assert log.contains("[WARNING] Cannot reach the CodeArtifact API at http://127.0.0.1:1 (region us-west-2): connection refused;")
assert log.contains("(codeartifact.failOnError=false: going on without a token for codeartifact)")
assert log.contains("BUILD SUCCESS")

check.noStackTrace()
check.noIssuedToken()
true
