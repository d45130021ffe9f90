def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "it-proxy-no-master-${mavenLabel}")
check.behindProxy {
  def port = new File(basedir, "proxy.port").text.trim()
  check.shows("[WARNING] Cannot decrypt the password of proxy corp (127.0.0.1:${port}) from settings.xml: the"
      + " CodeArtifact API call goes through it without credentials; check the master password in"
      + " ~/.m2/settings-security.xml (or the file -Dsettings.security names), or encrypt the proxy password again with"
      + " mvn --encrypt-password")
  check.shows("[ERROR] The proxy corp (127.0.0.1:${port}) refused the CodeArtifact API call for ${check.what}"
      + " with 407 Proxy Authentication Required: its password in"
      + " settings.xml is encrypted and could not be decrypted; check the master password in"
      + " ~/.m2/settings-security.xml (or the file -Dsettings.security names)")
  def lines = new File(basedir, "proxy.log").readLines()
  assert lines.size() == 1 && lines[0].endsWith(" 407")
  check.tokenRequests(0)
  check.neverShows("proxy-pw-decrypted-9c2e", "the decrypted proxy password")
  check.neverShows("12gTIzoCwIkH56Vejd", "the encrypted proxy password")
  check.noIssuedToken()
}
true
