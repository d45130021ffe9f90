def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "throttle3-it-${mavenLabel}")
// 3 throttled + 1 good; Retry-After: 1 honoured before each retry.
check.passedWithToken(4)
check.downloaded("lib-fault-throttle")
check.noIssuedToken()
true
