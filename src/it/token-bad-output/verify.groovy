def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text

assert log.contains("[ERROR] Failed to execute goal dev.codeartifact:codeartifact-maven-plugin:")
assert log =~ /\[ERROR\] Failed to execute goal dev\.codeartifact:codeartifact-maven-plugin:\S+:token \(default-cli\) on project token-bad-output: Invalid <output> \(codeartifact\.output\) 'yaml': json or text/
assert !log.contains("\tat dev.codeartifact")
assert standin("/_standin/count?domain=it-badoutput-${mavenLabel}") == "0"
// Without -e (the m3916wagon run of the suite), the user sees the line and no stack trace at all.
if (!log.contains("Error stacktraces are turned on")) {
  assert !(log =~ /(?m)^\s+at [a-zA-Z]/) : "a stack trace without -e"
  assert !log.contains("Caused by:") : "a cause without -e"
}
true
