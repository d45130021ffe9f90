def domain = "it-decrypt-deploy4-${mavenLabel}"
def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, domain)
def log = check.log
assert log.contains("[INFO] CodeArtifact token for ${check.what} from a settings.xml password; it expires ")
assert log.contains("maven-deploy-plugin:4.0.0-beta-2:deploy")
assert log.contains("HTTP Status: 401")
def requests = check.standin("/_standin/requests?repo=decrypt-releases4-${mavenLabel}").readLines()
assert requests && requests.every { it.startsWith("PUT 401 ") } : requests
check.noIssuedToken()
true
