def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "it-sts-assume-role-profile-${mavenLabel}")
// The token request was signed with the credentials this source gave (assume-role), and the download used the token.
check.passedWithCredentials("assume-role")
check.downloaded("lib-sts-assume-role-profile")
check.stsAnswered("AssumeRole 200 arn:aws:iam::111122223333:role/standin-deploy")
true
