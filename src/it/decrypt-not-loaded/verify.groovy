def log = new File(basedir, "build.log").text
if (mavenLabel.startsWith("m4")) {
  // rc-7 names the server ("for server codeartifact"), rc-5 repeats the password (no secret).
  assert log.contains("* FATAL: Could not decrypt password (fix the corrupted password or remove it, if unused) ")
  assert !new URL(standinUrl + "/_standin/requests?repo=decrypt-not-loaded-${mavenLabel}").text.trim()
} else {
  def unauthorized = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/unauthorized.groovy"))
  def path = "dev/codeartifact/protected/lib-decrypt-not-loaded/1.0/lib-decrypt-not-loaded-1.0.pom"
  assert unauthorized.errorLines(log, standinUrl, "decrypt-not-loaded-${mavenLabel}", "dev.codeartifact.protected:lib-decrypt-not-loaded:pom:1.0", path)
}
assert !log.contains("CodeArtifact token")
true
