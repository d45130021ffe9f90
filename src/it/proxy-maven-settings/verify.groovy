def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "it-proxy-settings-${mavenLabel}")
check.behindProxy {
  check.passedWithToken()
  check.downloaded("lib-proxy-settings")
  // Exactly the one token call went through the proxy (the repository, on localhost, did not).
  check.proxyCount(1)
  check.shows("through proxy corp (127.0.0.1:")
  check.neverShows("proxy-pw-never-logged-7f3a", "the proxy password")
  // The token cache asked for with -Dcodeartifact.cacheDir=ca-cache: owner-only files (the audit checks names too).
  def cache = new File(basedir, "ca-cache")
  assert cache.isDirectory()
  def files = cache.listFiles().findAll { it.isFile() && !it.name.endsWith(".lock") }
  assert !files.isEmpty()
  files.each { f ->
    assert java.nio.file.Files.getPosixFilePermissions(f.toPath()).collect { it.toString() }.sort() == ["OWNER_READ", "OWNER_WRITE"]
  }
  check.noIssuedToken()
}
true
