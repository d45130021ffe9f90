def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "slow-it-${mavenLabel}")
// From Maven's first line (before the POMs are read and the build extension asks for the token) to the error line.
def seconds = check.secondsBetween("Scanning for projects", "[ERROR] Cannot reach the CodeArtifact API")
check.failedWith(" [ERROR] Cannot reach the CodeArtifact API at ${standinUrl} (region us-west-2): no answer within 2 s (codeartifact.readTimeout); check codeartifact.endpoint, codeartifact.region, the network and proxy settings")
check.tokenRequests(1)
assert seconds >= 2 && seconds < 20 : "took ${seconds} s"
true
