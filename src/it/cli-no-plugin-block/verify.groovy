def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text

assert log.contains("applied to codeartifact")
assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-cli/1.0/lib-cli-1.0.jar").isFile()
assert standin("/_standin/count?domain=it-cli-${mavenLabel}") == "1"
true
