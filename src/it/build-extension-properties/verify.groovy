def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "it-buildext-${mavenLabel}", "eu-central-1")
// The build extension alone (no plugin block, no goal) authenticated the module's resolution, configured
// by the top-level POM's properties, with one token request.
check.passedWithToken()
check.downloaded("lib-buildext")
true
