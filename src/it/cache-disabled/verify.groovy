def lib = "lib-cache-disabled"
def domain = "it-cache-disabled-${mavenLabel}"
def second = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/second-build.groovy"))(basedir, standinUrl, localRepositoryPath, lib, domain)
assert second.standin("/_standin/count?domain=${domain}") == "2"
// Each build used its own token: the first build's artifact came with the first, and the artifact only the
// second build depends on came with the second.
assert second.withToken(lib, 1) : "the first build did not use the first token:\n" + second.byToken.join("\n")
assert second.withToken(lib + "-two", 2) : "the second build did not use a second token:\n" + second.byToken.join("\n")
// With the cache off, both builds say they asked AWS.
assert second.from(0) == "AWS" && second.from(1) == "AWS" : "from: " + second.from(0) + ", " + second.from(1)
true
