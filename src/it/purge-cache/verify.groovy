def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text
def cache = new File(basedir, "cache")

assert log.contains("[INFO] Deleted 1 cached CodeArtifact token from " + cache.canonicalPath)
assert log.contains("[INFO] Deleted the unpacked copy of the plugin's AWS SDK from " + new File(cache, "sdk").canonicalPath)
assert cache.list().toList() == ["keep-me.txt"] : "left in the cache: " + cache.list().toList()
assert standin("/_standin/count?domain=it-purge-${mavenLabel}") == "1"
true
