// Shared by the verify scripts of the fault-*, proxy-* and tls-* ITs, which evaluate this file from the source tree
// and call what it returns with their script variables and the IT's domain:
//   def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(basedir, standinUrl, domain)
// The result is a map of:
//   log                   the text of build.log;
//   standin(path)         a GET of the stand-in's control API (e.g. "/_standin/count?domain=D"), trimmed;
//   what                  how the plugin names the IT's domain in its lines;
//   secondsBetween(a, b)  seconds from the first build.log line containing a to the first containing b (lines carry
//                         HH:mm:ss.SSS through -Dorg.slf4j.simpleLogger.showDateTime);
//   noStackTrace()        the suite runs with -e (showErrors): Maven may print its own trace of the one-line error,
//                         but never a cause from the plugin's core or the AWS SDK;
//   noStackTraceWithoutShowErrors()  in the run without -e (m3916wagon), no stack trace and no cause at all;
//   noIssuedToken()       no token the stand-in has issued (to this IT or any other) appears in build.log; asserts
//                         without ever printing a token.
return { basedir, String standinUrl, String domain ->
  def log = new File("${basedir}", "build.log").text
  def standin = { String path -> new URL(standinUrl + path).text.trim() }
  def stamp = { String marker ->
    def line = log.readLines().find { it.contains(marker) }
    assert line : "no line with ${marker}"
    def m = (line =~ /^(\d\d):(\d\d):(\d\d)\.(\d\d\d) /)
    assert m.find() : "no time stamp on the line with ${marker}"
    ((m.group(1).toInteger() * 60 + m.group(2).toInteger()) * 60 + m.group(3).toInteger()) * 1000 + m.group(4).toInteger()
  }
  [
    log: log,
    standin: standin,
    what: "domain ${domain} (owner caller's account, region us-west-2)".toString(),
    secondsBetween: { String from, String to -> (stamp(to) - stamp(from)) / 1000.0 },
    noStackTrace: {
      assert !log.contains("Caused by:") : "a cause is printed"
      assert !(log =~ /(?m)^\s+at (software\.amazon|dev\.codeartifact\.core)/) : "an SDK or core stack frame is printed"
    },
    noStackTraceWithoutShowErrors: {
      if (!log.contains("Error stacktraces are turned on")) {
        assert !(log =~ /(?m)^\s+at [a-zA-Z]/) : "a stack trace without -e"
        assert !log.contains("Caused by:") : "a cause without -e"
      }
    },
    noIssuedToken: {
      standin("/_standin/tokens").readLines().findAll { it }.each { t ->
        assert !log.contains(t.substring(0, 40)) : "an issued token appears in build.log"
      }
    },
  ]
}
