// Shared by the verify scripts of the control ITs (a repository answering 401 to a build without a token), which
// evaluate this file from the source tree and use the map it returns:
//   def unauthorized = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/unauthorized.groovy"))
//   messages(standinUrl, repo, coords, path): the message Maven gives for the 401 to that artifact, as each transport
//     words it (the forms RejectedTokens reads): "Could not transfer artifact COORDS from/to codeartifact (URL): " then
//     "status code: 401, reason phrase: Unauthorized (401)" (native transport, Maven 3.9), "HTTP Status: 401" (Maven
//     3.10 and 4), "Authentication failed for FILE-URL 401 Unauthorized" (Wagon, Maven 3.6) or "authentication failed
//     for FILE-URL, status: 401 Unauthorized" (Wagon, Maven 3.8 and later);
//   errorLines(log, standinUrl, repo, coords, path): the [ERROR] and [FATAL] lines of build.log (colours removed; Maven 4
//     indents some) that carry one of those messages, not followed by anything that would make it another message
//     (a digit or letter);
//   trackedError(localRepositoryPath, standinUrl, repo, coords, path): the error the resolver recorded for that
//     artifact and repository in its tracking file (FILE.lastUpdated beside the file in the local repository), or
//     null; Maven 3.10 prints a failed POM only as "already failed in this session" and keeps the 401 there.
def messages = { String standinUrl, String repo, String coords, String path ->
  def prefix = "Could not transfer artifact ${coords} from/to codeartifact (${standinUrl}/maven/${repo}/): "
  def url = "${standinUrl}/maven/${repo}/${path}"
  ["status code: 401, reason phrase: Unauthorized (401)", "HTTP Status: 401", "Authentication failed for ${url} 401 Unauthorized",
      "authentication failed for ${url}, status: 401 Unauthorized"].collect { (prefix + it).toString() }
}
def errorLines = { String log, String standinUrl, String repo, String coords, String path ->
  def patterns = messages(standinUrl, repo, coords, path).collect { java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(it) + /(?![\w])/) }
  log.readLines().collect { it.replaceAll(/\u001B\[[0-9;]*m/, "") }
      .findAll { line -> line.trim() ==~ /^\[(ERROR|FATAL)\] .*/ && patterns.any { it.matcher(line).find() } }
}
def trackedError = { localRepositoryPath, String standinUrl, String repo, String coords, String path ->
  def tracking = new File("${localRepositoryPath}", path + ".lastUpdated")
  if (!tracking.isFile()) {
    return null
  }
  def p = new Properties()
  tracking.withInputStream { p.load(it) }
  p.getProperty("${standinUrl}/maven/${repo}/.error".toString())
}
[messages: messages, errorLines: errorLines, trackedError: trackedError]
