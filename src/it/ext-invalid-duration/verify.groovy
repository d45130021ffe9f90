def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text

def line = "[ERROR] Invalid codeartifact.durationSeconds '60' (set by -D or .mvn/maven.config): 0 (expire with the caller's role session) or a number of seconds from 900 to 43200"
assert log.contains(line)
assert log.count("[ERROR] Invalid codeartifact.durationSeconds") == 1
// Nothing was resolved and nothing requested: no token call, no repository request, no parent.
assert standin("/_standin/count?domain=it-ext-invalid-${mavenLabel}") == "0"
assert standin("/_standin/requests?repo=ext-invalid") == ""
assert !log.contains("parent-ext-invalid")
assert !log.contains("Failed to notify spy")
// Thrown from a lifecycle participant: the spy itself would only have been logged (WARN) by Maven.
if (log.contains("Error stacktraces are turned on")) {
  assert log.contains("MavenExecutionException")
}
// Without -e (the m3916wagon run of the suite), the user sees the line and no stack trace at all.
if (!log.contains("Error stacktraces are turned on")) {
  assert !(log =~ /(?m)^\s+at [a-zA-Z]/) : "a stack trace without -e"
  assert !log.contains("Caused by:") : "a cause without -e"
}
true
