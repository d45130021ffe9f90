def log = new File(basedir, "build.log").text
def unauthorized = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/unauthorized.groovy"))

assert log.contains("lib-goalcontrol")
def path = "dev/codeartifact/protected/lib-goalcontrol/1.0/lib-goalcontrol-1.0.pom"
def coords = "dev.codeartifact.protected:lib-goalcontrol:pom:1.0"
// Maven 3.10 names the failed POM only as already failed in this session, and the 401 that failed it is what the
// resolver recorded beside the POM in the local repository; a Maven that prints the 401 itself shows the [ERROR] line.
def failed = "[ERROR] Artifact descriptor resolution of dev.codeartifact.protected:lib-goalcontrol:jar:1.0 already failed in this session: Failed to read artifact descriptor for dev.codeartifact.protected:lib-goalcontrol:jar:1.0"
def alreadyFailed = log.readLines().any { it == failed || it.startsWith(failed + ": ") }
def tracked = unauthorized.trackedError(localRepositoryPath, standinUrl, "protected", coords, path)
def trackedIs401 = unauthorized.messages(standinUrl, "protected", coords, path).contains(tracked)
assert (alreadyFailed && trackedIs401) || unauthorized.errorLines(log, standinUrl, "protected", coords, path) \
    : "neither the 'already failed' line with a recorded 401 (${alreadyFailed}, ${tracked}) nor an [ERROR] line with the 401"
assert !new File(localRepositoryPath, "dev/codeartifact/protected/lib-goalcontrol/1.0/lib-goalcontrol-1.0.jar").exists()
true
