def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "it-sts-web-identity-${mavenLabel}")
// The token request was signed with the credentials this source gave (web-identity), and the download used the token.
check.passedWithCredentials("web-identity")
check.downloaded("lib-sts-web-identity")
check.stsAnswered("AssumeRoleWithWebIdentity 200 arn:aws:iam::111122223333:role/standin-ci")
true
