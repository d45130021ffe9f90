def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text
// What the user sees (Maven 3.6.3 words the 401 "... .jar 401 Unauthorized", 3.8 "... .jar, status: 401 Unauthorized"): the build extension cannot load, because plexus-utils 1.1 needs the token.
assert log =~ /\[ERROR\] .*Unresolveable build extension: Plugin dev\.codeartifact:codeartifact-maven-plugin:\S+ or one of its dependencies could not be resolved: .*org\.codehaus\.plexus:plexus-utils:jar:1\.1/
assert log =~ /Could not transfer artifact org\.codehaus\.plexus:plexus-utils:jar:1\.1 from\/to codeartifact-mirror \(\S+\): [Aa]uthentication failed for \S+\/plexus-utils-1\.1\.jar,? (status: )?401 Unauthorized/
// The request went to the mirror without credentials, and no token was ever asked for.
def requests = standin("/_standin/requests?repo=fresh-${mavenLabel}").readLines()
assert requests.any { it.contains(" 401 ") && it.contains("plexus-utils") }
assert standin("/_standin/count?domain=it-fresh-${mavenLabel}") == "0"
true
