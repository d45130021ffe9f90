def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text

// The protected jar came through the stand-in, with one token request for the extension and the goal together.
assert log.contains("CodeArtifact token for domain it-resolve-${mavenLabel} (owner caller's account, region us-west-2) applied to codeartifact")
assert log.contains("BUILD SUCCESS")
assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-resolve/1.0/lib-resolve-1.0.jar").isFile()
assert standin("/_standin/count?domain=it-resolve-${mavenLabel}") == "1"
true
