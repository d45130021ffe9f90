def domain = "it-decrypt-ecp-${mavenLabel}"
def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, domain)
def log = check.log
def maven4 = mavenLabel.startsWith("m4")

assert log.contains("[INFO] CodeArtifact token for domain ${domain} (owner 111122223333, region us-west-2) from a"
    + " settings.xml password; it expires ")
assert log.contains("BUILD SUCCESS")
assert !log.contains("BUILD FAILURE")
assert new File(localRepositoryPath, "dev/codeartifact/protected/parent-decrypt-ecp/1.0/parent-decrypt-ecp-1.0.pom").isFile()
assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-decrypt-ecp/1.0/lib-decrypt-ecp-1.0.jar").isFile()
def parent = check.standin("/_standin/requests?repo=decrypt-ecp-${mavenLabel}").readLines().findAll { it.endsWith("parent-decrypt-ecp-1.0.pom") }
assert parent.any { it.startsWith("GET 200 ") } : parent
// One token for both runs: the second took it from the disk cache.
assert check.standin("/_standin/count?domain=${domain}") == "1"
// Maven 3 needed the empty security file (created once); Maven 4 needs none and gets none.
def security = new File(basedir, "target/security/settings-security.xml")
assert security.exists() == !maven4
assert log.count("(an empty <settingsSecurity/>)") == (maven4 ? 0 : 1)
// The settings as the user sees them: the password masked (with -DshowPasswords=true Maven 3 shows the form,
// decrypt-core-extension; Maven 4, which decrypted it, shows the token the user asked to see).
assert log.contains("<password>***</password>")
check.noIssuedToken()
true
