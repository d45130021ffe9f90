def standin(String path) { new URL(standinUrl + path).text.trim() }
def requests = standin("/_standin/requests?repo=releases4")
def jar = "dev/codeartifact/it/deploy4-${mavenLabel}/1.0/deploy4-${mavenLabel}-1.0.jar"
assert requests.readLines().any { it.startsWith("PUT 201") && it.endsWith(jar) } : requests
assert new File(standinData, "repos/releases4/" + jar).isFile()
assert standin("/_standin/count?domain=it-deploy4-${mavenLabel}") == "1"
true
