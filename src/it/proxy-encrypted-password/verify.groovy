def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "it-proxy-encrypted-${mavenLabel}")
check.behindProxy {
  check.passedWithToken()
  check.downloaded("lib-proxy-encrypted")
  // The one token call went through the proxy with the decrypted password (anything else is answered 407).
  def lines = new File(basedir, "proxy.log").readLines()
  assert lines.size() == 1
  assert lines[0].startsWith("POST http://127.0.0.1:") && lines[0].contains("/v1/authorization-token?") && lines[0].endsWith(" 200")
  check.neverShows("Cannot decrypt the password of proxy", "a warning about the proxy password")
  check.neverShows("proxy-pw-decrypted-9c2e", "the decrypted proxy password")
  check.neverShows("12gTIzoCwIkH56Vejd", "the encrypted proxy password")
  check.noIssuedToken()
}
true
