// Shared by the verify scripts of cache-revoked-token and ext-cache-revoked-token, which evaluate this file and
// call what it returns: verify(basedir, localRepositoryPath, standinUrl, artifactId) asserts what the user saw over
// the three builds (the first token cached then refused, removed with one WARNING, the third build passing on a new
// token) and that no issued token is in build.log.
return { basedir, localRepositoryPath, String standinUrl, String artifactId ->
  def standin = { String path -> new URL(standinUrl + path).text.trim() }
  def log = new File("${basedir}", "build.log").text
  def domain = new File("${basedir}", "domain.txt").text.trim()
  // Builds 1 and 2 share the first (revoked) token, build 3 fetched the second.
  assert standin("/_standin/count?domain=${domain}") == "2"
  assert standin("/_standin/unauthorized?repo=protected") != "0"
  def warning = "[WARNING] Repository codeartifact rejected (HTTP 401) the CodeArtifact token this build took from the token cache (fetched "
  assert log.count(warning) == 1 : "expected the cache warning once:\n" + log.readLines().findAll { it.contains("401") }.join("\n")
  assert log.contains("): it may have been revoked. It is removed from the cache, so the next build fetches a new one; -Dcodeartifact.cache=false skips the cache, mvn codeartifact:purge empties it")
  assert new File("${localRepositoryPath}", "dev/codeartifact/protected/${artifactId}/1.0/${artifactId}-1.0.jar").isFile()
  assert log.contains("BUILD SUCCESS")
  standin("/_standin/tokens").readLines().findAll { it }.each { t -> assert !log.contains(t.substring(0, 40)) : "an issued token appears in build.log" }
  true
}
