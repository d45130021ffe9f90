def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text

assert log.contains("[ERROR] Failed to execute goal dev.codeartifact:codeartifact-maven-plugin:")
assert log =~ /\[ERROR\] Failed to execute goal dev\.codeartifact:codeartifact-maven-plugin:\S+:token \(default-cli\) on project token-bad-output: Invalid <output> \(codeartifact\.output\) 'yaml': json or text/
assert !log.contains("\tat dev.codeartifact")
assert standin("/_standin/count?domain=it-badoutput-${mavenLabel}") == "0"
true
