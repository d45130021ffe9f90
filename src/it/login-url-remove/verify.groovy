def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text
def issued = standin("/_standin/tokens").readLines().findAll { it } as Set
def original = new File(basedir, "original-settings.xml").text

assert log.contains("[INFO] No repository or mirror in the settings has the URL of it-loginurl-${mavenLabel}-111122223333 in us-west-2 repository snapshots: using the server id it-loginurl-${mavenLabel}-snapshots")
assert log =~ /\[INFO\] CodeArtifact token written to servers corp-mirror \(added\), corp-releases \(updated\) in \S+user-settings\.xml/
assert log =~ /\[INFO\] CodeArtifact token written to servers it-loginurl-${mavenLabel}-snapshots \(added\) in \S+user-settings\.xml/
assert log =~ /\[WARNING\] Server corp-releases in \S+user-settings\.xml was not written by this plugin: its username and password were replaced/
assert log =~ /\[INFO\] Removed CodeArtifact servers corp-mirror, it-loginurl-${mavenLabel}-snapshots from \S+user-settings\.xml/

// After login (the backup of the remove run): three servers with the token, in the file's tabs.
def afterLogin = new File(basedir, "user-settings.xml.codeartifact.bak").text
def passwords = (afterLogin =~ /<password>([^<]+)<\/password>/).collect { it[1] }
assert passwords.size() == 3
assert passwords.every { issued.contains(it) } : "a password is not a token the stand-in issued"
assert passwords.every { !log.contains(it) } : "the token appears in build.log"
assert afterLogin.contains("\n\t\t<server>\n\t\t\t<!-- managed by codeartifact-maven-plugin: token expires ")

// After remove: our two entries gone; the user's own corp-releases keeps the token (it is not ours to delete).
def now = new File(basedir, "user-settings.xml").text
assert now == original.replace("<username>someone</username>", "<username>aws</username>")
    .replace("<password>their-own</password>", "<password>" + passwords[0] + "</password>") \
    || now == original.replace("<username>someone</username>", "<username>aws</username>")
    .replace("<password>their-own</password>", "<password>" + passwords[2] + "</password>")
assert standin("/_standin/count?domain=it-loginurl-${mavenLabel}") == "1"
true
