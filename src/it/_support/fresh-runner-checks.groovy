// Shared by the verify scripts of the fresh-runner-* ITs that pass (a build behind a mirrorOf * mirror, from a
// local repository fresh-repo/ that held nothing but what the IT brought):
//   def fresh = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/fresh-runner-checks.groovy"))(basedir, standinUrl, mavenLabel, NAME)
// NAME names the IT's stand-in repository (NAME-LABEL), protected artifact (lib-NAME) and domain (it-NAME-LABEL).
// Asserts that the build passed with the token applied to the mirror, that the artifact and the compiler plugin
// came into fresh-repo/ through the mirror, and that every 401 was a challenge answered with the token; returns
// fresh-repo/ for the IT's own checks.
return { basedir, String standinUrl, String mavenLabel, String name ->
  def standin = { String path -> new URL(standinUrl + path).text.trim() }
  def log = new File("${basedir}", "build.log").text
  def fresh = new File("${basedir}", "fresh-repo")
  def domain = "it-${name}-${mavenLabel}"
  assert log.contains("BUILD SUCCESS")
  assert log.contains("CodeArtifact token for domain ${domain} (owner caller's account, region us-west-2) applied to codeartifact-mirror")
  // The build used the fresh repository (not the label's), and what it needed came into it through the mirror.
  assert new File(fresh, "dev/codeartifact/protected/lib-${name}/1.0/lib-${name}-1.0.jar").isFile()
  assert new File(fresh, "org/apache/maven/plugins/maven-compiler-plugin/3.13.0/maven-compiler-plugin-3.13.0.jar").isFile()
  def requests = standin("/_standin/requests?repo=${name}-${mavenLabel}").readLines()
  assert requests.any { it.startsWith("GET 200") && it.endsWith("maven-compiler-plugin-3.13.0.pom") }
  assert requests.any { it.startsWith("GET 200") && it.endsWith("lib-${name}-1.0.pom") }
  // Every 401 was the transport's challenge, answered with the token: each challenged path was asked again and
  // got another answer (200, a 307 to storage, or a 404 for what the repository does not have, such as Maven 4's
  // .meta/prefixes.txt), so no request failed for want of it.
  def path = { String line -> line.split(" ")[2] }
  def challenged = requests.findAll { it.startsWith("GET 401 ") }.collect(path) as Set
  def answered = requests.findAll { it ==~ /GET (?!401 )\d{3} .*/ }.collect(path) as Set
  assert answered.containsAll(challenged)
  assert standin("/_standin/count?domain=${domain}") == "1"
  return fresh
}
