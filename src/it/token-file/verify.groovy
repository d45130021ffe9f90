import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions

def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text
def issued = standin("/_standin/tokens").readLines().findAll { it } as Set

def file = new File(basedir, "target/secret/token.txt")
assert file.isFile()
assert PosixFilePermissions.toString(Files.getPosixFilePermissions(file.toPath())) == "rw-------"
def content = file.text
assert content.endsWith("\n") && content.count("\n") == 1
assert issued.contains(content.trim()) : "the file does not hold a token the stand-in issued"
assert !log.contains(content.trim()) : "the token appears in build.log"
assert log =~ /\[INFO\] CodeArtifact token for domain it-tokenfile-${mavenLabel} \(owner caller's account, region us-west-2\) written to \S+token\.txt \(owner-only\); the token expires \S+Z \(in 11 h 59 min\)/
// No temporary file left next to it.
assert file.parentFile.list().toList() == ["token.txt"]
assert standin("/_standin/count?domain=it-tokenfile-${mavenLabel}") == "1"
true
