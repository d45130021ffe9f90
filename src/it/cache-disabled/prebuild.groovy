// A rerun without "clean" must download the protected artifacts again, or the second build would prove nothing.
["lib-cache-disabled", "lib-cache-disabled-two"].each { new File(localRepositoryPath, "dev/codeartifact/protected/" + it).deleteDir() }
true
