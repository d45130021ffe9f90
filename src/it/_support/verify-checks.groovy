// Shared by the verify scripts of most ITs, which evaluate this file from the source tree and call what it returns
// with their script variables (the invoker's binding: basedir, standinUrl, standinData, localRepositoryPath) and the
// IT's domain (and its region, where not us-west-2):
//   def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "it-NAME-${mavenLabel}")
// The result is a map of values:
//   log, domain           the text of build.log; the domain;
//   what                  how the plugin names the IT's domain in its lines;
//   standin(path)         a GET of the stand-in's control API (e.g. "/_standin/count?domain=D"), trimmed;
//   secondsBetween(a, b)  seconds from the first build.log line containing a to the first containing b (lines carry
//                         HH:mm:ss.SSS through -Dorg.slf4j.simpleLogger.showDateTime);
// and of checks, each asserting one thing a user sees:
//   passedWithToken(n = 1)   BUILD SUCCESS with the domain's token applied to the server codeartifact, after n token
//                            requests (by default one: nothing asked twice);
//   passedWithoutToken(warning)  codeartifact.failOnError=false: the warning line, the build going on without a
//                            token, BUILD SUCCESS, no stack trace (noStackTrace) and no issued token (noIssuedToken);
//   passedWithCredentials(source)  BUILD SUCCESS, the token request signed with the credentials SOURCE gave
//                            (/_standin/signers: static, env-session, web-identity, assume-role), and none of the
//                            stand-in's AWS credentials nor any issued token in build.log;
//   failedWith(line)         build.log shows that error line, without a stack frame of the plugin's core or the SDK
//                            (noStackTrace) and without any issued token (noIssuedToken);
//   invalidBeforeAnyCall(line)  a validation error: the line, no token request, no frame of the plugin even with -e,
//                            and no stack trace at all without -e;
//   tokenRequests(n)         the stand-in was asked for n tokens for the domain;
//   downloaded(name, ext)    the protected artifact NAME:1.0 (ext "jar" by default, or "pom") is in the local repository;
//   resolvedParentAndLib(repo, name)  BUILD SUCCESS with parent-NAME (POM) and lib-NAME (jar) in the local
//                            repository, the parent POM served by the stand-in's repository REPO;
//   served(repo, status, path)  REPO answered a request for a path ending with PATH with STATUS ("GET 200", "PUT 201");
//   neverRefused(repo)       REPO never answered 401: every request carried the credentials;
//   deployed(repo, path)     PATH was PUT to REPO (201) and the stand-in stored it;
//   stsAnswered(line)        the stand-in's STS recorded that call ("ACTION STATUS ROLE");
//   proxyCount(n)            the counting proxy counted n requests (proxy.count);
//   shows(text)              build.log contains TEXT;
//   neverShows(text, what)   build.log does not contain TEXT (the message names WHAT, never the text: it may be a secret);
//   noStackTrace()           the suite runs with -e (showErrors): Maven may print its own trace of the one-line error,
//                            but never a cause from the plugin's core or the AWS SDK;
//   noStackTraceWithoutShowErrors()  in the run without -e (m3916wagon), no stack trace and no cause at all;
//   noIssuedToken()          no token the stand-in has issued (to this IT or any other) appears in build.log; asserts
//                            without ever printing a token;
//   behindProxy { ... }      runs the IT's checks, then (pass or fail) stops the counting proxy its prebuild script
//                            started (proxy.groovy; pid in proxy.pid).
return { Binding vars, String domain, String region = "us-west-2" ->
  def basedir = "${vars.basedir}"
  def log = new File(basedir, "build.log").text
  def standin = { String path -> new URL(vars.standinUrl + path).text.trim() }
  def what = "domain ${domain} (owner caller's account, region ${region})".toString()
  def stamp = { String marker ->
    def line = log.readLines().find { it.contains(marker) }
    assert line : "no line with ${marker}"
    def m = (line =~ /^(\d\d):(\d\d):(\d\d)\.(\d\d\d) /)
    assert m.find() : "no time stamp on the line with ${marker}"
    ((m.group(1).toInteger() * 60 + m.group(2).toInteger()) * 60 + m.group(3).toInteger()) * 1000 + m.group(4).toInteger()
  }
  def shows = { String text -> assert log.contains(text) : "build.log lacks: ${text}" }
  def neverShows = { String text, String description -> assert !log.contains(text) : "${description} appears in build.log" }
  def tokenRequests = { int n -> assert standin("/_standin/count?domain=${domain}") == n.toString() }
  def noStackTrace = {
    assert !log.contains("Caused by:") : "a cause is printed"
    assert !(log =~ /(?m)^\s+at (software\.amazon|dev\.codeartifact\.core)/) : "an SDK or core stack frame is printed"
  }
  def noStackTraceWithoutShowErrors = {
    if (!log.contains("Error stacktraces are turned on")) {
      assert !(log =~ /(?m)^\s+at [a-zA-Z]/) : "a stack trace without -e"
      assert !log.contains("Caused by:") : "a cause without -e"
    }
  }
  def noIssuedToken = {
    standin("/_standin/tokens").readLines().findAll { it }.each { t -> neverShows(t.substring(0, 40), "an issued token") }
  }
  def downloaded = { String name, String ext = "jar" ->
    def file = new File("${vars.localRepositoryPath}", "dev/codeartifact/protected/${name}/1.0/${name}-1.0.${ext}")
    assert file.isFile() : "not in the local repository: ${file}"
  }
  def requests = { String repo -> standin("/_standin/requests?repo=${repo}").readLines() }
  def served = { String repo, String status, String path ->
    def lines = requests(repo)
    assert lines.any { it.startsWith(status + " ") && it.endsWith(path) } : lines
  }
  [
    log: log,
    domain: domain,
    what: what,
    standin: standin,
    secondsBetween: { String from, String to -> (stamp(to) - stamp(from)) / 1000.0 },
    passedWithToken: { int n = 1 ->
      shows("BUILD SUCCESS")
      shows("CodeArtifact token for ${what} applied to codeartifact")
      tokenRequests(n)
    },
    passedWithoutToken: { String warning ->
      shows(warning)
      shows("(codeartifact.failOnError=false: going on without a token for codeartifact)")
      shows("BUILD SUCCESS")
      noStackTrace()
      noIssuedToken()
    },
    passedWithCredentials: { String source ->
      shows("BUILD SUCCESS")
      assert standin("/_standin/signers?domain=${domain}") == source
      ["standin-web-identity-token", "standin-session-", "standin-secret-key"].each { neverShows(it, "an AWS credential") }
      noIssuedToken()
    },
    failedWith: { String line ->
      shows(line)
      noStackTrace()
      noIssuedToken()
    },
    invalidBeforeAnyCall: { String line ->
      shows(line)
      tokenRequests(0)
      assert !log.contains("\tat dev.codeartifact")
      noStackTraceWithoutShowErrors()
    },
    tokenRequests: tokenRequests,
    downloaded: downloaded,
    resolvedParentAndLib: { String repo, String name ->
      shows("BUILD SUCCESS")
      downloaded("parent-${name}", "pom")
      downloaded("lib-${name}")
      served(repo, "GET 200", "parent-${name}-1.0.pom")
    },
    served: served,
    neverRefused: { String repo ->
      def lines = requests(repo)
      assert lines.count { it.startsWith("GET 401") || it.startsWith("HEAD 401") } == 0 : lines
    },
    deployed: { String repo, String path ->
      served(repo, "PUT 201", path)
      assert new File("${vars.standinData}", "repos/${repo}/${path}").isFile()
    },
    stsAnswered: { String line -> assert standin("/_standin/sts").readLines().contains(line) },
    proxyCount: { int n -> assert new File(basedir, "proxy.count").text.trim() == n.toString() },
    shows: shows,
    neverShows: neverShows,
    noStackTrace: noStackTrace,
    noStackTraceWithoutShowErrors: noStackTraceWithoutShowErrors,
    noIssuedToken: noIssuedToken,
    behindProxy: { Closure checks ->
      try {
        checks()
      } finally {
        def pid = new File(basedir, "proxy.pid")
        if (pid.isFile()) { ProcessHandle.of(Long.parseLong(pid.text.trim())).ifPresent { it.destroy() } }
      }
    },
  ]
}
