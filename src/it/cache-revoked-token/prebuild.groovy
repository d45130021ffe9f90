// Reruns without `clean` must start from nothing: a new domain name per run (so no token of an earlier run is
// cached for it) and no copy of the protected artifact in the local repository.
def run = Long.toString(System.currentTimeMillis() % 2176782336L, 36)
def pom = new File(basedir, "pom.xml")
pom.text = pom.text.replace("-RUN</domain>", "-${run}</domain>")
new File(basedir, "domain.txt").text = "revokedfirst-it-revoked-${mavenLabel}-${run}"
new File(localRepositoryPath, "dev/codeartifact/protected/lib-cache-revoked-token").deleteDir()
true
