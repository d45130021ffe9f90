def log = new File(basedir, "build.log").text
assert log.contains("lib-goalcontrol")
assert log.contains("already failed in this session") || log.contains("401")
assert !new File(localRepositoryPath, "dev/codeartifact/protected/lib-goalcontrol/1.0/lib-goalcontrol-1.0.jar").exists()
true
