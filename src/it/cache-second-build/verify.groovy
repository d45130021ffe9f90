def standin(String path) { new URL(standinUrl + path).text.trim() }
assert new File(localRepositoryPath, "dev/codeartifact/protected/lib-cache-second-build/1.0/lib-cache-second-build-1.0.jar").isFile()
assert standin("/_standin/count?domain=it-cache-second-build-${mavenLabel}") == "1"
true
