def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text
def domain = "it-proxy-settings-${mavenLabel}"
try {
  assert log.contains("CodeArtifact token for domain ${domain} (owner caller's account, region us-west-2) applied to codeartifact")
  assert log.contains("BUILD SUCCESS")
  assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-proxy-settings/1.0/lib-proxy-settings-1.0.jar").isFile()
  // Exactly the one token call went through the proxy (the repository, on localhost, did not).
  assert new File(basedir, "proxy.count").text.trim() == "1"
  assert standin("/_standin/count?domain=${domain}") == "1"
  assert log.contains("through proxy corp (127.0.0.1:")
  assert !log.contains("proxy-pw-never-logged-7f3a") : "the proxy password appears in build.log"
  // The token cache asked for with -Dcodeartifact.cacheDir=ca-cache: owner-only files (the audit checks names too).
  def cache = new File(basedir, "ca-cache")
  assert cache.isDirectory()
  def files = cache.listFiles().findAll { it.isFile() && !it.name.endsWith(".lock") }
  assert !files.isEmpty()
  files.each { f ->
    assert java.nio.file.Files.getPosixFilePermissions(f.toPath()).collect { it.toString() }.sort() == ["OWNER_READ", "OWNER_WRITE"]
  }
  standin("/_standin/tokens").readLines().findAll { it }.each { t -> assert !log.contains(t.substring(0, 40)) : "an issued token appears in build.log" }
} finally {
  def pid = new File(basedir, "proxy.pid")
  if (pid.isFile()) { ProcessHandle.of(Long.parseLong(pid.text.trim())).ifPresent { it.destroy() } }
}
true
