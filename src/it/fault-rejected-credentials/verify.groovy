def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "it-rejected-${mavenLabel}")
check.failedWith("[ERROR] AWS rejected the credentials used for CodeArtifact ${check.what} (UnrecognizedClientException): refresh them (aws sso login, aws configure) or choose other ones with AWS_PROFILE or codeartifact.profile")
check.tokenRequests(1)
true
