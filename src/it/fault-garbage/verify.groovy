def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "garbage-it-${mavenLabel}")
check.failedWith("[ERROR] The CodeArtifact API at ${standinUrl} answered with something that is not a token response for ${check.what}: check codeartifact.endpoint points at CodeArtifact")
check.neverShows("this is not json", "the body of the API's answer")
check.noStackTraceWithoutShowErrors()
true
