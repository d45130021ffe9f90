def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text
def fresh = new File(basedir, "fresh-repo")
assert log.contains("BUILD SUCCESS")
assert log.contains("applied to codeartifact-mirror")
// The build used the fresh repository (not the label's), and everything in it came through the mirror.
assert new File(fresh, "dev/codeartifact/protected/lib-fresh/1.0/lib-fresh-1.0.jar").isFile()
assert new File(fresh, "org/apache/maven/plugins/maven-compiler-plugin/3.13.0/maven-compiler-plugin-3.13.0.jar").isFile()
assert !new File(fresh, "org/codehaus/plexus/plexus-utils/1.1").exists()
def requests = standin("/_standin/requests?repo=fresh-${mavenLabel}").readLines()
assert requests.any { it.startsWith("GET 200") && it.contains("maven-compiler-plugin-3.13.0.pom") }
assert requests.any { it.startsWith("GET 200") && it.contains("lib-fresh-1.0.pom") }
// Every 401 was the transport's challenge, answered with the token: each challenged path was asked again and
// got another answer (200, a 307 to storage, or a 404 for what the repository does not have, such as Maven 4's
// .meta/prefixes.txt), so no request failed for want of it.
def path = { String line -> line.split(" ")[2] }
def challenged = requests.findAll { it.startsWith("GET 401 ") }.collect(path) as Set
def answered = requests.findAll { it ==~ /GET (?!401 )\d{3} .*/ }.collect(path) as Set
assert answered.containsAll(challenged)
assert standin("/_standin/count?domain=it-fresh-${mavenLabel}") == "1"
true
