def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text

for (m in ["module-a", "module-b"]) {
  assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-goalreactor-${m}/1.0/lib-goalreactor-${m}-1.0.jar").isFile()
}
assert standin("/_standin/count?domain=it-goalreactor-${mavenLabel}") == "1"
true
