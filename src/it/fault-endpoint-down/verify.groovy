def domain = "it-down-${mavenLabel}"
def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text
def what = "domain ${domain} (owner caller's account, region us-west-2)"
// Seconds from Maven's first line ("Scanning for projects...", before the POMs are read and the plugin's build
// extension asks for the token) to the error line; log lines carry HH:mm:ss.SSS through
// -Dorg.slf4j.simpleLogger.showDateTime.
def elapsedSeconds = {
  def stamp = { String marker ->
    def line = log.readLines().find { it.contains(marker) }
    assert line : "no line with ${marker}"
    def m = (line =~ /^(\d\d):(\d\d):(\d\d)\.(\d\d\d) /)
    assert m.find()
    ((m.group(1).toInteger() * 60 + m.group(2).toInteger()) * 60 + m.group(3).toInteger()) * 1000 + m.group(4).toInteger()
  }
  (stamp("Scanning for projects") - stamp("[ERROR] Cannot reach the CodeArtifact API")) / -1000.0
}
// The suite runs with -e (showErrors): Maven may print its own trace of the one-line error, but never a cause
// from the plugin's core or the AWS SDK.
def noStackTrace = {
  assert !log.contains("Caused by:") : "a cause is printed"
  assert !(log =~ /(?m)^\s+at (software\.amazon|dev\.codeartifact\.core)/) : "an SDK or core stack frame is printed"
}
def noIssuedToken = { standin("/_standin/tokens").readLines().findAll { it }.each { t -> assert !log.contains(t.substring(0, 40)) : "an issued token appears in build.log" } }
assert log.contains(" [ERROR] Cannot reach the CodeArtifact API at http://127.0.0.1:1 (region us-west-2): connection refused; check codeartifact.endpoint, codeartifact.region, the network and proxy settings")
assert elapsedSeconds() < 15 : "took ${elapsedSeconds()} s"
noStackTrace()
// Without -e (the m3916wagon run of the suite), the user sees the line and no stack trace at all.
if (!log.contains("Error stacktraces are turned on")) {
  assert !(log =~ /(?m)^\s+at [a-zA-Z]/) : "a stack trace without -e"
  assert !log.contains("Caused by:") : "a cause without -e"
}
true
