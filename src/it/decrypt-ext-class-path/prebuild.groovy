// The plugin's jar as the file Maven's core class path names (.mvn/codeartifact.jar).
evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/core-class-path-jar.groovy"))(localRepositoryPath, basedir)
// A rerun without "clean" must fetch the protected artifacts again and start without a security file.
["parent-decrypt-ecp", "lib-decrypt-ecp"].each { new File(localRepositoryPath, "dev/codeartifact/protected/" + it).deleteDir() }
new File(basedir, "target/security").deleteDir()
true
