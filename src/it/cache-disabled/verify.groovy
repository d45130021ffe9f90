def standin(String path) { new URL(standinUrl + path).text.trim() }
assert standin("/_standin/count?domain=it-cache-disabled-${mavenLabel}") == "2"
true
