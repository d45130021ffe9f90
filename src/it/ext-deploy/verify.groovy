def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text

def requests = standin("/_standin/requests?repo=ext-releases")
def jar = "dev/codeartifact/it/ext-deploy-${mavenLabel}/1.0/ext-deploy-${mavenLabel}-1.0.jar"
assert requests.readLines().any { it.startsWith("PUT 201") && it.endsWith(jar) } : requests
assert new File(standinData, "repos/ext-releases/" + jar).isFile()
assert standin("/_standin/count?domain=it-ext-deploy-${mavenLabel}") == "1"
true
