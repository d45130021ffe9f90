def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "it-sts-web-identity-refused-${mavenLabel}")
check.failedWith("[ERROR] AWS credentials from web identity (AWS_ROLE_ARN arn:aws:iam::111122223333:role/untrusted-ci, AWS_WEB_IDENTITY_TOKEN_FILE web-identity-token) failed for CodeArtifact ${check.what}: STS AssumeRoleWithWebIdentity answered AccessDenied (HTTP 403): Not authorized to perform sts:AssumeRoleWithWebIdentity; the trust policy of that role must admit the identity token in that file (its issuer, audience and subject: the CI's OIDC settings), or set AWS_ROLE_ARN to a role that does")
check.neverShows("No AWS credentials", "the message for missing credentials")
check.stsAnswered("AssumeRoleWithWebIdentity 403 arn:aws:iam::111122223333:role/untrusted-ci")
check.tokenRequests(0)
check.neverShows("a-token-the-role-does-not-trust", "the web identity token")
check.noStackTraceWithoutShowErrors()
true
