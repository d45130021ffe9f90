def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text
def domain = "it-proxy-sysprops-${mavenLabel}"
try {
  assert log.contains("CodeArtifact token for domain ${domain} (owner caller's account, region us-west-2) applied to codeartifact")
  assert log.contains("BUILD SUCCESS")
  assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-proxy-sysprops/1.0/lib-proxy-sysprops-1.0.jar").isFile()
  assert new File(basedir, "proxy.count").text.trim() == "1"
  assert standin("/_standin/count?domain=${domain}") == "1"
} finally {
  def pid = new File(basedir, "proxy.pid")
  if (pid.isFile()) { ProcessHandle.of(Long.parseLong(pid.text.trim())).ifPresent { it.destroy() } }
}
true
