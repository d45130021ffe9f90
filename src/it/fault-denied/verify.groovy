def domain = "denied-it-${mavenLabel}"
def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text
def what = "domain ${domain} (owner caller's account, region us-west-2)"
// Seconds from the pre-build script to the last line of build.log (the Maven run, JVM start included).
def elapsedSeconds = {
  (new File(basedir, "build.log").lastModified() - Long.parseLong(new File(basedir, "started.millis").text.trim())) / 1000.0
}
// The suite runs with -e (showErrors): Maven may print its own trace of the one-line error, but never a cause
// from the plugin's core or the AWS SDK.
def noStackTrace = {
  assert !log.contains("Caused by:") : "a cause is printed"
  assert !(log =~ /(?m)^\s+at (software\.amazon|dev\.codeartifact\.core)/) : "an SDK or core stack frame is printed"
}
def noIssuedToken = { standin("/_standin/tokens").readLines().findAll { it }.each { t -> assert !log.contains(t.substring(0, 40)) : "an issued token appears in build.log" } }
assert log.contains("[ERROR] Access denied getting a CodeArtifact token for ${what}: the AWS identity needs the IAM permissions codeartifact:GetAuthorizationToken and sts:GetServiceBearerToken (AWS: User: arn:aws:iam::111122223333:user/ci is not authorized to perform: codeartifact:GetAuthorizationToken")
assert standin("/_standin/count?domain=${domain}") == "1"
noStackTrace()
// Without -e (the m3916wagon run of the suite), the user sees the line and no stack trace at all.
if (!log.contains("Error stacktraces are turned on")) {
  assert !(log =~ /(?m)^\s+at [a-zA-Z]/) : "a stack trace without -e"
  assert !log.contains("Caused by:") : "a cause without -e"
}
true
