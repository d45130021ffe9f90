def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "it-down-${mavenLabel}")
// From Maven's first line (before the POMs are read and the build extension asks for the token) to the error line.
def seconds = check.secondsBetween("Scanning for projects", "[ERROR] Cannot reach the CodeArtifact API")
check.failedWith(" [ERROR] Cannot reach the CodeArtifact API at http://127.0.0.1:1 (region us-west-2): connection refused; check codeartifact.endpoint, codeartifact.region, the network and proxy settings")
assert seconds < 15 : "took ${seconds} s"
check.noStackTraceWithoutShowErrors()
true
