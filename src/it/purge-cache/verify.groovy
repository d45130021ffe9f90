def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text
def cache = new File(basedir, "cache")

assert log.contains("[INFO] Deleted 1 cached CodeArtifact token from " + cache.canonicalPath)
assert cache.list().toList() == ["keep-me.txt"] : "left in the cache: " + cache.list().toList()
assert standin("/_standin/count?domain=it-purge-${mavenLabel}") == "1"
true
