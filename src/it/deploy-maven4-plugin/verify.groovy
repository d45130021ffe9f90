def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text
assert log.contains("CodeArtifact token for domain it-deploy4-${mavenLabel}")
assert log.contains("maven-deploy-plugin:4.0.0-beta-2:deploy")
assert log.contains("HTTP Status: 401")
assert !standin("/_standin/requests?repo=releases4").readLines().any { it.startsWith("PUT 201") && it.contains("deploy4-${mavenLabel}") }
true
