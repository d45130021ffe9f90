def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "it-proxy-https-refused-${mavenLabel}")
def tlsAuthority = standinTlsUrl.substring("https://".length())
check.behindProxy {
  def port = new File(basedir, "proxy.port").text.trim()
  check.shows("[ERROR] The proxy corp (127.0.0.1:${port}) refused the CodeArtifact API call for ${check.what}"
      + " with 407 Proxy Authentication Required: check <username> and"
      + " <password> of the proxy in settings.xml")
  assert new File(basedir, "proxy.log").readLines() == ["CONNECT ${tlsAuthority} 407".toString()]
  check.tokenRequests(0)
  check.neverShows("not-the-proxy-password-0c4f", "the proxy password")
  check.noIssuedToken()
}
true
