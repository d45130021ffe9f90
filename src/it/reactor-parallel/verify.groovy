def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text

for (m in ["module-a", "module-b", "module-c"]) {
  assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-reactor-${m}/1.0/lib-reactor-${m}-1.0.jar").isFile()
}
assert log.contains("BUILD SUCCESS")
// One token per build, whatever the number of modules and threads.
assert standin("/_standin/count?domain=it-reactor-${mavenLabel}") == "1"
true
