def domain = "it-proxy-https-auth-${mavenLabel}"
def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(basedir, standinUrl, domain)
def log = check.log
def standin = check.standin
def tlsAuthority = standinTlsUrl.substring("https://".length())
try {
  assert log.contains("CodeArtifact token for domain ${domain} (owner caller's account, region us-west-2) applied to codeartifact")
  assert log.contains("BUILD SUCCESS")
  assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-proxy-https-auth/1.0/lib-proxy-https-auth-1.0.jar").isFile()
  // Exactly one CONNECT, to the stand-in's HTTPS port, accepted (the proxy answers 407 without the right credentials).
  assert new File(basedir, "proxy.log").readLines() == ["CONNECT ${tlsAuthority} 200".toString()]
  assert new File(basedir, "proxy.count").text.trim() == "1"
  assert standin("/_standin/count?domain=${domain}") == "1"
  // The credentials went to the proxy only: the API host never saw a Proxy-Authorization header.
  assert standin("/_standin/proxy-authorization?domain=${domain}") == "0"
  assert log.contains("through proxy corp (127.0.0.1:")
  assert !log.contains("proxy-pw-https-never-logged-2d9b") : "the proxy password appears in build.log"
  check.noIssuedToken()
} finally {
  def pid = new File(basedir, "proxy.pid")
  if (pid.isFile()) { ProcessHandle.of(Long.parseLong(pid.text.trim())).ifPresent { it.destroy() } }
}
true
