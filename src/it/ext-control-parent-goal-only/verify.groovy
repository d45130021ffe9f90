def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text
def unauthorized = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/unauthorized.groovy"))

// Maven reports the unresolvable parent with the repository's 401.
assert log.contains("parent-ext-control")
def path = "dev/codeartifact/protected/parent-ext-control/1.0/parent-ext-control-1.0.pom"
def lines = unauthorized.errorLines(log, standinUrl, "ext-control", "dev.codeartifact.protected:parent-ext-control:pom:1.0", path)
// Maven 3: "Non-resolvable parent POM for dev.codeartifact.it:ext-control-parent-goal-only:1.0: ...", Maven 4:
// "Non-resolvable parent POM: ...".
assert lines.any { it.contains("Non-resolvable parent POM") } \
    : "no [ERROR]/[FATAL] line with the 401 for the parent POM:\n" + log.readLines().findAll { it.contains("parent-ext-control") }.join("\n")
assert !new File(localRepositoryPath, "dev/codeartifact/protected/parent-ext-control/1.0/parent-ext-control-1.0.pom").exists()
// The goal never ran: no token was requested.
assert standin("/_standin/count?domain=it-ext-control-${mavenLabel}") == "0"
assert standin("/_standin/unauthorized?repo=ext-control") != "0"
true
