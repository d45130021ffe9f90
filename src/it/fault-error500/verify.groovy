def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "error500x2-it-${mavenLabel}")
// Two answers 500, then the token.
check.passedWithToken(3)
check.noIssuedToken()
true
