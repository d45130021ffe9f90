def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "it-sts-session-env-${mavenLabel}")
// The token request was signed with the credentials this source gave (env-session), and the download used the token.
check.passedWithCredentials("env-session")
check.downloaded("lib-sts-session-env")
true
