def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text

assert log.contains("Invalid <durationSeconds> (codeartifact.durationSeconds) '60': 0 (expire with the caller's role session) or a number of seconds from 900 to 43200")
// Validation happens before any network call.
assert standin("/_standin/count?domain=it-invalid-duration-${mavenLabel}") == "0"
// One line, no stack trace without -e.
assert !log.contains("\tat dev.codeartifact")
// Without -e (the m3916wagon run of the suite), the user sees the line and no stack trace at all.
if (!log.contains("Error stacktraces are turned on")) {
  assert !(log =~ /(?m)^\s+at [a-zA-Z]/) : "a stack trace without -e"
  assert !log.contains("Caused by:") : "a cause without -e"
}
true
