def domain = "it-proxy-encrypted-${mavenLabel}"
def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(basedir, standinUrl, domain)
def log = check.log
def standin = check.standin
try {
  assert log.contains("CodeArtifact token for domain ${domain} (owner caller's account, region us-west-2) applied to codeartifact")
  assert log.contains("BUILD SUCCESS")
  assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-proxy-encrypted/1.0/lib-proxy-encrypted-1.0.jar").isFile()
  // The one token call went through the proxy with the decrypted password (anything else is answered 407).
  def lines = new File(basedir, "proxy.log").readLines()
  assert lines.size() == 1
  assert lines[0].startsWith("POST http://127.0.0.1:") && lines[0].contains("/v1/authorization-token?") && lines[0].endsWith(" 200")
  assert standin("/_standin/count?domain=${domain}") == "1"
  assert !log.contains("Cannot decrypt the password of proxy")
  assert !log.contains("proxy-pw-decrypted-9c2e") : "the decrypted proxy password appears in build.log"
  assert !log.contains("12gTIzoCwIkH56Vejd") : "the encrypted proxy password appears in build.log"
  check.noIssuedToken()
} finally {
  def pid = new File(basedir, "proxy.pid")
  if (pid.isFile()) { ProcessHandle.of(Long.parseLong(pid.text.trim())).ifPresent { it.destroy() } }
}
true
