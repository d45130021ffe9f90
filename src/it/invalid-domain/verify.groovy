def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text

assert log.contains("Invalid <domain> (codeartifact.domain) 'Bad_Domain': a domain name is 2 to 50 characters")
// Validation happens before any network call.
assert standin("/_standin/count?domain=Bad_Domain") == "0"
// One line, no stack trace without -e.
assert !log.contains("\tat dev.codeartifact")
true
