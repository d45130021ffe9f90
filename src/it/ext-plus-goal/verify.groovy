def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text

assert log.contains("BUILD SUCCESS")
// The goal ran too (and found the token already applied).
assert log.contains(":authenticate (default) @ ext-plus-goal")
assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-ext-plus/1.0/lib-ext-plus-1.0.jar").isFile()
// Core extension, build extension and goal: one request, one INFO line.
assert standin("/_standin/count?domain=it-ext-plus-${mavenLabel}") == "1"
assert log.count("CodeArtifact token for domain it-ext-plus-${mavenLabel}") == 1
assert !log.contains("Failed to notify spy")
true
