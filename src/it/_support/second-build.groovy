// Shared by the verify scripts of cache-second-build and cache-disabled: two builds, the second of which alone
// depends on a second protected artifact (LIB-two, through a profile that only -Dit.secondBuild activates).
//   def second = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/second-build.groovy"))(basedir, standinUrl, localRepositoryPath, LIB, DOMAIN)
// Asserts what both ITs need (two successful builds; both artifacts in the local repository; where Maven logs
// transfers, that only the second build downloaded LIB-two; at the stand-in, that no request for LIB-two came
// before the last for LIB) and returns a map of:
//   standin(path)               a GET of the stand-in's control API, trimmed;
//   byToken                     the lines of /_standin/requests-by-token for DOMAIN ("GET 200 PATH #N");
//   withToken(artifact, n)      the artifact's POM was served and its jar redirected to storage (as CodeArtifact
//                               does), each with the domain's n-th issued token (never prints a token);
//   from(n)                     where the n-th build's (0 or 1) applied token came from, as its INFO line says
//                               ("AWS", "the disk cache"), or null.
return { basedir, String standinUrl, localRepositoryPath, String lib, String domain ->
  def standin = { String path -> new URL(standinUrl + path).text.trim() }
  def two = lib + "-two"
  def log = new File("${basedir}", "build.log").text
  def builds = log.split(/(?m)^\[INFO\] BUILD SUCCESS\r?$/)
  assert builds.size() == 3 : "expected two successful builds in build.log"
  // Where Maven logs transfers (Maven 3; Maven 4 logs none in batch mode, and there only the profile, which nothing
  // but -Dit.secondBuild activates, keeps the artifact out of the first build) the log shows which build downloaded it.
  if (builds[0].contains("Downloaded from codeartifact: ")) {
    assert !builds[0].contains(two) : "the first build already resolved the second artifact"
    assert builds[1].contains("Downloaded from codeartifact: ${standinUrl}/maven/protected/dev/codeartifact/protected/${two}/1.0/${two}-1.0.jar")
  } else {
    println "This Maven logs no transfers in batch mode: which build downloaded ${two} is not checked in build.log"
  }
  [lib, two].each { assert new File(localRepositoryPath, "dev/codeartifact/protected/${it}/1.0/${it}-1.0.jar").isFile() }
  def byToken = standin("/_standin/requests-by-token?domain=${domain}").readLines()
  // One build collects every POM before it downloads a jar: had the first build resolved both artifacts, a request
  // for the second would come before the first artifact's jar. All of the first artifact's come first.
  def lastOne = byToken.findLastIndexOf { it.contains("/${lib}/1.0/") }
  def firstTwo = byToken.findIndexOf { it.contains("/${two}/1.0/") }
  assert lastOne >= 0 && firstTwo > lastOne : "the two artifacts were downloaded together:\n" + byToken.join("\n")
  def served = { String path, int n -> ["GET 200 ${path} #${n}", "GET 307 ${path} #${n}"].any { byToken.contains(it.toString()) } }
  def withToken = { String artifact, int n ->
    def path = "/maven/protected/dev/codeartifact/protected/${artifact}/1.0/${artifact}-1.0"
    served("${path}.pom", n) && served("${path}.jar", n)
  }
  def from = { int n ->
    def m = builds[n] =~ /CodeArtifact token for domain ${domain} \(.*\) applied to codeartifact; expires \S+ \(in [^)]*\); from (.*)/
    m.find() ? m.group(1).trim() : null
  }
  return [standin: standin, byToken: byToken, withToken: withToken, from: from]
}
