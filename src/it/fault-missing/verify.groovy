def domain = "missing-it-${mavenLabel}"
def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(basedir, standinUrl, domain)
def log = check.log
def standin = check.standin
assert log.contains("[ERROR] CodeArtifact domain '${domain}' with owner (the caller's account) was not found in region us-west-2: check codeartifact.domain, codeartifact.domainOwner and codeartifact.region (AWS: Domain not found)")
assert standin("/_standin/count?domain=${domain}") == "1"
check.noStackTrace()
check.noIssuedToken()
true
