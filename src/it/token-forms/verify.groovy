def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text
def issued = standin("/_standin/tokens").readLines().findAll { it } as Set
def iso = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00/

// Exactly the printed results, nothing else (no Maven output with -q). Never print a token: booleans only.
def lines = log.split("\n", -1) as List
assert lines.size() == 10 : "build.log has " + lines.size() + " lines, expected 9 and a final newline"
assert lines[9] == ""
def token = lines[0]
assert issued.contains(token) : "line 1 is not a token the stand-in issued"
def text = lines[1].split("\t", -1) as List
assert text.size() == 2
assert text[0] == token : "text output has another token"
assert text[1] ==~ iso
assert lines[2] == '"' + token + '"' : "json query output is not the quoted token"
assert lines[3] == text[1]
assert lines[4] == "{"
assert lines[5] == '    "authorizationToken": "' + token + '",' : "json output line 2 is wrong"
assert lines[6] == '    "expiration": "' + text[1] + '"'
assert lines[7] == "}"
assert !lines[8].contains(token)
assert standin("/_standin/count?domain=it-token-${mavenLabel}") == "1"
true
