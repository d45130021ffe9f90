def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "expired-it-${mavenLabel}")
check.failedWith("[ERROR] The CodeArtifact API at ${standinUrl} answered with a token that expired at ")
check.shows(" for ${check.what}: check the clock of this machine and codeartifact.endpoint")
true
