def standin(String path) { new URL(standinUrl + path).text.trim() }
assert standin("/_standin/count?domain=ttl200-cache-short-token-${mavenLabel}") == "2"
true
