def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text
def noIssuedToken = { standin("/_standin/tokens").readLines().findAll { it }.each { t -> assert !log.contains(t.substring(0, 40)) : "an issued token appears in build.log" } }
def domain = "it-tls-untrusted-${mavenLabel}"
assert log.contains("[ERROR] The TLS certificate of the CodeArtifact API at ${standinTlsUrl} is not trusted by this JVM:"
    + " if a TLS-inspecting proxy or a private CA issued it, put that CA certificate (PEM) into codeartifact.caBundle")
assert standin("/_standin/count?domain=${domain}") == "0"
assert !new File(localRepositoryPath, "dev/codeartifact/protected/lib-tls-untrusted/1.0/lib-tls-untrusted-1.0.jar").exists()
assert !log.contains("Caused by:") : "a cause is printed"
true
