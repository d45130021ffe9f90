// The invoker does not filter .mvn/maven.config: fill in the label, and a new domain name per run so no
// token of an earlier run is cached for it; no copy of the protected artifact in the local repository.
def run = Long.toString(System.currentTimeMillis() % 2176782336L, 36)
def config = new File(basedir, ".mvn/maven.config")
config.text = config.text.replace("@mavenLabel@", mavenLabel).replace("-RUN", "-" + run)
new File(basedir, "domain.txt").text = "revokedfirst-it-extrevoked-${mavenLabel}-${run}"
new File(localRepositoryPath, "dev/codeartifact/protected/lib-ext-cache-revoked-token").deleteDir()
true
