def domain = "it-down-${mavenLabel}"
def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(basedir, standinUrl, domain)
def log = check.log
def standin = check.standin
// From Maven's first line (before the POMs are read and the build extension asks for the token) to the error line.
def seconds = check.secondsBetween("Scanning for projects", "[ERROR] Cannot reach the CodeArtifact API")
assert log.contains(" [ERROR] Cannot reach the CodeArtifact API at http://127.0.0.1:1 (region us-west-2): connection refused; check codeartifact.endpoint, codeartifact.region, the network and proxy settings")
assert seconds < 15 : "took ${seconds} s"
check.noStackTrace()
check.noStackTraceWithoutShowErrors()
check.noIssuedToken()
true
