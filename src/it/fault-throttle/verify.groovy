def domain = "throttle3-it-${mavenLabel}"
def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(basedir, standinUrl, domain)
def log = check.log
def standin = check.standin
def what = check.what
assert log.contains("CodeArtifact token for ${what} applied to codeartifact")
assert log.contains("BUILD SUCCESS")
assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-fault-throttle/1.0/lib-fault-throttle-1.0.jar").isFile()
// 3 throttled + 1 good; Retry-After: 1 honoured before each retry.
assert standin("/_standin/count?domain=${domain}") == "4"
check.noIssuedToken()
true
