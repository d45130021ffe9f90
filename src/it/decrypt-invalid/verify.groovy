def domain = "it-decrypt-invalid-${mavenLabel}"
def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, domain)
def log = check.log
def payload = "domain=${domain},colour=blue"

def line = "[ERROR] Invalid CodeArtifact password {[...]${payload}} in settings.xml: 'colour' is not a key; allowed:" +
    " comma-separated domain=, owner=, region=, profile= (or url= with a CodeArtifact repository URL instead of" +
    " domain, owner and region), e.g. {[type=codeartifact]domain=my-domain,owner=111122223333,region=us-east-1}"
assert log.readLines().contains(line.toString())
assert check.standin("/_standin/count?domain=${domain}") == "0"
if (mavenLabel.startsWith("m4")) {
  // Maven 4 decrypts while it builds the settings and stops on a password it cannot decrypt.
  // rc-7 names the server ("for server codeartifact"), rc-5 repeats the password (no secret).
  assert log.contains("* FATAL: Could not decrypt password (fix the corrupted password or remove it, if unused) ")
} else {
  // Maven 3 goes on with the password as written, which the repository refuses.
  def unauthorized = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/unauthorized.groovy"))
  def path = "dev/codeartifact/protected/lib-decrypt-invalid/1.0/lib-decrypt-invalid-1.0.pom"
  assert unauthorized.errorLines(log, standinUrl, "decrypt-invalid-${mavenLabel}", "dev.codeartifact.protected:lib-decrypt-invalid:pom:1.0", path)
}
// -e prints Maven's own causes of the 401; none from the plugin or the SDK.
assert !(log =~ /(?m)^\s+at (software\.amazon|dev\.codeartifact)/)
true
