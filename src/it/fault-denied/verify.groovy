def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "denied-it-${mavenLabel}")
check.failedWith("[ERROR] Access denied getting a CodeArtifact token for ${check.what}: the AWS identity needs the IAM permissions codeartifact:GetAuthorizationToken and sts:GetServiceBearerToken (AWS: User: arn:aws:iam::111122223333:user/ci is not authorized to perform: codeartifact:GetAuthorizationToken")
check.tokenRequests(1)
check.noStackTraceWithoutShowErrors()
true
