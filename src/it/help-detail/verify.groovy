def log = new File(basedir, "build.log").text
assert log.contains("BUILD SUCCESS")

// The text of one goal's section of the help output.
def section = { String goal ->
  int start = log.indexOf("\ncodeartifact:" + goal + "\n")
  assert start >= 0 : "no section for codeartifact:" + goal
  int end = log.indexOf("\ncodeartifact:", start + 1)
  log.substring(start, end < 0 ? log.length() : end)
}
def shared = ["domain", "domainOwner", "durationSeconds", "region", "profile", "endpoint", "cache", "cacheDir",
    "tokenFromEnvironment", "failOnError", "connectTimeout", "readTimeout", "caBundle", "fips", "dualstack"]
def goals = [
    token: shared + ["output", "query", "tokenFile"],
    login: shared + ["serverIds", "url", "settingsFile", "remove", "passwordForm"],
    purge: shared]
goals.each { goal, params ->
  def s = section(goal)
  assert s.contains("Runs without a project") || goal == "token"
  params.each { p ->
    def m = s =~ /(?s)\n    ${p}( \(Default: [^)]+\))?\n(.*?)\n      User property: codeartifact\.${p}\n/
    assert m.find() : "codeartifact:" + goal + " -Ddetail does not document " + p
    assert m.group(2).trim().length() > 20 : "codeartifact:" + goal + " " + p + " has no description"
  }
}
assert section("token") =~ /\n    output \(Default: json\)\n/
assert section("login") =~ /\n    remove \(Default: false\)\n/
assert section("token").contains("without a project")
true
