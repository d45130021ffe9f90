def domain = "error500x2-it-${mavenLabel}"
def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(basedir, standinUrl, domain)
def log = check.log
def standin = check.standin
def what = check.what
assert log.contains("CodeArtifact token for ${what} applied to codeartifact")
assert log.contains("BUILD SUCCESS")
assert standin("/_standin/count?domain=${domain}") == "3"
check.noIssuedToken()
true
