// A rerun without "clean" must fetch the protected artifacts again and start without a security file.
["parent-decrypt-ext", "lib-decrypt-ext"].each { new File(localRepositoryPath, "dev/codeartifact/protected/" + it).deleteDir() }
new File(basedir, "target/security").deleteDir()
true
