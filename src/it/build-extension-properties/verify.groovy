def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text

// The build extension alone (no plugin block, no goal) authenticated the module's resolution, configured
// by the top-level POM's properties, with one token request.
assert log.contains("CodeArtifact token for domain it-buildext-${mavenLabel} (owner caller's account, region eu-central-1) applied to codeartifact")
assert log.contains("BUILD SUCCESS")
assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-buildext/1.0/lib-buildext-1.0.jar").isFile()
assert standin("/_standin/count?domain=it-buildext-${mavenLabel}") == "1"
true
