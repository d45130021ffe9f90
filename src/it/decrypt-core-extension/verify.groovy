def domain = "it-decrypt-ext-${mavenLabel}"
def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, domain)
def log = check.log

// No settings-security.xml: the extension made the empty one Maven 3 needs, and said so once.
def security = new File(basedir, "target/security/settings-security.xml")
assert security.text == "<settingsSecurity/>\n"
assert log.count("[INFO] Created ${security.absolutePath} (an empty <settingsSecurity/>): Maven 3 decrypts no settings.xml"
    + " password while that file is missing, and the CodeArtifact passwords need decrypting") == 1
assert log.contains("[INFO] CodeArtifact token for domain ${domain} (owner caller's account, region us-west-2) from a"
    + " settings.xml password; it expires ")
assert log.contains("BUILD SUCCESS")
// Parent POM and dependency came from the protected repository, the deploy went to the protected one, all
// with the one token the decryption fetched (the second run took it from the cache).
assert new File(localRepositoryPath, "dev/codeartifact/protected/parent-decrypt-ext/1.0/parent-decrypt-ext-1.0.pom").isFile()
assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-decrypt-ext/1.0/lib-decrypt-ext-1.0.jar").isFile()
def jar = "dev/codeartifact/it/decrypt-ext-${mavenLabel}/1.0/decrypt-ext-${mavenLabel}-1.0.jar"
def requests = check.standin("/_standin/requests?repo=decrypt-releases")
assert requests.readLines().any { it.startsWith("PUT 201") && it.endsWith(jar) } : requests
assert check.standin("/_standin/count?domain=${domain}") == "1"
// The settings the user sees, passwords shown: the form, not the token.
assert log.contains("<password>{[type=codeartifact]domain=${domain},region=us-west-2}</password>")
check.noIssuedToken()
assert !log.contains("Failed to notify spy")
true
