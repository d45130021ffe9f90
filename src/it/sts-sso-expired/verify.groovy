def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "it-sts-sso-expired-${mavenLabel}")
check.failedWith("[ERROR] AWS credentials from SSO profile 'dev' failed for CodeArtifact ${check.what}: The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile; sign in again: aws sso login --profile dev")
check.neverShows("No AWS credentials", "the message for missing credentials")
check.tokenRequests(0)
check.neverShows("standin-expired-sso-access-token", "the SSO access token")
check.noStackTraceWithoutShowErrors()
true
