def lib = "lib-cache-second-build"
def domain = "it-cache-second-build-${mavenLabel}"
def second = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/second-build.groovy"))(basedir, standinUrl, localRepositoryPath, lib, domain)
assert second.standin("/_standin/count?domain=${domain}") == "1"
// The second build downloaded an artifact the first one never asked for, with the (cached) first token.
assert second.withToken(lib + "-two", 1) \
    : "the second artifact was not downloaded with the domain's (first and only) token:\n" + second.byToken.join("\n")
// The user reads where each build's token came from.
assert second.from(0) == "AWS" : "first build: " + second.from(0)
assert second.from(1) == "the disk cache" : "second build: " + second.from(1)
true
