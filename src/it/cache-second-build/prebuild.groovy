// A rerun without "clean" must download the protected artifacts again, or the second build would prove nothing.
["lib-cache-second-build", "lib-cache-second-build-two"].each { new File(localRepositoryPath, "dev/codeartifact/protected/" + it).deleteDir() }
true
