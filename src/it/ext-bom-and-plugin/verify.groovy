def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text
def artifactId = "plugin-ext-bom-" + mavenLabel

assert log.contains("BUILD SUCCESS")
// The plugin jar came through the protected repository (the jar's GET answers with a redirect to "S3").
assert log.contains("Hello from the protected plugin ${artifactId}")
def requests = standin("/_standin/requests?repo=ext-bom").readLines()
assert requests.any { it.startsWith("GET 307 ") && it.endsWith("/${artifactId}-1.0.jar") } : requests
assert requests.any { it.startsWith("GET 200 ") && it.endsWith("/bom-ext-bom-1.0.pom") } : requests
assert new File(localRepositoryPath, "dev/codeartifact/protected/${artifactId}/1.0/${artifactId}-1.0.jar").isFile()
// The BOM was imported and managed the dependency's version.
assert new File(localRepositoryPath, "dev/codeartifact/protected/bom-ext-bom/1.0/bom-ext-bom-1.0.pom").isFile()
assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-bom-ext-bom/1.0/lib-bom-ext-bom-1.0.jar").isFile()
assert standin("/_standin/count?domain=it-ext-bom-${mavenLabel}") == "1"
true
