def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "it-resolve-${mavenLabel}")
// The protected jar came through the stand-in, with one token request for the extension and the goal together.
check.passedWithToken()
check.downloaded("lib-resolve")
true
