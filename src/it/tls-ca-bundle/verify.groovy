def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "it-tls-ca-bundle-${mavenLabel}")
// The one token request arrived over TLS (only the HTTPS listener was named as the endpoint).
check.passedWithToken()
check.downloaded("lib-tls-ca-bundle")
check.neverShows("TLS certificate", "a TLS complaint")
check.noIssuedToken()
true
