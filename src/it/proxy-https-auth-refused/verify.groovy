def domain = "it-proxy-https-refused-${mavenLabel}"
def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(basedir, standinUrl, domain)
def log = check.log
def standin = check.standin
def tlsAuthority = standinTlsUrl.substring("https://".length())
try {
  def port = new File(basedir, "proxy.port").text.trim()
  assert log.contains("[ERROR] The proxy corp (127.0.0.1:${port}) refused the CodeArtifact API call for domain ${domain}"
      + " (owner caller's account, region us-west-2) with 407 Proxy Authentication Required: check <username> and"
      + " <password> of the proxy in settings.xml")
  assert new File(basedir, "proxy.log").readLines() == ["CONNECT ${tlsAuthority} 407".toString()]
  assert standin("/_standin/count?domain=${domain}") == "0"
  assert !log.contains("not-the-proxy-password-0c4f") : "the proxy password appears in build.log"
  check.noIssuedToken()
} finally {
  def pid = new File(basedir, "proxy.pid")
  if (pid.isFile()) { ProcessHandle.of(Long.parseLong(pid.text.trim())).ifPresent { it.destroy() } }
}
true
