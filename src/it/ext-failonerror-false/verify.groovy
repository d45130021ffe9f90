def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text

assert log.contains("BUILD SUCCESS")
def warnings = log.readLines().findAll { it.startsWith("[WARNING]") && it.contains("codeartifact.failOnError=false") }
assert warnings.size() == 1 : warnings
assert warnings[0].contains("going on without a token for codeartifact")
assert !log.contains("Failed to notify spy")
// The denied request is not retried by the build extension (the SDK itself makes no retry on 403).
assert standin("/_standin/count?domain=denied-ext-soft-${mavenLabel}") == "1"
true
