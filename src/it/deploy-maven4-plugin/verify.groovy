def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text

def requests = standin("/_standin/requests?repo=releases")
def jar = "dev/codeartifact/it/deploy4-${mavenLabel}/1.0/deploy4-${mavenLabel}-1.0.jar"
assert requests.readLines().any { it.startsWith("PUT 201") && it.contains(jar) } : requests
assert new File(standinData, "repos/releases/" + jar).isFile()
true
