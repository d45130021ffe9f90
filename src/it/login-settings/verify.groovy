import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions

def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text
def issued = standin("/_standin/tokens").readLines().findAll { it } as Set
def original = new File(basedir, "original-settings.xml").text
def settings = new File(basedir, "user-settings.xml")
def edited = settings.text

assert log =~ /\[INFO\] CodeArtifact token written to servers codeartifact-login \(added\) in \S+user-settings\.xml; it expires \S+Z \(in 11 h 59 min\)\. The file holds this secret until then/
assert PosixFilePermissions.toString(Files.getPosixFilePermissions(settings.toPath())) == "rw-------"
assert new File(basedir, "user-settings.xml.codeartifact.bak").text == original

// Exactly one server added at the end of <servers>, in the file's indentation; everything else unchanged.
def m = edited =~ /(?s)\n        <server>\n            <!-- managed by codeartifact-maven-plugin: token expires \S+Z -->\n            <id>codeartifact-login<\/id>\n            <username>aws<\/username>\n            <password>([^<]+)<\/password>\n        <\/server>(?=\n    <\/servers>)/
assert m.find() : "no added server of the expected shape"
assert issued.contains(m.group(1)) : "the password is not a token the stand-in issued"
assert edited.substring(0, m.start()) + edited.substring(m.end()) == original
assert !log.contains(m.group(1)) : "the token appears in build.log"

// The plain build got the protected jar with that server.
assert log.contains("BUILD SUCCESS")
assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-login/1.0/lib-login-1.0.jar").isFile()
assert standin("/_standin/count?domain=it-login-${mavenLabel}") == "1"
true
