def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "it-tls-untrusted-${mavenLabel}")
check.shows("[ERROR] The TLS certificate of the CodeArtifact API at ${standinTlsUrl} is not trusted by this JVM:"
    + " if a TLS-inspecting proxy or a private CA issued it, put that CA certificate (PEM) into codeartifact.caBundle")
check.tokenRequests(0)
assert !new File(localRepositoryPath, "dev/codeartifact/protected/lib-tls-untrusted/1.0/lib-tls-untrusted-1.0.jar").exists()
assert !check.log.contains("Caused by:") : "a cause is printed"
check.noIssuedToken()
true
