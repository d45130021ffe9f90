// A rerun without "clean" must ask for the protected artifact again.
new File(localRepositoryPath, "dev/codeartifact/protected/lib-decrypt-not-loaded").deleteDir()
true
