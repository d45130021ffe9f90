def standin(String path) { new URL(standinUrl + path).text.trim() }
def log = new File(basedir, "build.log").text

assert log.contains("lib-control")
assert log.contains("401")
assert !new File(localRepositoryPath, "dev/codeartifact/protected/lib-control/1.0/lib-control-1.0.jar").exists()
true
