def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "it-ext-strict-${mavenLabel}")
check.resolvedParentAndLib("ext-strict-${mavenLabel}", "ext-strict")
// Declared in settings: Maven neither refused nor warned about the token's server.
check.neverShows("credentials of server 'codeartifact'", "Maven's warning about the token's server")
check.tokenRequests(1)
true
