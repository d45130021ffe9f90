def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "it-proxy-https-auth-${mavenLabel}")
def tlsAuthority = standinTlsUrl.substring("https://".length())
check.behindProxy {
  check.passedWithToken()
  check.downloaded("lib-proxy-https-auth")
  // Exactly one CONNECT, to the stand-in's HTTPS port, accepted (the proxy answers 407 without the right credentials).
  assert new File(basedir, "proxy.log").readLines() == ["CONNECT ${tlsAuthority} 200".toString()]
  check.proxyCount(1)
  // The credentials went to the proxy only: the API host never saw a Proxy-Authorization header.
  assert check.standin("/_standin/proxy-authorization?domain=${check.domain}") == "0"
  check.shows("through proxy corp (127.0.0.1:")
  check.neverShows("proxy-pw-https-never-logged-2d9b", "the proxy password")
  check.noIssuedToken()
}
true
