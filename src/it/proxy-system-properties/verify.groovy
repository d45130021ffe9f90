def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "it-proxy-sysprops-${mavenLabel}")
check.behindProxy {
  check.passedWithToken()
  check.downloaded("lib-proxy-sysprops")
  check.proxyCount(1)
}
true
