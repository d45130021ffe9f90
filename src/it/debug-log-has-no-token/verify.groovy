def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text

assert log.contains("[DEBUG]")
assert log.contains("BUILD SUCCESS")
def tokens = standin("/_standin/tokens").readLines().findAll { it }
assert !tokens.isEmpty()
tokens.each { t ->
  assert !log.contains(t) : "an issued token appears in build.log"
  assert !log.contains(t.substring(0, 40)) : "part of an issued token appears in build.log"
}
true
