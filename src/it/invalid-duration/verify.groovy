def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text

assert log.contains("Invalid <durationSeconds> (codeartifact.durationSeconds) '60': 0 (expire with the caller's role session) or a number of seconds from 900 to 43200")
// Validation happens before any network call.
assert standin("/_standin/count?domain=it-invalid-duration-${mavenLabel}") == "0"
// One line, no stack trace without -e.
assert !log.contains("\tat dev.codeartifact")
true
