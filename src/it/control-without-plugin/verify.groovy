def log = new File(basedir, "build.log").text
def unauthorized = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/unauthorized.groovy"))

assert log.contains("lib-control")
// The line Maven prints for the repository's 401 to the artifact's POM (as this Maven's transport words it).
def path = "dev/codeartifact/protected/lib-control/1.0/lib-control-1.0.pom"
def lines = unauthorized.errorLines(log, standinUrl, "protected", "dev.codeartifact.protected:lib-control:pom:1.0", path)
assert lines : "no [ERROR] line with the 401 for lib-control-1.0.pom:\n" + log.readLines().findAll { it.contains("lib-control") }.join("\n")
assert !new File(localRepositoryPath, "dev/codeartifact/protected/lib-control/1.0/lib-control-1.0.jar").exists()
true
