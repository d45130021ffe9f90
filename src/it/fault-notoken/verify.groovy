def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "notoken-it-${mavenLabel}")
check.failedWith("[ERROR] The CodeArtifact API at ${standinUrl} answered without an authorization token for ${check.what}: check codeartifact.endpoint points at CodeArtifact")
true
