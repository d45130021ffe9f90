def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text
def domain = "ext-disc-${mavenLabel}"

assert log.contains("BUILD SUCCESS")
// No configuration at all: domain, owner and region come from the mirror's URL; the server id is the mirror's.
assert log.count("CodeArtifact token for domain ${domain} (owner 111122223333, region us-west-2) applied to ext-disc-mirror") == 1
assert standin("/_standin/count?domain=${domain}") == "1"
def requests = standin("/_standin/requests?repo=ext-disc").readLines()
assert requests.any { it.startsWith("GET 200 ") && it.endsWith("/parent-ext-disc-1.0.pom") } : requests
assert requests.any { it.startsWith("GET 200 ") && it.endsWith("/bom-ext-disc-1.0.pom") } : requests
assert new File(localRepositoryPath, "dev/codeartifact/protected/parent-ext-disc/1.0/parent-ext-disc-1.0.pom").isFile()
true
