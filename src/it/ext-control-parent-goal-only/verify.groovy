def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text

// Maven reports the unresolvable parent with the repository's 401.
assert log.contains("parent-ext-control")
assert log.contains("401")
assert !new File(localRepositoryPath, "dev/codeartifact/protected/parent-ext-control/1.0/parent-ext-control-1.0.pom").exists()
// The goal never ran: no token was requested.
assert standin("/_standin/count?domain=it-ext-control-${mavenLabel}") == "0"
assert standin("/_standin/unauthorized?repo=ext-control") != "0"
true
