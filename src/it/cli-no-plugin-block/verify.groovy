def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "it-cli-${mavenLabel}")
check.passedWithToken()
check.downloaded("lib-cli")
true
