def domain = "it-decrypt-login-${mavenLabel}"
def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, domain)
def log = check.log
def maven4 = mavenLabel.startsWith("m4")
def settings = new File(basedir, "user-settings.xml")

// The form of the Maven that ran login: Maven 3's (Maven 4 leaves it alone), or the one both decrypt.
def form = (maven4 ? "{[type=codeartifact,name=codeartifact,version=1]" : "{[type=codeartifact]") + "domain=${domain},region=us-west-2}"
assert settings.text.contains("<password>${form}</password>")
assert settings.text.contains("<username>aws</username>")
def written = "[INFO] CodeArtifact password form written to servers codeartifact in ${settings.canonicalPath}: no secret; each" +
    " build that loads this plugin as a core extension decrypts it into a token"
assert log.contains(written.toString())
def security = new File(basedir, "target/security/settings-security.xml")
assert security.text == "<settingsSecurity/>\n"
assert log.count("[INFO] Created ${security.canonicalPath} (an empty <settingsSecurity/>)") == 1
// login fetched no token; the build's decryption fetched the one token.
assert check.standin("/_standin/count?domain=${domain}") == "1"
assert log.contains("[INFO] CodeArtifact token for ${check.what} from a settings.xml password; it expires ")
assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-decrypt-login/1.0/lib-decrypt-login-1.0.jar").isFile()
assert log.contains("BUILD SUCCESS")
check.noIssuedToken()
true
