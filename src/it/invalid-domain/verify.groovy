def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text

assert log.contains("Invalid <domain> (codeartifact.domain) 'Bad_Domain': a domain name is 2 to 50 characters")
// Validation happens before any network call.
assert standin("/_standin/count?domain=Bad_Domain") == "0"
// One line, no stack trace without -e.
assert !log.contains("\tat dev.codeartifact")
// The m3916wagon run is the one without -e (pom.xml): make sure the check below really runs there.
if (mavenLabel == "m3916wagon") {
  assert !log.contains("Error stacktraces are turned on")
}
// Without -e (the m3916wagon run of the suite), the user sees the line and no stack trace at all.
if (!log.contains("Error stacktraces are turned on")) {
  assert !(log =~ /(?m)^\s+at [a-zA-Z]/) : "a stack trace without -e"
  assert !log.contains("Caused by:") : "a cause without -e"
}
true
