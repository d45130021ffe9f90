def domain = "it-proxy-no-master-${mavenLabel}"
def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(basedir, standinUrl, domain)
def log = check.log
def standin = check.standin
try {
  def port = new File(basedir, "proxy.port").text.trim()
  assert log.contains("[WARNING] Cannot decrypt the password of proxy corp (127.0.0.1:${port}) from settings.xml: the"
      + " CodeArtifact API call goes through it without credentials; check the master password in"
      + " ~/.m2/settings-security.xml (or the file -Dsettings.security names), or encrypt the proxy password again with"
      + " mvn --encrypt-password")
  assert log.contains("[ERROR] The proxy corp (127.0.0.1:${port}) refused the CodeArtifact API call for domain ${domain}"
      + " (owner caller's account, region us-west-2) with 407 Proxy Authentication Required: its password in"
      + " settings.xml is encrypted and could not be decrypted; check the master password in"
      + " ~/.m2/settings-security.xml (or the file -Dsettings.security names)")
  def lines = new File(basedir, "proxy.log").readLines()
  assert lines.size() == 1 && lines[0].endsWith(" 407")
  assert standin("/_standin/count?domain=${domain}") == "0"
  assert !log.contains("proxy-pw-decrypted-9c2e") : "the decrypted proxy password appears in build.log"
  assert !log.contains("12gTIzoCwIkH56Vejd") : "the encrypted proxy password appears in build.log"
  check.noIssuedToken()
} finally {
  def pid = new File(basedir, "proxy.pid")
  if (pid.isFile()) { ProcessHandle.of(Long.parseLong(pid.text.trim())).ifPresent { it.destroy() } }
}
true
