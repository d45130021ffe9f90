def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text

assert log.contains("[ERROR] Failed to execute goal dev.codeartifact:codeartifact-maven-plugin:")
assert log.contains(":token (default-cli) on project standalone-pom: Invalid <output> (codeartifact.output) 'yaml': json or text -> [Help 1]") \
    || log.contains(":token (default-cli): Invalid <output> (codeartifact.output) 'yaml': json or text")
assert !log.contains("\tat dev.codeartifact")
assert standin("/_standin/count?domain=it-badoutput-${mavenLabel}") == "0"
true
